import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types';

/**
 * A spreadsheet import and its progress. The rows themselves are never kept; the report of failed rows
 * (which holds ID numbers) is stored encrypted with the field key.
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
    /** The first 100 row problems: { row, field, code, message }. */
    errors: jsonb('errors').notNull().default([]),
    /** Why the whole job failed, when it did (a stable code). */
    failureCode: text('failure_code'),
    /** The failed rows with their original cells, encrypted (AES-GCM JSON). */
    reportCipher: bytea('report_cipher'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_community_idx').on(t.communityId, t.createdAt), index('import_jobs_creator_idx').on(t.createdBy, t.createdAt)],
);
