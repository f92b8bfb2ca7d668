import { z } from 'zod';
import { LEDGER_FIELDS } from '../domain/ledger-header';

/** Where a job is: queued → running → done | failed. */
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** How many row problems a job view lists; the downloadable report holds all of them. */
export const IMPORT_ERRORS_SHOWN = 100;

/** The upload's default community (query string or a form field sent before the file). */
export const ImportResidentsQuery = z.object({
  /** The community the rows belong to; a row's 网格 may name a grid by its short name within it. */
  communityId: z.uuid().optional(),
});

/** What a sheet column can be mapped to: a field, or `ignore` (not imported). */
export const MAPPING_TARGETS = [...LEDGER_FIELDS, 'ignore'] as const;
export const MappingTarget = z.enum(MAPPING_TARGETS);
export type MappingTarget = z.infer<typeof MappingTarget>;

/**
 * The multipart form fields of an upload besides `file` (fields may come before or after the file).
 * Documented here; the route reads them from the multipart body.
 */
export const ImportUploadFields = z.object({
  /** The default community (also accepted as the query parameter). */
  communityId: z.uuid().optional(),
  /**
   * `auto` to take the proposed mapping, or a JSON object: sheet column key (as in the proposal's
   * `columns[].key`) → field or `ignore`. Columns left out keep a certain guess; an unknown column must
   * be named.
   */
  mapping: z.string().max(16_000).optional(),
  /** `true` to save the mapping for the next upload of the same layout into the same community. */
  saveMapping: z.enum(['true', 'false']).optional(),
  /** `true`: answer with the proposal and preview under `mapping`, without importing. */
  preview: z.enum(['true', 'false']).optional(),
  /**
   * The grid for rows whose 网格 cell is empty and whose address matches no known building; must be in
   * the caller's scope. Rows without either are refused (grid_unplaced).
   */
  defaultGridId: z.uuid().optional(),
});

/** How the columns were decided. */
export const MAPPING_SOURCES = ['header', 'saved', 'auto', 'given'] as const;

/** The answer to an accepted upload (202): the rows were read and are being saved in the background. */
export const ImportAccepted = z.object({
  jobId: z.uuid(),
  /** Data rows found in the file (header, title and 填报 lines not counted). */
  totalRows: z.number().int(),
  /** header: every column known by name; saved: the community's saved mapping; auto / given: as sent. */
  mappingSource: z.enum(MAPPING_SOURCES),
  /** The mapping used: sheet column key → field or `ignore`. */
  mapping: z.record(z.string(), MappingTarget),
  /** The columns not imported (mapped to `ignore`), listed so that nothing is dropped unseen. */
  ignored: z.array(z.string()),
});
export type ImportAccepted = z.infer<typeof ImportAccepted>;

/** One sheet column in a proposal. */
export const ImportColumnProposal = z.object({
  /** 0-based column. */
  index: z.number().int(),
  /** The column's name in a mapping: its header, 第N列 when blank, 备注（2） when repeated. */
  key: z.string(),
  /** The header as written. */
  header: z.string(),
  /** The field proposed (or sent); null: no idea. */
  guess: MappingTarget.nullable(),
  /** known: the name is a known synonym; guessed: the name contains one; unknown; duplicate: the field is already taken by an earlier column. */
  status: z.enum(['known', 'guessed', 'unknown', 'duplicate']),
  /** Other plausible fields, best first. */
  alternatives: z.array(z.enum(LEDGER_FIELDS)),
  /** The first values of the column. */
  samples: z.array(z.string()),
});
export type ImportColumnProposal = z.infer<typeof ImportColumnProposal>;

/** A field of the system, for the mapping page. */
export const ImportFieldInfo = z.object({
  field: z.enum(LEDGER_FIELDS),
  /** Chinese label. */
  label: z.string(),
  /** The file must carry it. */
  required: z.boolean(),
});

