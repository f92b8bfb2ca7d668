import type { ImportJobView, ImportRowError } from '../../../shared/contracts/imports';
import { IMPORT_ERRORS_SHOWN } from '../../../shared/contracts/imports';
import { maskIdNumber } from '../../../shared/domain/id-number';
import {
  COLUMN_HEADER,
  describeIssues,
  mapResidentRow,
  resolveHeader,
  type HeaderMap,
  type ImportColumnKey,
  type RowCells,
  type RowIssue,
} from '../../../shared/domain/resident-row';
import { transaction, type Db } from '../../db/client';
import type { Actor, RequestContext } from '../../lib/context';
import type { FieldCrypto } from '../../lib/crypto';
import { AppError, notFound, outOfScopeNotFound, validationError } from '../../lib/errors';
import { nameColumns } from '../../lib/pinyin';
import { NO_SCOPE, scopeCovers, type DataScope } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { RegionsService } from '../regions/regions.service';
import { DEFAULT_ZIP_LIMITS, detectType, headerForDetails, readSheet, type Sheet, type SheetRow, type ZipLimits } from './imports.files';
import { householdKey, type GridRef, type ImportJobRow, type ImportsRepository, type PreparedResident } from './imports.repository';
import { maskReport } from './imports.report';
import { buildReport, type ReportRow } from './imports.workbook';

/** Settings of the import feature. */
export interface ImportLimits {
  maxRows: number;
  zip?: ZipLimits;
  /** Rows per transaction. */
  batchSize?: number;
  /** Jobs waiting in this process before new uploads are refused. */
  maxQueued?: number;
}

interface Prepared {
  row: SheetRow;
  value: PreparedResident;
}

/** The households a job has seen: which grids are loaded, and grid + address → household id. */
interface HouseholdCache {
  grids: Set<string>;
  byKey: Map<string, string>;
}

/** What a finished or running job has counted. */
interface Counters {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** The report, kept encrypted on the job: the header and the failed rows with their reasons. */
interface StoredReport {
  header: string[];
  rows: ReportRow[];
}

const INTERRUPTED = 'INTERRUPTED';
const issue = (field: ImportColumnKey, code: string, message: string, messageEn: string): RowIssue => ({
  field: COLUMN_HEADER[field],
  code,
  message,
  messageEn,
});

/** Full-width digits and letters → ASCII, spaces removed: people type 第１网格. */
function normaliseRef(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
}

/** Resolves the 网格 column: a code, a full name, or a short name inside the default community. */
export class GridResolver {
  private byCode = new Map<string, GridRef>();
  private byName = new Map<string, GridRef[]>();
  private byShort = new Map<string, GridRef>();

  constructor(grids: GridRef[]) {
    for (const g of grids) {
      this.byCode.set(g.code, g);
      const list = this.byName.get(g.name) ?? [];
      list.push(g);
      this.byName.set(g.name, list);
      const prefix = g.communityName.replace(/社区$/, '');
      if (g.name.startsWith(prefix)) this.byShort.set(`${g.communityId}|${g.name.slice(prefix.length)}`, g);
    }
  }

  resolve(text: string, defaultCommunityId: string): GridRef | 'not_found' | 'ambiguous' {
    const t = normaliseRef(text);
    const code = this.byCode.get(t);
    if (code) return code;
    const named = this.byName.get(t) ?? [];
    const local = named.filter((g) => g.communityId === defaultCommunityId);
    if (local.length === 1) return local[0];
    if (named.length === 1) return named[0];
    if (named.length > 1) return 'ambiguous';
    return this.byShort.get(`${defaultCommunityId}|${t}`) ?? 'not_found';
  }
}

const covers = (scope: DataScope, grid: { id: string; communityId: string }) =>
  scope.all || scope.communityIds.includes(grid.communityId) || scope.gridIds.includes(grid.id);

/**
 * Resident imports: reads the upload at once (refusing bad files with a coded error), then saves the
 * rows in the background in batches, each batch one transaction, recording progress on the job.
 */
export class ImportsService {
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private stopping = false;

  /** Removes stored error reports older than `days` (residual personal data). */
  purgeReports(days: number, now = new Date()) {
    return this.repo.purgeReports(new Date(now.getTime() - days * 86_400_000));
  }

  constructor(
    private readonly db: Db,
    private readonly repo: ImportsRepository,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    private readonly limits: ImportLimits,
  ) {}

