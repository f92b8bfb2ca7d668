import { createHash } from 'node:crypto';
import type { ImportAccepted, ImportJobView, ImportMappingProposal, ImportRowError, MappingTarget } from '../../../shared/contracts/imports';
import { IMPORT_ERRORS_SHOWN, MAPPING_TARGETS } from '../../../shared/contracts/imports';
import { maskIdNumber } from '../../../shared/domain/id-number';
import { normaliseIdText } from '../../../shared/domain/normalise';
import {
  detectHeader,
  FIELD_LABELS,
  guessColumns,
  guessIsCertain,
  HEADER_SCAN_ROWS,
  isNoteLine,
  layoutKey,
  LEDGER_FIELDS,
  missingFields,
  planFromGuess,
  looksLikeData,
  REQUIRED_FIELDS,
  type ColumnGuess,
  type LedgerField,
} from '../../../shared/domain/ledger-header';
import { CARE_GROUP_LABELS, type CareGroup } from '../../../shared/domain/registry';
import {
  allowedLabels,
  COLUMN_HEADER,
  describeIssues,
  headerFromPlan,
  mapResidentRow,
  type HeaderMap,
  type ImportColumnKey,
  type RowCells,
  type RowIssue,
} from '../../../shared/domain/resident-row';
import { transaction, type Db } from '../../db/client';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import type { FieldCrypto } from '../../lib/crypto';
import { AppError, notFound, outOfScopeNotFound, validationError } from '../../lib/errors';
import { nameColumns } from '../../lib/pinyin';
import { NO_SCOPE, scopeCovers, type DataScope } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { CareService } from '../care/care.service';
import type { RegionsService } from '../regions/regions.service';
import type { WorkbenchContribution } from '../module';
import { addDays } from '../../../shared/domain/workbench';
import { DEFAULT_ZIP_LIMITS, detectType, headerForDetails, readSheet, type Sheet, type SheetRow, type ZipLimits } from './imports.files';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, MARITAL_STATUSES, POLITICAL_STATUSES, RELATIONS, RESIDENCE_TYPES } from '../../../shared/domain/registry';
import { householdKey, type GridRef, type ImportJobRow, type ImportsRepository, type UploadPlan } from './imports.repository';
import type { HouseholdsService } from '../households/households.service';
import type { PreparedResident, ResidentsService } from '../residents/residents.service';
import type { JobContext, JobRunner } from '../jobs/jobs.runner';
import { maskReport } from './imports.report';
import { buildReport, type ReportRow } from './imports.workbook';
import { today as cityToday } from '../../lib/clock';
import { maskPhone } from '../residents/residents.search';

/** More header columns than any ledger has: the file is refused rather than proposed column by column. */
const MAX_LEDGER_COLUMNS = 200;

/** Settings of the import feature. */
export interface ImportLimits {
  maxRows: number;
  zip?: ZipLimits;
  /** Rows per transaction. */
  batchSize?: number;
  /** Imports queued or running (in every process) before new uploads are refused. */
  maxQueued?: number;
}

interface Prepared {
  row: SheetRow;
  value: PreparedResident;
  /** Care groups to record once the resident is saved. */
  careGroups: CareGroup[];
}

/** An upload as the route hands it over. */
export interface UploadInput {
  communityId?: string;
  fileName: string;
  data: Buffer;
  /** `auto`, or JSON: column key → field or ignore. */
  mapping?: string;
  saveMapping?: boolean;
  preview?: boolean;
  defaultGridId?: string;
}

/** The rows of a file split at its header, and the header's columns. */
interface ReadLedger {
  header: string[];
  headerLine: number;
  rows: SheetRow[];
  guesses: ColumnGuess[];
  fingerprint: string;
}

/** Where rows without a 网格 cell go: a building their address names, else the default grid. */
class Placer {
  private readonly keys: { key: string; grid: GridRef }[];
  private readonly memo = new Map<string, GridRef | null>();
  constructor(
    buildings: { name: string; address: string; gridId: string }[],
    grids: GridRef[],
    private readonly fallback: GridRef | null,
  ) {
    const byId = new Map(grids.map((g) => [g.id, g]));
    this.keys = buildings
      .flatMap((b) => [b.name, b.address].filter((k) => k && k.length >= 4).map((key) => ({ key: key.replace(/\s+/g, ''), grid: byId.get(b.gridId)! })))
      .filter((k) => k.grid)
      .sort((a, b) => b.key.length - a.key.length);
  }

  /** The grid of the longest building name or address the row's address contains (one look per distinct address). */
  place(address: string | null): GridRef | null {
    if (!address) return this.fallback;
    let hit = this.memo.get(address);
    if (hit === undefined) {
      const a = address.replace(/\s+/g, '');
      hit = this.keys.find((k) => a.includes(k.key))?.grid ?? null;
      this.memo.set(address, hit);
    }
    return hit ?? this.fallback;
  }
}

/** The households a job has seen: which grids are loaded, and grid + address → household id. */
interface HouseholdCache {
  grids: Set<string>;
  byKey: Map<string, string>;
}

