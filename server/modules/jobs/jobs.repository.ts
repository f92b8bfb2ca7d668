import { and, eq, sql } from 'drizzle-orm';
import { transaction, type Db } from '../../db/client';
import { arrayParam, rowsOf } from '../../db/sql';
import { jobSchedules, jobs } from './jobs.table';

/** A job as a handler sees it. */
export interface JobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  maxAttempts: number;
  progress: unknown;
  lastError: string | null;
  scheduleName: string | null;
}

const JOB_COLUMNS = sql`id, kind, payload, status, attempts, max_attempts AS "maxAttempts", progress, last_error AS "lastError", schedule_name AS "scheduleName"`;

/** The queries of the job tables; only the job runner writes them. */
export class JobsRepository {
  constructor(private readonly db: Db) {}

  async insert(job: { kind: string; payload: unknown; runAt?: Date; maxAttempts?: number; scheduleName?: string }): Promise<string> {
    const [row] = await this.db
      .insert(jobs)
      .values({ kind: job.kind, payload: job.payload ?? {}, runAt: job.runAt ?? new Date(), maxAttempts: job.maxAttempts ?? 3, scheduleName: job.scheduleName })
      .returning({ id: jobs.id });
    return row!.id;
  }

  /** Claims the oldest due job of the given kinds for `owner` under a lease; one process wins each job. */
  async claim(kinds: string[], owner: string, leaseSeconds: number): Promise<JobRow | null> {
    if (!kinds.length) return null;
    const rows = await rowsOf<JobRow>(
      this.db,
      sql`UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${owner},
                 locked_until = now() + make_interval(secs => ${leaseSeconds}), started_at = coalesce(started_at, now())
           WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= now() AND kind = ANY(${arrayParam(kinds)})
                        ORDER BY run_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING ${JOB_COLUMNS}`,
    );
    return rows[0] ?? null;
  }

  /** Extends the lease and stores progress; false when the job is no longer this owner's. */
  async heartbeat(id: string, owner: string, leaseSeconds: number, progress?: unknown): Promise<boolean> {
    const rows = await rowsOf<{ id: string }>(
      this.db,
      sql`UPDATE jobs SET locked_until = now() + make_interval(secs => ${leaseSeconds}),
                 progress = coalesce(${progress === undefined ? null : JSON.stringify(progress)}::jsonb, progress)
           WHERE id = ${id} AND locked_by = ${owner} AND status = 'running' RETURNING id`,
    );
    return rows.length === 1;
  }

  async finish(id: string, owner: string, progress: unknown): Promise<void> {
    await this.db
      .update(jobs)
      .set({ status: 'done', finishedAt: new Date(), lockedBy: null, lockedUntil: null, ...(progress === undefined ? {} : { progress }) })
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, owner)));
  }

  /** Hands a job stopped half-way (the process is shutting down) back to the queue, its attempt not counted. */
  async release(id: string, owner: string): Promise<void> {
    await this.db
      .update(jobs)
      .set({ status: 'queued', attempts: sql`greatest(${jobs.attempts} - 1, 0)`, lockedBy: null, lockedUntil: null })
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, owner)));
  }

  /** A failed attempt: back to the queue after `retryAt`, or failed for good when attempts are spent. */
  async fail(id: string, owner: string, error: string, retryAt: Date | null): Promise<void> {
    await this.db
      .update(jobs)
      .set(
        retryAt
          ? { status: 'queued', runAt: retryAt, lastError: error, lockedBy: null, lockedUntil: null }
          : { status: 'failed', finishedAt: new Date(), lastError: error, lockedBy: null, lockedUntil: null },
      )
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, owner)));
  }

  /**
   * Jobs of `kinds` whose lease ran out (their process stopped or died): the resumable kinds go back to the
   * queue with their progress, the others fail as INTERRUPTED with their progress kept. Only the kinds the
   * caller runs: a process that does not know a kind cannot tell whether it resumes. Returns what was done.
   */
  async recoverExpired(kinds: string[], resumableKinds: string[]): Promise<{ id: string; kind: string; status: 'queued' | 'failed' }[]> {
    return rowsOf(
      this.db,
      sql`UPDATE jobs SET
             status = CASE WHEN kind = ANY(${arrayParam(resumableKinds)}) AND attempts < max_attempts THEN 'queued' ELSE 'failed' END,
             last_error = 'INTERRUPTED', locked_by = NULL, locked_until = NULL,
             finished_at = CASE WHEN kind = ANY(${arrayParam(resumableKinds)}) AND attempts < max_attempts THEN NULL ELSE now() END
           WHERE status = 'running' AND locked_until < now() AND kind = ANY(${arrayParam(kinds)})
       RETURNING id, kind, status`,
    );
  }

  async get(id: string): Promise<(JobRow & { lockedBy: string | null }) | null> {
    const rows = await rowsOf<JobRow & { lockedBy: string | null }>(this.db, sql`SELECT ${JOB_COLUMNS}, locked_by AS "lockedBy" FROM jobs WHERE id = ${id}`);
    return rows[0] ?? null;
  }

  /** Creates or updates a schedule; an existing next run is kept unless the schedule itself changed. */
  async upsertSchedule(s: { name: string; kind: string; schedule: unknown; payload: unknown; nextRunAt: Date }): Promise<void> {
    await this.db
      .insert(jobSchedules)
      .values(s)
      .onConflictDoUpdate({
        target: jobSchedules.name,
        set: {
          kind: s.kind,
          payload: s.payload,
          schedule: s.schedule,
          nextRunAt: sql`CASE WHEN ${jobSchedules.schedule} = ${JSON.stringify(s.schedule)}::jsonb THEN ${jobSchedules.nextRunAt} ELSE ${s.nextRunAt} END`,
        },
      });
  }

  async dueSchedules(): Promise<{ name: string; kind: string; schedule: unknown; payload: Record<string, unknown>; nextRunAt: Date }[]> {
    return rowsOf(
      this.db,
      sql`SELECT name, kind, schedule, payload, next_run_at AS "nextRunAt" FROM job_schedules WHERE next_run_at <= now() ORDER BY next_run_at`,
    );
  }

  /**
   * Moves a due schedule on to its next run and queues its job, in one transaction: only the process whose
   * conditional UPDATE matched the old next run queues it.
   */
  async fireSchedule(name: string, seenNextRunAt: Date, nextRunAt: Date): Promise<string | null> {
    return transaction(this.db, async () => {
      const moved = await rowsOf<{ kind: string; payload: unknown }>(
        this.db,
        sql`UPDATE job_schedules SET next_run_at = ${nextRunAt}, last_run_at = now()
             WHERE name = ${name} AND next_run_at = ${seenNextRunAt} RETURNING kind, payload`,
      );
      if (!moved.length) return null;
      return this.insert({ kind: moved[0]!.kind, payload: moved[0]!.payload, scheduleName: name, maxAttempts: 1 });
    });
  }

  /** Drops finished jobs older than `days` (failed ones are kept as long, for reading). */
  async purgeFinished(days: number): Promise<number> {
    const rows = await rowsOf<{ id: string }>(
      this.db,
      sql`DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < now() - make_interval(days => ${days}) RETURNING id`,
    );
    return rows.length;
  }
}