  /**
   * Checks the file (type, zip safety, row count, header) and queues the job. Returns once the rows are
   * read; saving continues in the background.
   */
  async startResidents(ctx: RequestContext, input: { communityId?: string; fileName: string; data: Buffer }): Promise<{ jobId: string; totalRows: number }> {
    const actor = ctx.actor!;
    const scope = await this.regions.scopeFor(actor, 'residents.import');
    const grids = await this.repo.grids();
    const communityId = await this.defaultCommunity(scope, grids, input.communityId);
    const type = detectType(input.fileName, input.data);
    if (this.queued >= (this.limits.maxQueued ?? 4)) throw new AppError('IMPORT_BUSY');
    const sheet = await readSheet(type, input.data, this.limits.maxRows, this.limits.zip ?? DEFAULT_ZIP_LIMITS);
    const header = resolveHeader(sheet.header);
    if (header.missing.length)
      throw new AppError('IMPORT_BAD_HEADER', { missing: header.missing, found: headerForDetails(sheet.header) }, { missing: header.missing.join('、') });
    if (sheet.rows.length === 0) throw new AppError('IMPORT_EMPTY');
    const job = await this.repo.insertJob({
      communityId,
      createdBy: actor.userId,
      fileName: input.fileName.slice(0, 200),
      fileType: type,
      totalRows: sheet.rows.length,
    });
    this.queued++;
    this.queue = this.queue.then(async () => {
      try {
        await this.run(ctx, job, sheet, header, grids);
      } finally {
        this.queued--;
      }
    });
    return { jobId: job.id, totalRows: sheet.rows.length };
  }

  /** The default community: as named (must be covered, else 403), or the only one the actor covers. */
  private async defaultCommunity(scope: DataScope, grids: GridRef[], requested?: string): Promise<string> {
    const coveredCommunities = new Set([...scope.communityIds, ...grids.filter((g) => scope.gridIds.includes(g.id)).map((g) => g.communityId)]);
    if (requested) {
      const community = await this.repo.community(requested);
      if (!community) throw notFound('community');
      if (!scope.all && !coveredCommunities.has(requested)) throw new AppError('OUT_OF_SCOPE', { communityId: requested });
      return requested;
    }
    if (!scope.all && coveredCommunities.size === 1) return [...coveredCommunities][0];
    throw validationError([{ path: 'communityId', code: 'required', message: '请选择导入到哪个社区', messageEn: 'communityId is required' }]);
  }

  /** Waits for queued jobs; with `interrupt`, running jobs stop after their current batch. */
  async drain(interrupt = false) {
    if (interrupt) this.stopping = true;
    await this.queue;
  }

  /** Marks jobs that a stopped process left behind (older than an hour, never finished) as failed. */
  async failStale() {
    await this.repo.failStale(new Date(Date.now() - 3_600_000));
  }