/** What a finished or running job has counted. */
interface Counters {
  care: number;
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

/** The job runner's kind for a resident import; its payload is `{ importId }`. */
export const IMPORT_JOB_KIND = 'imports.residents';
/** Attempts of one import: a process that dies mid-way costs one; the next resumes from the progress. */
const IMPORT_ATTEMPTS = 5;
/** The one answer for a number that cannot be registered by this importer, whatever the reason. */
const NOT_REGISTRABLE = { zh: '该身份证号不能在此登记', en: 'This ID number cannot be registered here' };

/** A code shown as its Chinese label (preview). */
function label(key: Parameters<typeof allowedLabels>[0], code: string | null): string {
  if (!code) return '';
  const labels = allowedLabels(key);
  const codes = VOCAB_CODES[key];
  return labels[codes.indexOf(code)] ?? code;
}

const VOCAB_CODES: Record<Parameters<typeof allowedLabels>[0], string[]> = {
  education: [...EDUCATION_LEVELS],
  politicalStatus: [...POLITICAL_STATUSES],
  maritalStatus: [...MARITAL_STATUSES],
  employmentStatus: [...EMPLOYMENT_STATUSES],
  residenceType: [...RESIDENCE_TYPES],
  relationToHead: [...RELATIONS],
};

/** A saved mapping, when it names every column of this layout with a valid target. */
function usable(saved: Record<string, string> | null, guesses: ColumnGuess[]): Record<string, MappingTarget> | null {
  if (!saved) return null;
  const targets = new Set<string>(MAPPING_TARGETS);
  if (!guesses.every((g) => targets.has(saved[g.key] ?? ''))) return null;
  return Object.fromEntries(guesses.map((g) => [g.key, saved[g.key] as MappingTarget]));
}

const mappingError = (message: string, messageEn: string) => validationError([{ path: 'mapping', code: 'invalid_mapping', message, messageEn }]);

/**
 * The `mapping` form field: JSON, column key → field or `ignore`. Columns left out keep a known guess;
 * a column whose name was not known must be named (nothing is dropped unseen); a field takes one column.
 */
function parseMapping(text: string, guesses: ColumnGuess[]): Record<string, MappingTarget> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw mappingError('mapping 应为 JSON 对象（列名 → 字段或 ignore），或 auto', 'mapping must be a JSON object (column → field or "ignore") or "auto"');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw mappingError('mapping 应为 JSON 对象（列名 → 字段或 ignore），或 auto', 'mapping must be a JSON object (column → field or "ignore") or "auto"');
  const given = raw as Record<string, unknown>;
  const keys = new Set(guesses.map((g) => g.key));
  const strange = Object.keys(given).filter((k) => !keys.has(k));
  if (strange.length)
    throw mappingError(
      `mapping 中的列不在文件中：${strange.slice(0, 5).join('、')}`,
      `mapping names columns not in the file: ${strange.slice(0, 5).join(', ')}`,
    );
  const targets = new Set<string>(MAPPING_TARGETS);
  const bad = Object.entries(given).filter(([, v]) => typeof v !== 'string' || !targets.has(v));
  if (bad.length) throw mappingError(`列“${bad[0][0]}”的字段无效`, `Column "${bad[0][0]}" has an unknown field; use one of ${MAPPING_TARGETS.join(', ')}`);
  const unnamed = guesses.filter((g) => given[g.key] === undefined && g.status !== 'known').map((g) => g.key);
  if (unnamed.length)
    throw mappingError(
      `请为以下列选择字段或“不导入”：${unnamed.slice(0, 10).join('、')}`,
      `Choose a field or "ignore" for: ${unnamed.slice(0, 10).join(', ')}`,
    );
  const mapping = Object.fromEntries(guesses.map((g) => [g.key, (given[g.key] as MappingTarget | undefined) ?? g.guess ?? 'ignore'])) as Record<
    string,
    MappingTarget
  >;
  const seen = new Map<string, string>();
  for (const [k, t] of Object.entries(mapping)) {
    if (t === 'ignore') continue;
    const other = seen.get(t);
    if (other) throw mappingError(`列“${other}”和“${k}”都对应“${FIELD_LABELS[t]}”，请只选一列`, `Columns "${other}" and "${k}" both map to ${t}`);
    seen.set(t, k);
  }
  return mapping;
}
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
 * Resident imports: reads the upload at once (refusing bad files with a coded error), stores it encrypted
 * and queues a job of the durable runner in the same transaction; the job saves the rows in batches, each
 * batch one transaction, recording progress on the import. A job stopped by a restart resumes from the
 * rows it had counted.
 */
