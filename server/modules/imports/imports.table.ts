import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types';

/**
 * A spreadsheet import and its progress; it runs as a job of the durable runner (`imports.residents`). The
 * upload is kept encrypted only until the job ends; the report of failed rows (which holds ID numbers) is
 * stored encrypted with the field key.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What is imported: residents (others may follow). */
    kind: text('kind').notNull().default('residents'),
    /** The default community named on upload: the job's scope key. */
    communityId: uuid('community_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    fileType: text('file_type', { enum: ['xlsx', 'csv'] }).notNull(),
    /** queued → running → done | failed */
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Care records created from the 人员类别 column. */
    careRecords: integer('care_records').notNull().default(0),
    /** The first 100 row problems and the first 100 warnings: { row, field, code, message, level? }. */
    errors: jsonb('errors').notNull().default([]),
    /** Why the whole job failed, when it did (a stable code). */
    failureCode: text('failure_code'),
    /** The failed rows with their original cells, encrypted (AES-GCM JSON). */
    reportCipher: bytea('report_cipher'),
    /**
     * The uploaded file, encrypted (AES-GCM of its base64), kept while the job is queued or running so that
     * a job interrupted by a restart resumes from its progress; cleared when the job ends.
     */
    uploadCipher: bytea('upload_cipher'),
    /** What the runner needs besides the file: the column mapping, the default grid and the uploader's address. */
    uploadPlan: jsonb('upload_plan'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_community_idx').on(t.communityId, t.createdAt), index('import_jobs_creator_idx').on(t.createdBy, t.createdAt)],
);

/**
 * A column mapping a worker saved for a ledger layout: the next upload of a file whose header has the
 * same fingerprint, into the same community, takes it without asking. Keyed per community (the scope
 * key): whoever may import there may use and replace it.
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    /** SHA-256 of the header layout (column positions and normalised names). */
    fingerprint: text('fingerprint').notNull(),
    /** Sheet column key → field or 'ignore'. */
    mapping: jsonb('mapping').notNull(),
    createdBy: uuid('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_layout_idx').on(t.communityId, t.fingerprint)],
);