  private async run(ctx: RequestContext, job: ImportJobRow, sheet: Sheet, header: HeaderMap, grids: GridRef[]) {
    const actor = ctx.actor!;
    const counters: Counters = { processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
    const errors: ImportRowError[] = [];
    const report: StoredReport = { header: sheet.header, rows: [] };
    try {
      // Let the upload's 202 go out before the work starts (PGlite runs on this thread).
      await new Promise((resolve) => setImmediate(resolve));
      await this.repo.updateJob(job.id, { status: 'running', startedAt: new Date() });
      // The scope as of now: a grant withdrawn while the job waited applies.
      const scope = await this.regions.scopeFor(actor, 'residents.import');
      const resolver = new GridResolver(grids);
      const seenIds = new Map<string, number>();
      const heads = new Map<string, number>();
      const households: HouseholdCache = { grids: new Set(), byKey: new Map() };
      const batchSize = this.limits.batchSize ?? 1000;
      const idColumn = header.columns.indexOf('idNumber');
      const today = new Date();

      const fail = (row: SheetRow, issues: RowIssue[]) => {
        counters.failed++;
        // Batches report out of order by at most one batch; sorted and cut to IMPORT_ERRORS_SHOWN at the end.
        for (const i of issues)
          if (errors.length < IMPORT_ERRORS_SHOWN + 2 * batchSize) errors.push({ row: row.line, field: i.field, code: i.code, message: i.message });
        report.rows.push({ line: row.line, cells: row.cells, error: describeIssues(issues) });
      };

      let saving: Promise<void> = Promise.resolve();
      for (let start = 0; start < sheet.rows.length; start += batchSize) {
        if (this.stopping) throw new AppError('CONFLICT', { reason: INTERRUPTED });
        const chunk = sheet.rows.slice(start, start + batchSize);
        const prepared: Prepared[] = [];
        for (let k = 0; k < chunk.length; k++) {
          // Yield now and then so that the batch being saved gets its database answers without waiting for this loop.
          if (k % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
          const row = chunk[k];
          const cells: RowCells = {};
          header.columns.forEach((key, i) => {
            if (key) cells[key] = row.cells[i] ?? '';
          });
          if (row.lossy?.includes(idColumn)) cells.numericId = true;
          const { value, issues } = mapResidentRow(cells, today);
          if (!value) {
            fail(row, issues);
            continue;
          }
          const grid = resolver.resolve(value.grid, job.communityId);
          if (grid === 'not_found') issues.push(issue('grid', 'grid_not_found', `未找到网格“${value.grid}”`, `No grid "${value.grid}"`));
          else if (grid === 'ambiguous')
            issues.push(
              issue('grid', 'grid_ambiguous', `网格“${value.grid}”有重名，请填写网格编码`, `Several grids are named "${value.grid}"; use the grid code`),
            );
          else if (!covers(scope, grid))
            issues.push(issue('grid', 'grid_out_of_scope', `网格“${value.grid}”不在您的管辖范围内`, `Grid "${value.grid}" is outside your scope`));
          const firstLine = seenIds.get(value.idNumber);
          if (firstLine !== undefined)
            issues.push(issue('idNumber', 'duplicate_in_file', `与第 ${firstLine} 行的身份证号重复`, `Same ID number as row ${firstLine}`));
          const isHead = value.relationToHead === 'head' && !!value.address && typeof grid === 'object';
          if (isHead && typeof grid === 'object') {
            const headLine = heads.get(householdKey(grid.id, value.address!));
            if (headLine !== undefined)
              issues.push(issue('relationToHead', 'second_head', `同一住址已有户主（第 ${headLine} 行）`, `This address already has a head (row ${headLine})`));
          }
          if (issues.length || typeof grid !== 'object') {
            fail(row, issues);
            continue;
          }
          seenIds.set(value.idNumber, row.line);
          if (isHead) heads.set(householdKey(grid.id, value.address!), row.line);
          const n = value.idNumber;
          prepared.push({
            row,
            value: {
              ...value,
              ...nameColumns(value.name),
              idCipherHex: this.crypto.encrypt(n).toString('hex'),
              idHash: this.crypto.blindIndex(n),
              idMasked: maskIdNumber(n),
              idTailRev: n.slice(-6).split('').reverse().join(''),
              communityId: grid.communityId,
              gridId: grid.id,
            },
          });
        }

        // Pipeline: this batch is saved while the next one is validated and encrypted (CPU) above.
        await saving;
        saving = this.saveStage(prepared, chunk.length, scope, header.present, actor, households, counters, fail).then(() =>
          this.repo.updateJob(job.id, {
            processedRows: counters.processed,
            created: counters.created,
            updated: counters.updated,
            unchanged: counters.unchanged,
            failed: counters.failed,
          }),
        );
        // Let a failed save surface at the next await, not as an unhandled rejection.
        saving.catch(() => undefined);
      }
      await saving;
      errors.sort((a, b) => a.row - b.row);
      errors.length = Math.min(errors.length, IMPORT_ERRORS_SHOWN);
      report.rows.sort((a, b) => a.line - b.line);

      const reportCipher = this.crypto.encrypt(JSON.stringify(report));
      await transaction(this.db, async (tx) => {
        await this.repo.updateJob(job.id, { status: 'done', ...countersPatch(counters), errors, reportCipher, finishedAt: new Date() }, tx);
        await this.audit.record(
          ctx,
          {
            action: 'residents.import',
            objectType: 'import_job',
            objectId: job.id,
            communityId: job.communityId,
            details: {
              fileName: job.fileName,
              totalRows: job.totalRows,
              created: counters.created,
              updated: counters.updated,
              unchanged: counters.unchanged,
              failed: counters.failed,
            },
          },
          tx,
        );
      });
    } catch (err) {
      const code = err instanceof AppError ? ((err.details as { reason?: string } | undefined)?.reason ?? err.code) : 'INTERNAL';
      await this.repo
        .updateJob(job.id, { status: 'failed', failureCode: code, ...countersPatch(counters), errors, finishedAt: new Date() })
        .catch(() => undefined);
      await this.audit
        .record(ctx, {
          action: 'residents.import',
          objectType: 'import_job',
          objectId: job.id,
          communityId: job.communityId,
          outcome: 'failure',
          details: { fileName: job.fileName, failureCode: code, ...countersPatch(counters) },
        })
        .catch(() => undefined);
    }
  }

  /** Refuses rows registered outside the scope, saves the rest, and counts the batch as processed. */
  private async saveStage(
    prepared: Prepared[],
    batchRows: number,
    scope: DataScope,
    present: ReadonlySet<ImportColumnKey>,
    actor: Actor,
    households: HouseholdCache,
    counters: Counters,
    fail: (row: SheetRow, issues: RowIssue[]) => void,
  ) {
    // A resident registered outside the actor's scope cannot be changed through an import.
    const elsewhere = new Set(
      (
        await this.repo.outsideScope(
          prepared.map((p) => p.value.idHash),
          scope,
        )
      ).map((e) => e.idHash),
    );
    const toSave = prepared.filter((p) => {
      if (!elsewhere.has(p.value.idHash)) return true;
      fail(p.row, [
        issue(
          'idNumber',
          'registered_elsewhere',
          '该居民已在您管辖范围以外登记，不能通过导入修改',
          'This person is registered outside your scope and cannot be changed by an import',
        ),
      ]);
      return false;
    });
    await this.saveWithFallback(toSave, present, scope, actor, households, counters, fail);
    counters.processed += batchRows;
  }

  /**
   * Saves a batch in one transaction; if the database refuses it, saves the rows one by one so that one
   * bad row costs only itself. Each row is saved whole or not at all.
   */
  private async saveWithFallback(
    rows: Prepared[],
    present: ReadonlySet<ImportColumnKey>,
    scope: DataScope,
    actor: Actor,
    households: HouseholdCache,
    counters: Counters,
    fail: (row: SheetRow, issues: RowIssue[]) => void,
  ) {
    if (rows.length === 0) return;
    try {
      const r = await this.saveRows(rows, present, scope, actor, households);
      counters.created += r.inserted;
      counters.updated += r.updated;
      counters.unchanged += rows.length - r.inserted - r.updated;
      return;
    } catch {
      // Fall through to row-by-row.
    }
    for (const p of rows) {
      try {
        const r = await this.saveRows([p], present, scope, actor, households);
        counters.created += r.inserted;
        counters.updated += r.updated;
        counters.unchanged += 1 - r.inserted - r.updated;
      } catch (err) {
        const constraint =
          (err as { constraint?: string; cause?: { constraint?: string } }).constraint ?? (err as { cause?: { constraint?: string } }).cause?.constraint;
        fail(p.row, [
          { field: '', code: 'db_rejected', message: `数据库拒绝保存该行${constraint ? `（${constraint}）` : ''}`, messageEn: 'The database refused this row' },
        ]);
      }
    }
  }

  private async saveRows(rows: Prepared[], present: ReadonlySet<ImportColumnKey>, scope: DataScope, actor: Actor, cache: HouseholdCache) {
    // Households of a grid are loaded once per job, on the first row that lives there.
    const newGrids = [...new Set(rows.filter((p) => p.value.address && !cache.grids.has(p.value.gridId)).map((p) => p.value.gridId))];
    if (newGrids.length) {
      for (const [k, v] of await this.repo.gridHouseholds(newGrids)) cache.byKey.set(k, v);
      for (const g of newGrids) cache.grids.add(g);
    }
    const created = await transaction(this.db, async (tx) => {
      const wanted = new Map<string, { gridId: string; communityId: string; address: string }>();
      for (const p of rows) {
        const a = p.value.address;
        if (a && !cache.byKey.has(householdKey(p.value.gridId, a)))
          wanted.set(householdKey(p.value.gridId, a), { gridId: p.value.gridId, communityId: p.value.communityId, address: a });
      }
      const hh = await this.repo.createHouseholds(tx, [...wanted.values()]);
      const householdOf = (p: Prepared) =>
        p.value.address
          ? (cache.byKey.get(householdKey(p.value.gridId, p.value.address)) ?? hh.get(householdKey(p.value.gridId, p.value.address)) ?? null)
          : null;
      const counts = await this.repo.upsertResidents(
        tx,
        rows.map((p) => ({ ...p.value, householdId: householdOf(p) })),
        present,
        scope,
        actor.userId,
      );
      return { counts, hh };
    });
    // Only households of a committed transaction are remembered.
    for (const [k, v] of created.hh) cache.byKey.set(k, v);
    return created.counts;
  }

  /** A job the actor may see: their own, or one in a community their import scope covers (else 404). */
  async get(actor: Actor, id: string): Promise<ImportJobRow> {
    const job = await this.repo.job(id);
    if (!job || job.kind !== 'residents') throw notFound('import');
    if (job.createdBy === actor.userId) return job;
    const scope = await this.regions.scopeFor(actor, 'residents.import');
    if (scope.all || scope.communityIds.includes(job.communityId)) return job;
    throw outOfScopeNotFound('import');
  }

  /**
   * A job as `actor` may see it. Its rows (the problems listed and the report) came from the creator's
   * file and may belong to any community the creator covers, so only the creator sees them; others who
   * cover the job's community see its progress and counts.
   */
  async detail(actor: Actor, id: string): Promise<ImportJobView> {
    return viewFor(actor, await this.get(actor, id));
  }

  /** The caller's recent jobs and those of the communities they cover (rows left out of others' jobs). */
  async recent(actor: Actor) {
    const scope = await this.regions.scopeFor(actor, 'residents.import');
    const rows = await this.repo.recent(actor.userId, scope.all ? null : scope.communityIds, 50);
    return rows.map((r) => {
      const { errors: _errors, ...rest } = viewFor(actor, r);
      return rest;
    });
  }

  /**
   * The failed rows as .xlsx (original columns + 错误), for the job's creator only (others 404, audited as
   * a refusal). ID numbers are masked unless the creator holds residents.reveal where the row belongs
   * (its 网格, else the job's community); reading it is audited with how many rows were shown in full.
   */
  async report(ctx: RequestContext, id: string): Promise<{ fileName: string; data: Buffer }> {
    const actor = ctx.actor!;
    const job = await this.get(actor, id);
    if (job.createdBy !== actor.userId) throw outOfScopeNotFound('import_report');
    const cipher = job.status === 'done' ? await this.repo.reportCipher(job.id) : null;
    if (!cipher) throw new AppError('IMPORT_NO_REPORT');
    const stored = JSON.parse(this.crypto.decrypt(cipher)) as StoredReport;
    const reveal = actor.permissions.has('residents.reveal') ? await this.regions.scopeFor(actor, 'residents.reveal') : NO_SCOPE;
    const resolver = new GridResolver(await this.repo.grids());
    const place = (gridText: string) => {
      const grid = gridText.trim() ? resolver.resolve(gridText, job.communityId) : 'not_found';
      return typeof grid === 'object' ? { communityId: grid.communityId, gridId: grid.id } : { communityId: job.communityId };
    };
    const shown = maskReport(stored.header, stored.rows, place, (where) => scopeCovers(reveal, where));
    const data = await buildReport(stored.header, shown.rows);
    await this.audit.record(ctx, {
      action: 'residents.import.report',
      objectType: 'import_job',
      objectId: job.id,
      communityId: job.communityId,
      details: { rows: stored.rows.length, revealed: shown.revealed },
    });
    const base = job.fileName.replace(/\.[^.]+$/, '');
    return { fileName: `${base}-导入错误.xlsx`, data };
  }
}

function countersPatch(c: Counters) {
  return { processedRows: c.processed, created: c.created, updated: c.updated, unchanged: c.unchanged, failed: c.failed };
}

/** The job as `actor` sees it: someone else's job without its rows (problems listed, report). */
function viewFor(actor: Actor, r: ImportJobRow): ImportJobView {
  const v = view(r);
  return r.createdBy === actor.userId ? v : { ...v, errors: [], hasReport: false };
}

/** The job as the API shows it. */
export function view(r: ImportJobRow): ImportJobView {
  return {
    id: r.id,
    kind: r.kind,
    communityId: r.communityId,
    fileName: r.fileName,
    status: r.status,
    totalRows: r.totalRows,
    processedRows: r.processedRows,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    failed: r.failed,
    errors: (r.errors as ImportRowError[]) ?? [],
    failureCode: r.failureCode,
    hasReport: r.status === 'done' && r.hasReport,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  };
}
