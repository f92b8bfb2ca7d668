import fs from 'node:fs';
import path from 'node:path';
import { GENESIS_HASH, hashEntry, verifyChain, type AuditFields } from '../../../shared/domain/audit-chain';
import { transaction, type Db } from '../../db/client';
import { systemContext, type RequestContext } from '../../lib/context';
import ExcelJS from 'exceljs';
import { wallClock } from '../../../shared/domain/dates';
import { timeZone } from '../../lib/clock';
import { validationError } from '../../lib/errors';
import { AuditRepository, type AuditFilter, type AuditRow } from './audit.repository';
import { escapeCell } from '../../lib/xlsx';

/** What a caller says about an event; who and from where come from the context. */
export interface AuditEvent {
  action: string;
  objectType?: string;
  objectId?: string;
  communityId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
  /** For events before a session exists (sign-in): the username tried. */
  username?: string;
  userId?: string;
}

function fieldsOf(row: AuditRow): AuditFields & { prevHash: string; hash: string } {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    userId: row.userId,
    username: row.username,
    ip: row.ip,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    communityId: row.communityId,
    outcome: row.outcome,
    details: row.details ?? null,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** Appends to the hash-chained audit log and verifies it. */
export class AuditService {
  private readonly repo: AuditRepository;
  /** The head last anchored by this process, so that an idle chain is not anchored again and again. */
  private lastAnchored: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly retentionDays: number,
    /** Where anchors are appended besides audit_anchors (AUDIT_ANCHOR_FILE); null: the table only. */
    private readonly anchorFile: string | null = null,
  ) {
    this.repo = new AuditRepository(db);
  }

  /** Appends an entry, inside the caller's transaction when one is running (both or neither are saved), else in its own. */
  async record(ctx: RequestContext, event: AuditEvent): Promise<void> {
    const write = async () => {
      await this.repo.lockChain();
      const last = await this.repo.last();
      const seq = await this.repo.nextSeq();
      const at = new Date();
      const fields: AuditFields = {
        seq,
        at: at.toISOString(),
        userId: event.userId ?? ctx.actor?.userId ?? null,
        username: event.username ?? ctx.actor?.username ?? null,
        ip: ctx.ip,
        action: event.action,
        objectType: event.objectType ?? null,
        objectId: event.objectId ?? null,
        communityId: event.communityId ?? null,
        outcome: event.outcome ?? 'success',
        details: event.details ?? null,
      };
      const prevHash = last?.hash ?? GENESIS_HASH;
      const hash = hashEntry(prevHash, fields);
      await this.repo.insert({ ...fields, outcome: fields.outcome as 'success', at, details: fields.details as object | null, prevHash, hash });
    };
    await transaction(this.db, write);
  }

  /** A page of the log, newest first, each entry with its object's readable name when `names` gives one. */
  async list(filter: AuditFilter, limit: number, offset: number, names?: AuditNames) {
    const r = await this.repo.page(filter, limit, offset);
    const named = await nameObjects(r.items, names);
    return { total: r.total, items: r.items.map((row) => ({ ...row, seq: Number(row.seq), at: row.at.toISOString(), objectName: named(row) })) };
  }

  /**
   * The filtered log as an .xlsx workbook (at most AUDIT_EXPORT_CAP entries, newest first), with the
   * actions, objects and outcomes as Chinese labels; the export is itself an audit entry.
   */
  async exportXlsx(
    ctx: RequestContext,
    filter: AuditFilter,
    labels: AuditExportLabels,
    names?: AuditNames,
  ): Promise<{ filename: string; rows: number; data: Buffer }> {
    const rows = await this.repo.countCapped(filter, AUDIT_EXPORT_CAP);
    if (rows > AUDIT_EXPORT_CAP)
      throw validationError([
        {
          path: 'filter',
          code: 'too_many',
          message: `符合条件的记录超过 ${AUDIT_EXPORT_CAP} 条，请缩小时间范围`,
          messageEn: `more than ${AUDIT_EXPORT_CAP} entries match; narrow the time range`,
        },
      ]);
    await this.record(ctx, { action: 'audit.export', objectType: 'audit_log', details: { rows, filter: exportedFilter(filter) } });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('审计日志');
    ws.columns = [
      { header: '序号', key: 'seq', width: 8 },
      { header: '时间', key: 'at', width: 20 },
      { header: '用户', key: 'username', width: 16 },
      { header: '操作', key: 'action', width: 26 },
      { header: '操作代码', key: 'code', width: 24 },
      { header: '对象类型', key: 'objectType', width: 12 },
      { header: '对象', key: 'object', width: 30 },
      { header: '结果', key: 'outcome', width: 8 },
      { header: 'IP 地址', key: 'ip', width: 16 },
      { header: '详情', key: 'details', width: 60 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    let before: number | null = null;
    for (;;) {
      const batch = await this.repo.batchOf(filter, before, 1000);
      if (batch.length === 0) break;
      const named = await nameObjects(batch, names);
      for (const e of batch) {
        ws.addRow({
          seq: Number(e.seq),
          at: localTime(e.at, timeZone()),
          username: escapeCell(e.username ?? ''),
          action: escapeCell(labels.actions[e.action]?.zh ?? e.action),
          code: e.action,
          objectType: e.objectType ? escapeCell(labels.objects[e.objectType]?.zh ?? e.objectType) : '',
          object: escapeCell(named(e) ?? e.objectId ?? ''),
          outcome: OUTCOME_ZH[e.outcome] ?? e.outcome,
          ip: escapeCell(e.ip ?? ''),
          details: e.details == null ? '' : escapeCell(detailsText(e.details)),
        });
      }
      before = Number(batch[batch.length - 1].seq);
    }
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    return { filename: `审计日志-${localTime(new Date(), timeZone()).slice(0, 10)}.xlsx`, rows, data };
  }

  /**
   * Walks the whole chain in batches and reports the first problem:
   * - `hash_mismatch` / `link_mismatch`: an entry altered, or one removed from the middle;
   * - `head_cut`: the first surviving entry neither starts the chain (GENESIS) nor is the one the last
   *   purge record names (with a purged predecessor older than the 180-day floor): entries were deleted
   *   at the start outside the retention purge;
   * - `anchor_mismatch`: the entry at an anchored seq is missing or has another hash (the chain was
   *   rewritten from some point on);
   * - `tail_cut`: the chain ends before the newest anchor (entries deleted at the end).
   * Anchors come from audit_anchors and from the anchor file; those below the first surviving entry were
   * purged with it and are skipped.
   */
  async verify(): Promise<AuditVerdict> {
    const purge = await this.repo.lastPurge();
    const anchors = [...(await this.repo.anchors()), ...readAnchorFile(this.anchorFile)];
    let after = 0;
    let anchor: string | undefined;
    let checked = 0;
    let firstSeq: number | null = null;
    let lastSeq: number | null = null;
    const seen = new Map<number, string>();
    const bySeq = new Map<number, string[]>();
    for (const a of anchors) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a.hash]);
    const newest = anchors.reduce<AuditAnchor | null>((m, a) => (!m || a.seq > m.seq ? a : m), null);
    const summary = () => ({ firstSeq, lastSeq, anchors: anchors.length, lastAnchor: newest ? { seq: newest.seq, at: newest.at.toISOString() } : null });
    for (;;) {
      const batch = await this.repo.batchAfter(after, 5000);
      if (batch.length === 0) break;
      const entries = batch.map(fieldsOf);
      if (firstSeq === null) {
        const first = entries[0];
        firstSeq = first.seq;
        if (first.prevHash !== GENESIS_HASH && !purgeExplains(purge, first))
          return { ok: false, checked, brokenAt: first.seq, reason: 'head_cut', ...summary(), lastSeq: first.seq };
        anchor = first.prevHash;
      }
      const verdict = verifyChain(entries, anchor);
      if (!verdict.ok) return { ...verdict, checked: checked + verdict.checked, ...summary(), lastSeq: entries[entries.length - 1].seq };
      for (const e of entries) {
        const hashes = bySeq.get(e.seq);
        if (hashes?.some((h) => h !== e.hash))
          return { ok: false, checked: checked + entries.indexOf(e), brokenAt: e.seq, reason: 'anchor_mismatch', ...summary() };
        if (hashes) seen.set(e.seq, e.hash);
      }
      checked += verdict.checked;
      anchor = entries[entries.length - 1].hash;
      after = lastSeq = entries[entries.length - 1].seq;
    }
    // An anchor the walk passed without finding its entry: removed from the middle, or the chain ends early.
    for (const a of [...anchors].sort((x, y) => x.seq - y.seq)) {
      if (firstSeq !== null && a.seq < firstSeq) continue;
      if (seen.has(a.seq)) continue;
      const reason = lastSeq === null || a.seq > lastSeq ? 'tail_cut' : 'anchor_mismatch';
      return { ok: false, checked, brokenAt: a.seq, reason, ...summary() };
    }
    return { ok: true, checked, ...summary() };
  }

  /**
   * Records the chain's head (seq and hash) in audit_anchors and appends it to the anchor file; returns
   * it for the server log. Nothing is written when the head has not moved since the last anchor.
   */
  async anchor(now = new Date()): Promise<AuditAnchor | null> {
    const head = await this.repo.last();
    if (!head) return null;
    if (this.lastAnchored === `${head.seq}:${head.hash}`) return null;
    const a = { seq: Number(head.seq), hash: head.hash, at: now };
    await this.repo.insertAnchor(a);
    if (this.anchorFile) {
      await fs.promises.mkdir(path.dirname(this.anchorFile), { recursive: true });
      await fs.promises.appendFile(this.anchorFile, `${JSON.stringify({ seq: a.seq, hash: a.hash, at: a.at.toISOString() })}\n`, { mode: 0o600 });
    }
    this.lastAnchored = `${head.seq}:${head.hash}`;
    return a;
  }

  /**
   * Deletes the entries older than the retention period (never younger than 180 days: the database
   * refuses that too) and records the purge as an entry in the same transaction, naming the last entry
   * deleted and the new first entry (seq and hash), which the verifier checks the chain's start against.
   */
  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionDays * 86_400_000);
    return transaction(this.db, async () => {
      await this.repo.lockChain();
      const purged = await this.repo.purgePrefix(cutoff);
      if (!purged.count || !purged.last) return 0;
      const first = await this.repo.first();
      await this.record(systemContext, {
        action: 'audit.purge',
        objectType: 'audit_log',
        objectId: 'purge',
        details: {
          purged: purged.count,
          cutoff: cutoff.toISOString(),
          lastPurgedSeq: purged.last.seq,
          lastPurgedAt: purged.last.at.toISOString(),
          lastPurgedHash: purged.last.hash,
          // Null when nothing older survives: this record is then the chain's first entry.
          firstSeq: first ? Number(first.seq) : null,
          firstHash: first?.hash ?? null,
        },
      });
      return purged.count;
    });
  }
}