/** One of the first rows as it would be stored under the proposed mapping. */
export const ImportPreviewRow = z.object({
  /** Spreadsheet row number. */
  row: z.number().int(),
  /** Field → the value as stored (ID number masked; codes shown as their Chinese labels). */
  values: z.record(z.string(), z.string()),
  /** Why the row would be refused (empty: it would be saved). */
  problems: z.array(z.string()),
  /** What would be noted on the row (e.g. 性别与身份证号不符). */
  warnings: z.array(z.string()),
});

/**
 * The answer (200) when the columns need confirming — a column not recognised, guessed, repeated, or a
 * required field not found — or when `preview=true` was sent. Nothing was imported: re-send the file
 * with `mapping` (or `mapping=auto`).
 */
export const ImportMappingProposal = z.object({
  status: z.literal('mapping_required'),
  /** The spreadsheet row of the header (below any title and 填报 rows). */
  headerRow: z.number().int(),
  /** Data rows found. */
  totalRows: z.number().int(),
  columns: z.array(ImportColumnProposal),
  fields: z.array(ImportFieldInfo),
  /** Required fields no column is mapped to. */
  missing: z.array(z.enum(LEDGER_FIELDS)),
  /** Columns that would not be imported under this mapping. */
  ignored: z.array(z.string()),
  /** Whether the proposal came from a mapping saved for this layout. */
  saved: z.boolean(),
  preview: z.array(ImportPreviewRow),
});
export type ImportMappingProposal = z.infer<typeof ImportMappingProposal>;

/** One problem with one row. */
export const ImportRowError = z.object({
  /** The spreadsheet row number (the header is row 1). */
  row: z.number().int(),
  /** The Chinese column header, e.g. 身份证号; empty for a problem with the whole row. */
  field: z.string(),
  /** Stable code, e.g. id_check_digit, grid_not_found, grid_out_of_scope; for warnings sex_mismatch, care_unknown. */
  code: z.string(),
  /** Why, in Chinese. */
  message: z.string(),
  /** warning: the row was saved and this is worth a look (absent: an error, the row was not saved). */
  level: z.enum(['error', 'warning']).optional(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/** An import job and its progress. */
export const ImportJobView = z.object({
  id: z.uuid(),
  kind: z.string(),
  communityId: z.uuid(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  /** Data rows in the file. */
  totalRows: z.number().int(),
  /** Rows handled so far (saved or failed): the progress bar is processedRows / totalRows. */
  processedRows: z.number().int(),
  /** New residents registered. */
  created: z.number().int(),
  /** Residents already registered (same ID number) whose fields changed. */
  updated: z.number().int(),
  /** Residents already registered with nothing to change. */
  unchanged: z.number().int(),
  /** Rows not saved; see `errors` and the report. */
  failed: z.number().int(),
  /** The first IMPORT_ERRORS_SHOWN row problems. */
  errors: z.array(ImportRowError),
  /** The first IMPORT_ERRORS_SHOWN warnings on saved rows (性别/出生日期 disagreeing with the ID, unknown 人员类别 …). */
  warnings: z.array(ImportRowError),
  /** Care records created from 人员类别. */
  careRecords: z.number().int(),
  /** Why the whole job failed (status failed). */
  failureCode: z.string().nullable(),
  /** Whether GET /api/imports/:id/report has rows to give. */
  hasReport: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof ImportJobView>;

/** The caller's recent jobs (their own, and those of communities they cover). */
export const ImportJobsList = z.object({ items: z.array(ImportJobView.omit({ errors: true, warnings: true })) });

/**
 * A community the caller may import into, with the grids of it inside the caller's scope: all of them for
 * a community worker, only their grid for a grid worker (`whole` false: rows must land in those grids).
 */
export const ImportTarget = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The caller's scope covers the whole community. */
  whole: z.boolean(),
  grids: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export const ImportTargetsResponse = z.object({ items: z.array(ImportTarget) });
