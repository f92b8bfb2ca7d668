import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Background work that must survive a restart (imports, reminders, monthly ledgers, retention). A job is
 * claimed by one process at a time under a lease; a lease that runs out (the process died) hands the job
 * back to the queue when its kind can resume, or marks it failed with its progress kept.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The handler's name, e.g. `audit.purge`, `imports.residents`. */
    kind: text('kind').notNull(),
    /** What the handler needs; never personal data in clear. */
    payload: jsonb('payload').notNull().default({}),
    /** queued → running → done | failed */
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    /** Not before this instant (retries back off by moving it). */
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    /** The process holding the job, and until when its lease runs. */
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** What the handler reported last; a resumed job starts from here. */
    progress: jsonb('progress'),
    /** Why the last attempt failed (a stable code or the error's message). */
    lastError: text('last_error'),
    /** The schedule that queued it, if any. */
    scheduleName: text('schedule_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_queue_idx').on(t.status, t.runAt), index('jobs_kind_idx').on(t.kind, t.createdAt)],
);

/** Recurring jobs: the next run is claimed by one conditional UPDATE, so one process queues it. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  kind: text('kind').notNull(),
  /** `{ everySeconds }`, `{ dailyAt: 'HH:MM' }` or `{ monthlyOn, at }` in the configured time zone. */
  schedule: jsonb('schedule').notNull(),
  payload: jsonb('payload').notNull().default({}),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
});