/** Readable names of objects, per object type (from the modules' manifests). */
export type AuditNames = (objectType: string, ids: string[]) => Promise<Map<string, string>>;

/** Labels the export writes instead of codes. */
export interface AuditExportLabels {
  actions: Record<string, { zh: string; en: string }>;
  objects: Record<string, { zh: string; en: string }>;
}

/** At most this many entries per export (a month of a busy city); narrower time ranges beyond. */
export const AUDIT_EXPORT_CAP = 100_000;

const OUTCOME_ZH: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' };

/** Looks up the names of a batch's objects, one query per object type. */
async function nameObjects(rows: AuditRow[], names?: AuditNames): Promise<(row: AuditRow) => string | null> {
  if (!names) return () => null;
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) if (r.objectType && r.objectId) idsByType.set(r.objectType, (idsByType.get(r.objectType) ?? new Set()).add(r.objectId));
  const found = new Map<string, Map<string, string>>();
  await Promise.all([...idsByType].map(async ([type, ids]) => found.set(type, await names(type, [...ids]))));
  return (row) => (row.objectType && row.objectId ? (found.get(row.objectType)?.get(row.objectId) ?? null) : null);
}

/** YYYY-MM-DD HH:mm:ss on the city's clock. */
function localTime(at: Date, zone: string): string {
  const c = wallClock(at, zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${c.year}-${p(c.month)}-${p(c.day)} ${p(c.hour)}:${p(c.minute)}:${p(c.second)}`;
}

/** Details as `key: value` lines (nested values as JSON). */
function detailsText(details: unknown): string {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return JSON.stringify(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');
}

/** The filter as recorded with an export (dates as ISO strings). */
function exportedFilter(f: AuditFilter): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

/**
 * Neutralises spreadsheet formulas (a username or details typed by an attacker): a text starting with
 * = + - @ (or tab / carriage return) gets a leading apostrophe (CSV injection, OWASP).
 */

/** A checkpoint of the chain's head. */
export interface AuditAnchor {
  seq: number;
  hash: string;
  at: Date;
}

/** What the verifier found; `brokenAt` and `reason` say where and why when not ok. */
export interface AuditVerdict {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  reason?: 'hash_mismatch' | 'link_mismatch' | 'head_cut' | 'tail_cut' | 'anchor_mismatch';
  firstSeq: number | null;
  lastSeq: number | null;
  /** Anchors compared (database and file). */
  anchors: number;
  lastAnchor: { seq: number; at: string } | null;
}

/** The floor of the retention period, also enforced by the database trigger (migration 0011). */
export const AUDIT_RETENTION_FLOOR_DAYS = 180;

/**
 * Whether the latest purge record explains where the chain starts: the first entry is the one it names
 * (or the record itself, when nothing older survived), links to the last entry it deleted, and that entry
 * was older than the 180-day floor when it was purged.
 */
function purgeExplains(purge: AuditRow | undefined, first: AuditFields & { prevHash: string; hash: string }): boolean {
  if (!purge) return false;
  const d = (purge.details ?? {}) as Record<string, unknown>;
  const namesFirst = d.firstSeq === null ? Number(purge.seq) === first.seq : d.firstSeq === first.seq && d.firstHash === first.hash;
  const lastPurgedAt = typeof d.lastPurgedAt === 'string' ? Date.parse(d.lastPurgedAt) : NaN;
  const oldEnough = lastPurgedAt <= purge.at.getTime() - AUDIT_RETENTION_FLOOR_DAYS * 86_400_000;
  return namesFirst && first.prevHash === d.lastPurgedHash && oldEnough;
}

/** Anchors from the anchor file (one JSON object per line); lines that do not parse are skipped. */
function readAnchorFile(file: string | null): AuditAnchor[] {
  if (!file || !fs.existsSync(file)) return [];
  const out: AuditAnchor[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const a = JSON.parse(line) as { seq?: unknown; hash?: unknown; at?: unknown };
      if (typeof a.seq === 'number' && typeof a.hash === 'string') out.push({ seq: a.seq, hash: a.hash, at: new Date(typeof a.at === 'string' ? a.at : 0) });
    } catch {
      // A torn last line (the process died while appending) says nothing.
    }
  }
  return out;
}