export class ImportsService {
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
    private readonly care: CareService,
    private readonly jobs: JobRunner,
    /** The import writes residents and households through their owners' bulk paths. */
    private readonly residents: ResidentsService,
    private readonly households: HouseholdsService,
    /** The uploader as the job acts for them, with their grants as of the run (null: account gone or disabled). */
    private readonly actorFor: (userId: string) => Promise<Actor | null>,
  ) {
    jobs.define(IMPORT_JOB_KIND, { resumable: true, run: (job) => this.runJob(job) });
  }

  /**
   * Checks the file (type, zip safety, row count, header), decides the columns and queues the job.
   * Returns once the rows are read; saving continues in the background. When the columns need a
   * person's confirmation (or `preview` was asked), nothing is imported and the proposal is returned.
   */
  async startResidents(ctx: RequestContext, input: UploadInput): Promise<ImportAccepted | ImportMappingProposal> {
    const actor = actorOf(ctx);
    const scope = await this.regions.scopeFor(actor, 'residents.import');
    const grids = await this.repo.grids();
    const communityId = await this.defaultCommunity(scope, grids, input.communityId);
    const defaultGrid = input.defaultGridId ? this.defaultGrid(scope, grids, input.defaultGridId) : null;
    const type = detectType(input.fileName, input.data);
    if ((await this.repo.activeCount()) >= (this.limits.maxQueued ?? 4)) throw new AppError('IMPORT_BUSY');
    const sheet = await readSheet(type, input.data, this.limits.maxRows, this.limits.zip ?? DEFAULT_ZIP_LIMITS);
    const ledger = this.split(sheet);

    // The columns: as sent, the community's saved mapping for this layout, or the names when all are known.
    const saved = await this.repo.savedMapping(communityId, ledger.fingerprint);
    const guessed = planFromGuess(ledger.guesses);
    let mapping: Record<string, MappingTarget>;
    let source: ImportAccepted['mappingSource'];
    if (input.mapping === 'auto') {
      mapping = { ...guessed, ...usable(saved, ledger.guesses) };
      source = 'auto';
    } else if (input.mapping !== undefined) {
      mapping = parseMapping(input.mapping, ledger.guesses);
      source = 'given';
    } else if (saved && usable(saved, ledger.guesses)) {
      mapping = usable(saved, ledger.guesses)!;
      source = 'saved';
    } else {
      mapping = guessed;
      source = 'header';
      if (!guessIsCertain(ledger.guesses)) return await this.proposal(ledger, guessed, false, communityId, grids, defaultGrid, false);
    }
    if (input.preview) return await this.proposal(ledger, mapping, source === 'saved', communityId, grids, defaultGrid, true);
    const missing = missingFields(mapping);
    if (missing.length)
      throw new AppError(
        'IMPORT_BAD_HEADER',
        { missing: missing.map((f) => FIELD_LABELS[f]), found: headerForDetails(ledger.guesses.map((g) => g.key)) },
        { missing: missing.map((f) => FIELD_LABELS[f]).join('、') },
      );
    if (input.saveMapping) await this.repo.saveMapping(communityId, ledger.fingerprint, mapping, actor.userId);

    // The file (encrypted: it holds ID numbers) and the decided columns are stored with the import, and its
    // runner job queued in the same transaction: no import without a job, and a restart loses neither.
    const plan: UploadPlan = { mapping, defaultGridId: defaultGrid?.id ?? null, ip: ctx.ip };
    const uploadCipher = this.crypto.encrypt(input.data.toString('base64'));
    const job = await transaction(this.db, async () => {
      const row = await this.repo.insertJob({
        communityId,
        createdBy: actor.userId,
        fileName: input.fileName.slice(0, 200),
        fileType: type,
        totalRows: ledger.rows.length,
        uploadCipher,
        uploadPlan: plan,
      });
      await this.jobs.enqueue(IMPORT_JOB_KIND, { importId: row.id }, { maxAttempts: IMPORT_ATTEMPTS });
      return row;
    });
    return {
      jobId: job.id,
      totalRows: ledger.rows.length,
      mappingSource: source,
      mapping,
      ignored: Object.entries(mapping)
        .filter(([, t]) => t === 'ignore')
        .map(([k]) => k),
    };
  }

  /** Splits the rows at the header (found among the first rows), dropping 填报/制表 lines at the end. */
  private split(sheet: Sheet): ReadLedger {
    if (sheet.rows.length === 0) throw new AppError('IMPORT_EMPTY');
    const head = sheet.rows.slice(0, HEADER_SCAN_ROWS);
    const detected = detectHeader(head.map((r) => r.cells));
    // A ledger has a few dozen columns; thousands mean a wrong sheet (or a hostile one): refused before any
    // proposal would list them, and the refusal shows only the first few.
    const width = detected.header.filter((h) => h.trim() !== '').length;
    if (width > MAX_LEDGER_COLUMNS)
      throw new AppError(
        'IMPORT_TOO_MANY_COLUMNS',
        { count: width, limit: MAX_LEDGER_COLUMNS, found: headerForDetails(detected.header) },
        { count: width, limit: MAX_LEDGER_COLUMNS },
      );
    // No header at all: the first row is a person's. Refused, so no proposal or saved mapping repeats it.
    if (looksLikeData(detected.header))
      throw new AppError(
        'IMPORT_BAD_HEADER',
        { missing: REQUIRED_FIELDS.map((f) => FIELD_LABELS[f]), found: headerForDetails(detected.header) },
        { missing: REQUIRED_FIELDS.map((f) => FIELD_LABELS[f]).join('、') },
      );
    let rows = sheet.rows.slice(detected.dataStart);
    // A ledger ends with 制表人/审核人 lines; only the last few rows are looked at.
    let end = rows.length;
    while (end > 0 && end > rows.length - 5 && isNoteLine(rows[end - 1].cells)) end--;
    if (end < rows.length) rows = rows.slice(0, end);
    if (rows.length === 0) throw new AppError('IMPORT_EMPTY');
    if (rows.length > this.limits.maxRows) throw new AppError('IMPORT_TOO_MANY_ROWS', { limit: this.limits.maxRows }, { limit: this.limits.maxRows });
    const guesses = guessColumns(
      detected.header,
      rows.slice(0, 20).map((r) => r.cells),
    );
    return {
      header: detected.header,
      headerLine: head[detected.dataStart - 1]?.line ?? 1,
      rows,
      guesses,
      fingerprint: createHash('sha256').update(layoutKey(guesses)).digest('hex'),
    };
  }

  /** For each sheet column, its field (null: not read). */
  private plan(ledger: ReadLedger, mapping: Record<string, MappingTarget>): (LedgerField | null)[] {
    const width = Math.max(ledger.header.length, ...ledger.guesses.map((g) => g.index + 1));
    const plan: (LedgerField | null)[] = Array.from({ length: width }, () => null);
    for (const g of ledger.guesses) {
      const t = mapping[g.key];
      plan[g.index] = t && t !== 'ignore' ? t : null;
    }
    return plan;
  }

  /** The default grid sent with the upload: it must exist and lie in the caller's scope. */
  private defaultGrid(scope: DataScope, grids: GridRef[], id: string): GridRef {
    const grid = grids.find((g) => g.id === id);
    if (!grid) throw validationError([{ path: 'defaultGridId', code: 'not_found', message: '默认网格不存在', messageEn: 'defaultGridId names no grid' }]);
    if (!covers(scope, grid)) throw new AppError('OUT_OF_SCOPE', { defaultGridId: id });
    return grid;
  }

  /** The proposal: each column with its guess, the fields, and the first rows as they would be stored. */
  private async proposal(
    ledger: ReadLedger,
    mapping: Record<string, MappingTarget>,
    saved: boolean,
    communityId: string,
    grids: GridRef[],
    defaultGrid: GridRef | null,
    /** The mapping was sent or saved (else it is the bare guess, and an unknown column has no guess). */
    explicit: boolean,
  ): Promise<ImportMappingProposal> {
    const header = headerFromPlan(this.plan(ledger, mapping));
    const resolver = new GridResolver(grids);
    const placer = new Placer(await this.repo.communityBuildings(communityId), grids, defaultGrid);
    const today = new Date();
    const preview = ledger.rows.slice(0, 10).map((row) => {
      const { value, issues, warnings } = mapResidentRow(this.cells(row, header), today);
      const values: Record<string, string> = {};
      if (value) {
        const grid = value.grid ? resolver.resolve(value.grid, communityId) : placer.place(value.address);
        Object.assign(values, {
          name: value.name,
          idNumber: maskIdNumber(value.idNumber),
          sex: value.sex === 'M' ? '男' : '女',
          birthDate: value.birthDate,
          ethnicity: value.ethnicity,
          // A preview is shown before anything is stored or revealed: masked like the list.
          phone: maskPhone(value.phone) ?? '',
          education: label('education', value.education),
          politicalStatus: label('politicalStatus', value.politicalStatus),
          maritalStatus: label('maritalStatus', value.maritalStatus),
          employmentStatus: label('employmentStatus', value.employmentStatus),
          residenceType: label('residenceType', value.residenceType),
          relationToHead: label('relationToHead', value.relationToHead),
          grid: typeof grid === 'object' && grid ? grid.name : '',
          address: value.address ?? '',
          careGroups: value.careGroups.map((g) => CARE_GROUP_LABELS[g].zh).join('、'),
          notes: value.notes ?? '',
        });
      }
      const problems = issues.map((i) => `${i.field}：${i.message}`);
      if (value && !values.grid) problems.push(value.grid ? `网格：未找到网格“${value.grid}”` : '网格：无法确定网格（住址未匹配到楼栋，且未选择默认网格）');
      return { row: row.line, values, problems, warnings: warnings.map((i) => `${i.field}：${i.message}`) };
    });
    return {
      status: 'mapping_required',
      headerRow: ledger.headerLine,
      totalRows: ledger.rows.length,
      columns: ledger.guesses.map((g) => ({
        index: g.index,
        key: g.key,
        header: g.header,
        guess: explicit ? (mapping[g.key] ?? g.guess) : g.guess,
        status: g.status,
        alternatives: g.alternatives,
        // An ID number shown masked, as everywhere else: the proposal answers before anything is checked.
        samples: ledger.rows
          .slice(0, 3)
          .map((r) => (r.cells[g.index] ?? '').slice(0, 50))
          .filter(Boolean)
          .map((v) => (/^\s*[0-9０-９]{14,17}[0-9０-９XxＸｘ]\s*$/.test(v) ? maskIdNumber(normaliseIdText(v)) : v)),
      })),
      fields: LEDGER_FIELDS.map((f) => ({ field: f, label: FIELD_LABELS[f], required: REQUIRED_FIELDS.includes(f) })),
      missing: missingFields(mapping),
      ignored: ledger.guesses.filter((g) => (mapping[g.key] ?? 'ignore') === 'ignore').map((g) => g.key),
      saved,
      preview,
    };
  }

  /** A sheet row as the row rules read it (done per row: index look-ups only). */
  private cells(row: SheetRow, header: HeaderMap): RowCells {
    const cells: RowCells = {};
    const columns = header.columns;
    for (let i = 0; i < columns.length; i++) {
      const key = columns[i];
      if (key) cells[key] = row.cells[i] ?? '';
    }
    if (row.lossy) for (const i of row.lossy) if (columns[i] === 'idNumber') cells.numericId = true;
    if (row.formulas) {
      const f = row.formulas.map((i) => columns[i]).filter((k): k is ImportColumnKey => !!k);
      if (f.length) cells.formulas = f;
    }
    return cells;
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

  /**
   * The communities the caller may import into and their grids within the caller's scope (a grid worker:
   * their grid's community, their grid only), for the upload's community and default-grid choice.
   */
  async targets(actor: Actor) {
    const scope = await this.regions.scopeFor(actor, 'residents.import');
    const byCommunity = new Map<string, { id: string; name: string; whole: boolean; grids: { id: string; name: string }[] }>();
    for (const g of await this.repo.grids()) {
      if (!covers(scope, g)) continue;
      const whole = scope.all || scope.communityIds.includes(g.communityId);
      const c = byCommunity.get(g.communityId) ?? { id: g.communityId, name: g.communityName, whole, grids: [] };
      c.grids.push({ id: g.id, name: g.name });
      byCommunity.set(g.communityId, c);
    }
    return [...byCommunity.values()];
  }

  /** Runs the queued imports in this process until none is left (tests await it instead of polling). */
  drain() {
    return this.jobs.settle([IMPORT_JOB_KIND]);
  }

  /**
   * Fails, as INTERRUPTED with their counts kept, the imports whose runner job will not run again (it failed
   * for good after restarts, or was lost): the person sees how far the import got. At start and every minute.
   */
  failOrphans() {
    return this.repo.failOrphans(IMPORT_JOB_KIND);
  }

  /**
   * The runner's handler: reads the stored upload again with the stored columns and saves the rows from the
   * progress on (0 for a new job). Returns nothing when stopped half-way, so the runner queues it again.
   */
  private async runJob({ job: runnerJob, signal }: JobContext): Promise<unknown> {
    const id = String(runnerJob.payload.importId);
    const job = await this.repo.job(id);
    if (!job || job.status === 'done' || job.status === 'failed') return { skipped: true };
    const upload = await this.repo.upload(id);
    const counters: Counters = {
      care: job.careRecords,
      processed: job.processedRows,
      created: job.created,
      updated: job.updated,
      unchanged: job.unchanged,
      failed: job.failed,
    };
    const actor = await this.actorFor(job.createdBy);
    const ctx: RequestContext = { actor, ip: upload?.plan.ip ?? null };
    try {
      if (!upload) throw new AppError('CONFLICT', { reason: 'INTERRUPTED' });
      if (!actor) throw new AppError('AUTH_REQUIRED');
      const data = Buffer.from(this.crypto.decrypt(upload.cipher), 'base64');
      const ledger = this.split(await readSheet(job.fileType, data, this.limits.maxRows, this.limits.zip ?? DEFAULT_ZIP_LIMITS));
      const mapping = upload.plan.mapping as Record<string, MappingTarget>;
      const header = headerFromPlan(this.plan(ledger, mapping));
      const grids = await this.repo.grids();
      const defaultGrid = upload.plan.defaultGridId ? (grids.find((g) => g.id === upload.plan.defaultGridId) ?? null) : null;
      const buildings = header.present.has('grid') && !header.present.has('address') ? [] : await this.repo.communityBuildings(job.communityId);
      const placer = new Placer(buildings, grids, defaultGrid);
      const outcome = await this.run(ctx, job, { header: ledger.header, rows: ledger.rows }, header, grids, placer, counters, signal);
      return outcome === 'stopped' ? undefined : { status: outcome };
    } catch (err) {
      await this.failJob(ctx, job, err, counters, []);
      return { status: 'failed' };
    }
  }

  /** Marks the job failed with its counts (the upload is dropped) and audits the failure. */
  private async failJob(ctx: RequestContext, job: ImportJobRow, err: unknown, counters: Counters, errors: ImportRowError[]) {
    const code = err instanceof AppError ? ((err.details as { reason?: string } | undefined)?.reason ?? err.code) : 'INTERNAL';
    await this.repo
      .updateJob(job.id, { status: 'failed', failureCode: code, ...countersPatch(counters), errors, finishedAt: new Date(), uploadCipher: null })
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

  private async run(
    ctx: RequestContext,
    job: ImportJobRow,
    sheet: { header: string[]; rows: SheetRow[] },
    header: HeaderMap,
    grids: GridRef[],
    placer: Placer,
    /** As stored on the job: zero for a new job, the committed batches' counts for a resumed one. */
    counters: Counters,
    signal: AbortSignal,
  ): Promise<'done' | 'failed' | 'stopped'> {
    const actor = actorOf(ctx);
    const errors: ImportRowError[] = [];
    const warnings: ImportRowError[] = [];
    const report: StoredReport = { header: sheet.header, rows: [] };
    // Rows before this were saved (and counted) by an earlier run: they are checked again, without saving or
    // counting them, so that duplicates across the boundary, the problems listed and the report stay whole.
    const resumeAt = counters.processed;
    let replaying = false;
    try {
      // Let the upload's 202 go out before the work starts (PGlite runs on this thread).
      await new Promise((resolve) => setImmediate(resolve));
      await this.repo.updateJob(job.id, { status: 'running', startedAt: job.startedAt ?? new Date() });
      // The scope as of now: a grant withdrawn while the job waited applies.
      const scope = await this.regions.scopeFor(actor, 'residents.import');
      const resolver = new GridResolver(grids);
      const seenIds = new Map<string, number>();
      const heads = new Map<string, number>();
      const households: HouseholdCache = { grids: new Set(), byKey: new Map() };
      const batchSize = this.limits.batchSize ?? 1000;
      const today = new Date();
      const careAllowed = header.present.has('careGroups') ? await this.care.writableGroups(actor) : null;
      const warn = (row: SheetRow, list: RowIssue[]) => {
        for (const i of list)
          if (warnings.length < IMPORT_ERRORS_SHOWN + 2 * batchSize)
            warnings.push({ row: row.line, field: i.field, code: i.code, message: i.message, level: 'warning' });
      };

      const list = (row: SheetRow, issues: RowIssue[]) => {
        // Batches report out of order by at most one batch; sorted and cut to IMPORT_ERRORS_SHOWN at the end.
        for (const i of issues)
          if (errors.length < IMPORT_ERRORS_SHOWN + 2 * batchSize) errors.push({ row: row.line, field: i.field, code: i.code, message: i.message });
        report.rows.push({ line: row.line, cells: row.cells, error: describeIssues(issues) });
      };
      /** A row refused while its batch is saved: counted at once (the batch's progress is stored after it). */
      const fail = (row: SheetRow, issues: RowIssue[]) => {
        if (!replaying) counters.failed++;
        list(row, issues);
      };
      // A row refused while its batch is prepared — when the batch before may still be saving and storing its
      // progress — is counted with its own batch, once that batch is saved: a run resumed after a crash starts
      // at the first batch not stored, so its refused rows must not be in the stored counts yet.
      let invalidInBatch = 0;
      const reject = (row: SheetRow, issues: RowIssue[]) => {
        invalidInBatch++;
        list(row, issues);
      };

      let saving: Promise<void> = Promise.resolve();
      for (let start = 0; start < sheet.rows.length; start += batchSize) {
        // Stopping (the process shuts down): the batches saved so far are counted on the job; the next run
        // starts after them.
        if (signal.aborted) {
          await saving;
          return 'stopped';
        }
        replaying = start < resumeAt;
        invalidInBatch = 0;
        const chunk = sheet.rows.slice(start, start + batchSize);
        const prepared: Prepared[] = [];
        for (let k = 0; k < chunk.length; k++) {
          // Yield now and then so that the batch being saved gets its database answers without waiting for this loop.
          if (k % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
          const row = chunk[k];
          const { value, issues, warnings: rowWarnings } = mapResidentRow(this.cells(row, header), today);
          if (!value) {
            reject(row, issues);
            continue;
          }
          // 网格 as written; else the building the address names, else the default grid chosen at upload;
          // else, for someone who covers the whole community, stored without a grid on its 待分配网格 list.
          const grid: GridRef | 'unplaced' | 'not_found' | 'ambiguous' = value.grid
            ? resolver.resolve(value.grid, job.communityId)
            : (placer.place(value.address) ?? 'unplaced');
          let unplaced = false;
          if (grid === 'unplaced') {
            if (scope.all || scope.communityIds.includes(job.communityId)) {
              unplaced = true;
              rowWarnings.push(
                issue(
                  'grid',
                  'grid_unplaced',
                  '未能确定网格（网格列为空，住址也未匹配到已登记的楼栋）：已登记，列入“待分配网格”待办',
                  'No grid (the 网格 cell is empty and the address matches no known building): stored, on the "waiting for a grid" list',
                ),
              );
            } else
              issues.push(
                issue(
                  'grid',
                  'grid_unplaced',
                  '无法确定网格：网格列为空，住址也未匹配到已登记的楼栋；请填写网格，或上传时选择默认网格',
                  'No grid: the 网格 cell is empty and the address matches no known building; fill in the grid or choose a default grid',
                ),
              );
          } else if (grid === 'not_found') issues.push(issue('grid', 'grid_not_found', `未找到网格“${value.grid}”`, `No grid "${value.grid}"`));
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
          if (issues.length || (typeof grid !== 'object' && !unplaced)) {
            reject(row, issues);
            continue;
          }
          const place =
            typeof grid === 'object' ? { communityId: grid.communityId, gridId: grid.id as string | null } : { communityId: job.communityId, gridId: null };
          let careGroups = value.careGroups;
          if (careGroups.length && careAllowed) {
            const allowed = careAllowed(place);
            const refused = careGroups.filter((g) => !allowed.has(g));
            for (const g of refused)
              rowWarnings.push(
                issue(
                  'careGroups',
                  'care_forbidden',
                  `您无权登记“${CARE_GROUP_LABELS[g].zh}”，该类别未登记`,
                  `You may not record "${CARE_GROUP_LABELS[g].en}"; not recorded`,
                ),
              );
            if (refused.length) careGroups = careGroups.filter((g) => allowed.has(g));
          }
          if (rowWarnings.length) warn(row, rowWarnings);
          seenIds.set(value.idNumber, row.line);
          if (isHead && typeof grid === 'object') heads.set(householdKey(grid.id, value.address!), row.line);
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
              ...place,
            },
            careGroups,
          });
        }

        if (replaying) {
          // Only the rows refused as registered elsewhere are listed again; nothing is saved or audited twice.
          const elsewhere = new Set(
            (
              await this.repo.outsideScope(
                prepared.map((p) => p.value.idHash),
                scope,
              )
            ).map((e) => e.idHash),
          );
          for (const p of prepared)
            if (elsewhere.has(p.value.idHash)) fail(p.row, [issue('idNumber', 'cannot_register', NOT_REGISTRABLE.zh, NOT_REGISTRABLE.en)]);
          continue;
        }
        // Pipeline: this batch is saved while the next one is validated and encrypted (CPU) above.
        await saving;
        const invalid = invalidInBatch;
        saving = this.saveStage(ctx, job, prepared, chunk.length, invalid, scope, header.present, households, counters, fail, today);
        // Let a failed save surface at the next await, not as an unhandled rejection.
        saving.catch(() => undefined);
      }
      await saving;
      errors.sort((a, b) => a.row - b.row);
      errors.length = Math.min(errors.length, IMPORT_ERRORS_SHOWN);
      warnings.sort((a, b) => a.row - b.row);
      warnings.length = Math.min(warnings.length, IMPORT_ERRORS_SHOWN);
      errors.push(...warnings);
      report.rows.sort((a, b) => a.line - b.line);

      // A job with no failed row has no report.
      const reportCipher = report.rows.length ? this.crypto.encrypt(JSON.stringify(report)) : null;
      await transaction(this.db, async () => {
        await this.repo.updateJob(job.id, {
          status: 'done',
          ...countersPatch(counters),
          careRecords: counters.care,
          errors,
          reportCipher,
          finishedAt: new Date(),
          uploadCipher: null,
        });
        await this.audit.record(ctx, {
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
            careRecords: counters.care,
          },
        });
      });
      return 'done';
    } catch (err) {
      await this.failJob(ctx, job, err, counters, errors);
      return 'failed';
    }
  }

  /**
   * Refuses rows registered outside the scope, then stores the batch: its residents and households, their care
   * groups and the job's progress in one transaction, so that a run resumed after a crash starts exactly after
   * the last batch stored and counts nothing twice. If the database refuses the batch, its rows are stored one
   * by one (a bad row costs only itself), each with its care groups, and the progress after them.
   */
  private async saveStage(
    ctx: RequestContext,
    job: ImportJobRow,
    prepared: Prepared[],
    batchRows: number,
    /** Rows of the batch refused before saving (not yet counted). */
    invalid: number,
    scope: DataScope,
    present: ReadonlySet<ImportColumnKey>,
    households: HouseholdCache,
    counters: Counters,
    fail: (row: SheetRow, issues: RowIssue[]) => void,
    today: Date,
  ) {
    const actor = actorOf(ctx);
    // A resident registered outside the actor's scope cannot be changed through an import. The row says
    // only that the number cannot be registered here — not that it exists elsewhere — and the attempt is
    // audited for the security administrator.
    const elsewhere = new Set(
      (
        await this.repo.outsideScope(
          prepared.map((p) => p.value.idHash),
          scope,
        )
      ).map((e) => e.idHash),
    );
    const refused: number[] = [];
    const toSave = prepared.filter((p) => {
      if (!elsewhere.has(p.value.idHash)) return true;
      refused.push(p.row.line);
      fail(p.row, [issue('idNumber', 'cannot_register', NOT_REGISTRABLE.zh, NOT_REGISTRABLE.en)]);
      return false;
    });

    /** Saves rows with their care groups (in the caller's transaction) and counts them. */
    const store = async (rows: Prepared[]) => {
      const r = await this.saveRows(rows, present, scope, actor, households);
      counters.created += r.inserted;
      counters.updated += r.updated;
      counters.unchanged += rows.length - r.inserted - r.updated;
      await this.saveCare(ctx, rows, present, scope, counters, today);
    };
    /** Runs `work` in one transaction; if it fails, the counts and known households are as before it. */
    const atomically = async (work: () => Promise<void>) => {
      const counted = { ...counters };
      const known = { grids: new Set(households.grids), byKey: new Map(households.byKey) };
      try {
        await transaction(this.db, work);
      } catch (err) {
        Object.assign(counters, counted);
        households.grids = known.grids;
        households.byKey = known.byKey;
        throw err;
      }
    };
    /** The batch's refused rows audited and its progress stored (with the batch's rows when it is saved whole). */
    const finish = async () => {
      if (refused.length)
        await this.audit.record(ctx, {
          action: 'residents.import',
          objectType: 'import_job',
          objectId: job.id,
          communityId: job.communityId,
          outcome: 'failure',
          details: { reason: 'registered_out_of_scope', rows: refused.slice(0, 100), count: refused.length },
        });
      counters.failed += invalid;
      counters.processed += batchRows;
      await this.repo.updateJob(job.id, { careRecords: counters.care, ...countersPatch(counters) });
    };

    try {
      await atomically(async () => {
        if (toSave.length) await store(toSave);
        await finish();
      });
      return;
    } catch {
      // Nothing of the batch was stored: row by row.
    }
    for (const p of toSave) {
      try {
        await atomically(() => store([p]));
      } catch (err) {
        const constraint =
          (err as { constraint?: string; cause?: { constraint?: string } }).constraint ?? (err as { cause?: { constraint?: string } }).cause?.constraint;
        fail(p.row, [
          { field: '', code: 'db_rejected', message: `数据库拒绝保存该行${constraint ? `（${constraint}）` : ''}`, messageEn: 'The database refused this row' },
        ]);
      }
    }
    await finish();
  }

  /** Records the care groups of saved rows (人员类别), within the importer's scope, and counts them. */
  private async saveCare(ctx: RequestContext, rows: Prepared[], present: ReadonlySet<ImportColumnKey>, scope: DataScope, counters: Counters, today: Date) {
    const withCare = rows.filter((p) => p.careGroups.length);
    if (withCare.length === 0) return;
    const residents = await this.repo.residentsByHash(withCare.map((p) => p.value.idHash));
    const byHash = new Map(residents.map((r) => [r.idHash, r]));
    const entries = withCare.flatMap((p) => {
      const r = byHash.get(p.value.idHash);
      // Only residents inside the importer's scope: a row naming someone registered elsewhere changes nothing.
      return r && scopeCovers(scope, r) ? [{ resident: { id: r.id, communityId: r.communityId, gridId: r.gridId }, groups: p.careGroups }] : [];
    });
    // 流动人口 sets the residence type of residents already registered too (new ones got it on insert).
    if (!present.has('residenceType')) await this.residents.markFloating(entries.filter((e) => e.groups.includes('floating')).map((e) => e.resident.id));
    counters.care += await this.care.recordImported(ctx, entries, cityToday(today));
  }

  private async saveRows(rows: Prepared[], present: ReadonlySet<ImportColumnKey>, scope: DataScope, actor: Actor, cache: HouseholdCache) {
    // A household is a grid's address; a resident waiting for a grid gets none until placed.
    const keyOf = (p: Prepared) => (p.value.address && p.value.gridId ? householdKey(p.value.gridId, p.value.address) : null);
    // Households of a grid are loaded once per job, on the first row that lives there.
    const newGrids = [...new Set(rows.flatMap((p) => (keyOf(p) && !cache.grids.has(p.value.gridId!) ? [p.value.gridId!] : [])))];
    if (newGrids.length) {
      for (const [k, v] of await this.repo.gridHouseholds(newGrids)) cache.byKey.set(k, v);
      for (const g of newGrids) cache.grids.add(g);
    }
    const created = await transaction(this.db, async () => {
      const wanted = new Map<string, { gridId: string; communityId: string; address: string }>();
      for (const p of rows) {
        const key = keyOf(p);
        if (key && !cache.byKey.has(key)) wanted.set(key, { gridId: p.value.gridId!, communityId: p.value.communityId, address: p.value.address! });
      }
      const hh = new Map((await this.households.createImported([...wanted.values()])).map((h) => [householdKey(h.gridId, h.address), h.id]));
      const householdOf = (p: Prepared) => {
        const key = keyOf(p);
        return key ? (cache.byKey.get(key) ?? hh.get(key) ?? null) : null;
      };
      const { heads, ...counts } = await this.residents.upsertImported(
        rows.map((p) => ({ ...p.value, householdId: householdOf(p) })),
        present,
        scope,
        actor.userId,
      );
      await this.households.setImportedHeads(heads);
      return { counts, hh };
    });
    // Remembered at once; saveStage forgets them again when the transaction they were made in fails.
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
      const { errors: _errors, warnings: _warnings, ...rest } = viewFor(actor, r);
      return rest;
    });
  }

  /**
   * Imports of the last 30 days with rows that did not go in (or that failed as a whole), among the jobs
   * the actor may see: a card with how many, and for the actor's own jobs (only the creator gets the
   * report of failed rows) a 待办 item due a week after the job finished.
   */
  async workbench(actor: Actor): Promise<WorkbenchContribution> {
    if (!actor.permissions.has('residents.import')) return {};
    const scope = await this.regions.scopeFor(actor, 'residents.import');
    const since = Date.now() - 30 * 86_400_000;
    const rows = (await this.repo.recent(actor.userId, scope.all ? null : scope.communityIds, 200)).filter(
      (r) => r.createdAt.getTime() >= since && (r.status === 'failed' || (r.status === 'done' && r.failed > 0)),
    );
    return {
      cards: [
        {
          key: 'imports.failed',
          label: { zh: '导入有失败行', en: 'Imports with failed rows' },
          value: rows.length,
          unit: { zh: '次', en: 'imports' },
          link: '/imports',
          tone: rows.length > 0 ? 'danger' : 'normal',
          order: 50,
        },
      ],
      todos: rows
        .filter((r) => r.createdBy === actor.userId)
        .map((r) => ({
          id: `imports:failed:${r.id}`,
          module: 'imports',
          title:
            r.status === 'failed'
              ? { zh: `导入失败：${r.fileName}`, en: `Import failed: ${r.fileName}` }
              : { zh: `导入「${r.fileName}」有 ${r.failed} 行未导入`, en: `${r.failed} rows of ${r.fileName} were not imported` },
          dueDate: addDays(cityToday(r.finishedAt ?? r.createdAt), 7),
          link: `/imports?job=${r.id}`,
        })),
    };
  }

  /**
   * The failed rows as .xlsx (original columns + 错误), for the job's creator only (others 404, audited as
   * a refusal). ID numbers are masked unless the creator holds residents.reveal where the row belongs
   * (its 网格, else the job's community); reading it is audited with how many rows were shown in full.
   */
  async report(ctx: RequestContext, id: string): Promise<{ fileName: string; data: Buffer }> {
    const actor = actorOf(ctx);
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
  // Problems and warnings quote the rows (names, dates as typed): the creator's alone, like the report.
  return r.createdBy === actor.userId ? v : { ...v, errors: [], warnings: [], hasReport: false };
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
    careRecords: r.careRecords,
    errors: ((r.errors as ImportRowError[]) ?? []).filter((e) => e.level !== 'warning'),
    warnings: ((r.errors as ImportRowError[]) ?? []).filter((e) => e.level === 'warning'),
    failureCode: r.failureCode,
    hasReport: r.status === 'done' && r.hasReport,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  };
}
