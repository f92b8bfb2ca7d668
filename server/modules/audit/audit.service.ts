import { GENESIS_HASH, hashEntry, verifyChain, type AuditFields, type ChainVerdict } from '../../../shared/domain/audit-chain';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AuditRepository, type AuditRow } from './audit.repository';

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
  constructor(
    private readonly db: Db,
    private readonly retentionDays: number,
  ) {
    this.repo = new AuditRepository(db);
  }

  /** Appends an entry; pass `tx` to make it part of the caller's transaction (both or neither are saved). */
  async record(ctx: RequestContext, event: AuditEvent, tx?: Db): Promise<void> {
    const write = async (t: Db) => {
      await this.repo.lockChain(t);
      const last = await this.repo.last(t);
      const seq = await this.repo.nextSeq(t);
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
      await this.repo.insert(t, { ...fields, outcome: fields.outcome as 'success', at, details: fields.details as object | null, prevHash, hash });
    };
    if (tx) await write(tx);
    else await this.db.transaction((t) => write(t as unknown as Db));
  }

  list(filter: Parameters<AuditRepository['page']>[0], limit: number, offset: number) {
    return this.repo
      .page(filter, limit, offset)
      .then((r) => ({ total: r.total, items: r.items.map((row) => ({ ...row, seq: Number(row.seq), at: row.at.toISOString() })) }));
  }

  /** Walks the whole chain in batches and reports the first broken link. */
  async verify(): Promise<ChainVerdict & { firstSeq: number | null; lastSeq: number | null }> {
    let after = 0;
    let anchor: string | undefined;
    let checked = 0;
    let firstSeq: number | null = null;
    let lastSeq: number | null = null;
    for (;;) {
      const batch = await this.repo.batchAfter(after, 5000);
      if (batch.length === 0) break;
      const entries = batch.map(fieldsOf);
      if (firstSeq === null) {
        firstSeq = entries[0].seq;
        // The first surviving entry anchors the chain: GENESIS unless retention purged its predecessors.
        anchor = entries[0].prevHash;
      }
      const verdict = verifyChain(entries, anchor);
      if (!verdict.ok) return { ...verdict, checked: checked + verdict.checked, firstSeq, lastSeq: entries[entries.length - 1].seq };
      checked += verdict.checked;
      anchor = entries[entries.length - 1].hash;
      after = lastSeq = entries[entries.length - 1].seq;
    }
    return { ok: true, checked, firstSeq, lastSeq };
  }

  /** Deletes entries older than the retention period (never younger than 180 days). */
  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionDays * 86_400_000);
    return this.repo.purgeBefore(cutoff);
  }
}
