import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { outsideTransaction, type Db } from '../../db/client';
import { nextRun, type Schedule } from '../../../shared/domain/schedule';
import { JobsRepository, type JobRow } from './jobs.repository';

/** What a handler gets besides the job: a way to save progress (and keep its lease) and a stop signal. */
export interface JobContext {
  job: JobRow;
  /** Stores progress and extends the lease; a resumed job finds it in `job.progress`. */
  progress(value: unknown): Promise<void>;
  /** Aborted when the process is stopping: finish the current step, save progress and return. */
  signal: AbortSignal;
}

export interface JobKind {
  /** Runs one job; a throw is a failed attempt (retried with back-off while attempts remain). */
  run(ctx: JobContext): Promise<unknown>;
  /** Whether a job of this kind interrupted by a restart is queued again (from its progress) or failed. */
  resumable?: boolean;
}

export interface RunnerOptions {
  /** Seconds a claim lasts without a heartbeat; a dead process's jobs are recovered after it. */
  leaseSeconds?: number;
  /** How often an idle runner looks for work and due schedules. */
  pollMs?: number;
  /** Jobs run at once by this process. */
  concurrency?: number;
  timeZone: string;
  /** Called when a handler fails, for the log. */
  onError?: (job: JobRow, error: unknown) => void;
}

/**
 * A small job runner stored in PostgreSQL (the `jobs` and `job_schedules` tables), the same on PGlite and on
 * a PostgreSQL server: claims with `FOR UPDATE SKIP LOCKED` under a lease, heartbeats, retries with
 * back-off, recovery of jobs whose process died, and schedules in the city's time zone. Several processes
 * may run it against one database; each job and each scheduled run is taken by one of them.
 */
export class JobRunner {
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly kinds = new Map<string, JobKind>();
  private readonly schedules: { name: string; kind: string; schedule: Schedule; payload: unknown }[] = [];
  private readonly repo: JobsRepository;
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopping = new AbortController();
  private started = false;
  private ticking: Promise<void> | null = null;
  /** The pass asked for while one was under way. */
  private followUp: Promise<void> | null = null;
  private recoveredAt = 0;
  private readonly lease: number;
  private readonly pollMs: number;
  private readonly concurrency: number;

  constructor(
    db: Db,
    private readonly options: RunnerOptions,
  ) {
    this.repo = new JobsRepository(db);
    this.lease = options.leaseSeconds ?? 60;
    this.pollMs = options.pollMs ?? 1000;
    this.concurrency = options.concurrency ?? 1;
  }

  /** Declares a kind of job and its handler. */
  define(kind: string, handler: JobKind): this {
    this.kinds.set(kind, handler);
    return this;
  }

  /** Declares a recurring job; stored at start, so every process agrees on its next run. */
  schedule(name: string, kind: string, schedule: Schedule, payload: unknown = {}): this {
    nextRun(schedule, new Date(), this.options.timeZone); // refuses a malformed schedule now
    this.schedules.push({ name, kind, schedule, payload });
    return this;
  }

  /** Queues a job (inside the caller's transaction when one is running: it runs only if that commits) and wakes the runner. */
  async enqueue(kind: string, payload: unknown, options: { runAt?: Date; maxAttempts?: number } = {}): Promise<string> {
    if (!this.kinds.has(kind)) throw new Error(`unknown job kind ${kind}`);
    const id = await this.repo.insert({ kind, payload, runAt: options.runAt, maxAttempts: options.maxAttempts });
    if (this.started) setImmediate(() => void this.tick());
    return id;
  }

  get(id: string) {
    return this.repo.get(id);
  }

