import { z } from 'zod';

/** Where a job is: queued → running → done | failed. */
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** How many row problems a job view lists; the downloadable report holds all of them. */
export const IMPORT_ERRORS_SHOWN = 100;

/** The upload's default community (query string or a form field sent before the file). */
export const ImportResidentsQuery = z.object({
  /** The community the rows belong to; a row's 网格 may name a grid by its short name within it. */
  communityId: z.uuid().optional(),
});

/** The answer to an accepted upload: the rows were read and are being saved in the background. */
export const ImportAccepted = z.object({
  jobId: z.uuid(),
  /** Data rows found in the file (the header row not counted). */
  totalRows: z.number().int(),
});
export type ImportAccepted = z.infer<typeof ImportAccepted>;

/** One problem with one row. */
export const ImportRowError = z.object({
  /** The spreadsheet row number (the header is row 1). */
  row: z.number().int(),
  /** The Chinese column header, e.g. 身份证号; empty for a problem with the whole row. */
  field: z.string(),
  /** Stable code, e.g. id_check_digit, grid_not_found, grid_out_of_scope. */
  code: z.string(),
  /** Why, in Chinese. */
  message: z.string(),
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
  /** Why the whole job failed (status failed). */
  failureCode: z.string().nullable(),
  /** Whether GET /api/imports/:id/report has rows to give. */
  hasReport: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof ImportJobView>;

/** The caller's recent jobs (their own, and those of communities they cover). */
export const ImportJobsList = z.object({ items: z.array(ImportJobView.omit({ errors: true })) });