  /** Stores the schedules, recovers jobs left by a stopped process, and starts polling. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopping = new AbortController();
    for (const s of this.schedules) await this.repo.upsertSchedule({ ...s, nextRunAt: nextRun(s.schedule, new Date(), this.options.timeZone) });
    await this.recover();
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref();
    void this.tick();
  }

  /**
   * Stops claiming, asks running handlers to stop (they save progress), and waits for them. A resumable
   * job whose handler returns nothing after the stop signal goes back to the queue; a process that dies
   * instead leaves its jobs under a lease that runs out, and the next pass of any process recovers them.
   */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopping.abort();
    await this.ticking;
    await Promise.allSettled([...this.running]);
  }

  /**
   * Runs the due jobs of `kinds` until none is left, in this process, started or not, and waits for those
   * under way here: what a test awaits instead of polling (the import tests' `drain`).
   */
  async settle(kinds: string[]): Promise<void> {
    for (;;) {
      // A stopped runner's handlers are told to stop at once: the jobs would go back to the queue for ever.
      if (this.stopping.signal.aborted) return;
      await this.ticking;
      await Promise.allSettled([...this.running]);
      const job = await this.repo.claim(kinds, this.owner, this.lease);
      if (!job) {
        if (this.running.size === 0 && !this.ticking) return;
        continue;
      }
      const run = this.execute(job).finally(() => this.running.delete(run));
      this.running.add(run);
    }
  }

  /** Jobs whose lease ran out go back to the queue (resumable kinds) or fail as INTERRUPTED. */
  async recover() {
    const resumable = [...this.kinds].filter(([, k]) => k.resumable).map(([name]) => name);
    return this.repo.recoverExpired([...this.kinds.keys()], resumable);
  }

  /** One pass: queue due schedules, then claim jobs up to the concurrency. Exposed for tests. */
  tick(): Promise<void> {
    // A pass under way may have looked for jobs already (before the one just enqueued): one more pass
    // follows it, so that no enqueue waits for the next poll.
    if (this.ticking) return (this.followUp ??= this.ticking.catch(() => undefined).then(() => ((this.followUp = null), this.tick())));
    // Outside any transaction of the caller: an enqueue inside a transaction wakes the runner, whose pass must
    // not join that transaction (it claims on its own, and sees the job once the transaction commits).
    this.ticking = outsideTransaction(() => this.pass()).finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async pass() {
    if (!this.started) return;
    for (const due of await this.repo.dueSchedules()) {
      if (!this.kinds.has(due.kind)) continue;
      await this.repo.fireSchedule(due.name, due.nextRunAt, nextRun(due.schedule as Schedule, new Date(), this.options.timeZone));
    }
    // A lease runs out no faster than its own length: looking for dead processes' jobs every half lease is
    // enough, instead of an UPDATE on every one-second poll.
    if (Date.now() - this.recoveredAt >= (this.lease * 1000) / 2) {
      this.recoveredAt = Date.now();
      await this.recover();
    }
    while (this.started && this.running.size < this.concurrency) {
      const job = await this.repo.claim([...this.kinds.keys()], this.owner, this.lease);
      if (!job) break;
      // A stop came while the claim was on its way: the handler would never hear it (the stop signal has
      // fired already) and the stop would wait for it for ever. The job goes back to the queue untouched.
      if (!this.started) {
        await this.repo.release(job.id, this.owner);
        break;
      }
      const run = this.execute(job).finally(() => this.running.delete(run));
      this.running.add(run);
    }
  }

  private async execute(job: JobRow) {
    const kind = this.kinds.get(job.kind)!;
    // Lost: the lease ran out under us (a stalled process) and another pass took the job back. The handler
    // is told to stop, and nothing it returns is written over the job's new owner.
    // One controller per job, aborted by a shutdown or by a lost lease. (Not AbortSignal.any: a signal it
    // derives can be collected while a handler still waits on it, and the handler never hears the abort.)
    const control = new AbortController();
    let lost = false;
    const onStop = () => control.abort();
    const stopping = this.stopping.signal;
    stopping.addEventListener('abort', onStop, { once: true });
    if (stopping.aborted) control.abort();
    const signal = control.signal;
    const keep = async (progress?: unknown) => {
      if (!(await this.repo.heartbeat(job.id, this.owner, this.lease, progress))) {
        lost = true;
        control.abort();
      }
    };
    // The lease is kept while the handler runs, even if it never reports progress.
    const beat = setInterval(() => void keep().catch(() => undefined), (this.lease * 1000) / 3);
    beat.unref();
    try {
      const result = await kind.run({ job, signal, progress: (value) => keep(value) });
      if (lost) return this.options.onError?.(job, new Error('lease lost; the job was taken back'));
      // Stopped half-way by a shutdown: back to the queue at once, resumed from its progress.
      if (signal.aborted && result === undefined && kind.resumable) return await this.repo.release(job.id, this.owner);
      await this.repo.finish(job.id, this.owner, result);
    } catch (error) {
      this.options.onError?.(job, error);
      if (lost) return;
      const message = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
      const retryAt = job.attempts < job.maxAttempts ? new Date(Date.now() + 1000 * 2 ** job.attempts) : null;
      await this.repo.fail(job.id, this.owner, message.slice(0, 500), retryAt);
    } finally {
      clearInterval(beat);
      stopping.removeEventListener('abort', onStop);
    }
  }

  /** Drops finished jobs older than `days`. */
  purgeFinished(days: number) {
    return this.repo.purgeFinished(days);
  }
}
