import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { JobRunner, type JobKind } from './jobs.runner';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'none' });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.db.execute(sql`DELETE FROM jobs`);
  await t.database.db.execute(sql`DELETE FROM job_schedules`);
});

const runner = (kinds: Record<string, JobKind>) => {
  const r = new JobRunner(t.database.db, { timeZone: 'Asia/Shanghai', pollMs: 60_000, leaseSeconds: 30 });
  for (const [name, kind] of Object.entries(kinds)) r.define(name, kind);
  return r;
};
/** Polls until the check holds: by a deadline, not a count of polls, so that a slow database still gets its 20 s. */
const until = async (check: () => Promise<boolean>, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${ms} ms`);
};
const statusOf = async (r: JobRunner, id: string) => (await r.get(id))?.status;

// A loaded CI machine (the e2e run beside the PostgreSQL pass) can take several of the 20 s polls in one test.
describe('the job runner', { timeout: 90_000 }, () => {
  it('runs a queued job once and keeps its result as the final progress', async () => {
    let runs = 0;
    const r = runner({ greet: { run: async ({ job }) => ({ hello: (job.payload as { name: string }).name, runs: ++runs }) } });
    await r.start();
    const id = await r.enqueue('greet', { name: '城东' });
    await until(async () => (await statusOf(r, id)) === 'done');
    await r.tick();
    expect(runs).toBe(1);
    expect((await r.get(id))!.progress).toEqual({ hello: '城东', runs: 1 });
    await r.stop();
  });

  it('retries a failing job and fails it with the reason once its attempts are spent', async () => {
    const r = runner({ flaky: { run: async () => Promise.reject(Object.assign(new Error('boom'), { code: 'UPSTREAM_DOWN' })) } });
    await r.start();
    const id = await r.enqueue('flaky', {}, { maxAttempts: 2 });
    await until(async () => (await r.get(id))?.attempts === 1 && (await statusOf(r, id)) === 'queued');
    // Skip the back-off.
    await t.database.db.execute(sql`UPDATE jobs SET run_at = now() WHERE id = ${id}`);
    await r.tick();
    await until(async () => (await statusOf(r, id)) === 'failed');
    expect(await r.get(id)).toMatchObject({ attempts: 2, lastError: 'UPSTREAM_DOWN' });
    await r.stop();
  });

  it('resumes a job from its saved progress after its process died (its lease ran out)', async () => {
    const seen: unknown[] = [];
    const dying = runner({ import: { resumable: true, run: async ({ progress }) => (await progress({ rowsDone: 500 }), new Promise(() => {})) } });
    await dying.start();
    const id = await dying.enqueue('import', { file: 'x' });
    await until(async () => JSON.stringify((await dying.get(id))?.progress) === '{"rowsDone":500}');
    // The process is killed: no stop, no release; its lease runs out.
    await t.database.db.execute(sql`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = ${id}`);

    const next = runner({ import: { resumable: true, run: async ({ job }) => (seen.push(job.progress), { rowsDone: 1000 }) } });
    await next.start();
    await until(async () => (await statusOf(next, id)) === 'done');
    expect(seen).toEqual([{ rowsDone: 500 }]);
    expect((await next.get(id))!.progress).toEqual({ rowsDone: 1000 });
    await next.stop();
  });

  it('marks a job that cannot resume as failed (INTERRUPTED) after its process died, keeping its progress', async () => {
    const dying = runner({ report: { run: async ({ progress }) => (await progress({ pages: 3 }), new Promise(() => {})) } });
    await dying.start();
    const id = await dying.enqueue('report', {});
    await until(async () => JSON.stringify((await dying.get(id))?.progress) === '{"pages":3}');
    await t.database.db.execute(sql`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = ${id}`);

    const next = runner({ report: { run: async () => ({}) } });
    await next.start();
    expect(await next.get(id)).toMatchObject({ status: 'failed', lastError: 'INTERRUPTED', progress: { pages: 3 } });
    await next.stop();
  });

  it('hands a job stopped by a shutdown back to the queue at once, and the next process finishes it', async () => {
    const first = runner({
      long: {
        resumable: true,
        run: async ({ signal, progress }) => {
          await progress({ step: 1 });
          // The stop may come before the handler listens for it.
          if (!signal.aborted) await new Promise((r) => signal.addEventListener('abort', r));
        },
      },
    });
    await first.start();
    const id = await first.enqueue('long', {});
    // The handler is running once its progress is stored (the status alone says the claim is, maybe not yet the handler).
    await until(async () => JSON.stringify((await first.get(id))?.progress) === '{"step":1}');
    await first.stop();
    expect(await first.get(id)).toMatchObject({ status: 'queued', attempts: 0, progress: { step: 1 } });

    const second = runner({ long: { resumable: true, run: async ({ job }) => ({ resumedFrom: job.progress }) } });
    await second.start();
    await until(async () => (await statusOf(second, id)) === 'done');
    expect((await second.get(id))!.progress).toEqual({ resumedFrom: { step: 1 } });
    await second.stop();
  });

  it('puts a job claimed while the runner was stopping back in the queue untouched, and the stop does not wait for ever', async () => {
    let ran = false;
    const r = runner({ late: { resumable: true, run: async () => void (ran = true) } });
    // The stop comes while the claim is on its way (as when a shutdown meets a poll).
    const repo = (r as unknown as { repo: { claim: (...args: unknown[]) => Promise<unknown> } }).repo;
    const claim = repo.claim.bind(repo);
    let stopped: Promise<void> | undefined;
    repo.claim = async (...args) => {
      const job = await claim(...args);
      if (job && !stopped) stopped = r.stop();
      return job;
    };
    const id = await r.enqueue('late', {});
    await r.start();
    await until(async () => stopped !== undefined);
    await stopped;
    expect(ran).toBe(false);
    expect(await r.get(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('tells a handler whose lease was taken back to stop, and keeps its late result off the job', async () => {
    let stopped = false;
    let release!: () => void;
    const slow = runner({
      slow: {
        resumable: true,
        run: async ({ signal, progress }) => {
          await new Promise<void>((r) => (release = r));
          await progress({ late: true }).catch(() => undefined);
          stopped = signal.aborted;
          return { late: true };
        },
      },
    });
    await slow.start();
    const id = await slow.enqueue('slow', {});
    await until(async () => (await statusOf(slow, id)) === 'running' && release !== undefined);
    // The process stalled past its lease; another pass takes the job back.
    await t.database.db.execute(sql`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = ${id}`);
    await slow.recover();
    release();
    await until(async () => stopped);
    const after = await slow.get(id);
    expect(after).toMatchObject({ lastError: 'INTERRUPTED' });
    expect(after!.progress).not.toEqual({ late: true });
    await slow.stop();
  });

  it('queues a due scheduled run once, however many processes see it', async () => {
    let runs = 0;
    const kinds = { tick: { run: async () => ({ run: ++runs }) } };
    const a = runner(kinds).schedule('hourly-tick', 'tick', { everySeconds: 3600 });
    const b = runner(kinds).schedule('hourly-tick', 'tick', { everySeconds: 3600 });
    await a.start();
    await b.start();
    await t.database.db.execute(sql`UPDATE job_schedules SET next_run_at = now() - interval '1 second'`);
    await Promise.all([a.tick(), b.tick()]);
    await until(async () => runs === 1);
    await Promise.all([a.tick(), b.tick()]);
    const { rows } = (await t.database.db.execute(sql`SELECT count(*)::int AS n FROM jobs WHERE schedule_name = 'hourly-tick'`)) as unknown as {
      rows: { n: number }[];
    };
    expect(rows[0]!.n).toBe(1);
    const [schedule] = (
      (await t.database.db.execute(sql`SELECT next_run_at > now() + interval '59 minutes' AS later FROM job_schedules`)) as unknown as {
        rows: { later: boolean }[];
      }
    ).rows;
    expect(schedule!.later).toBe(true);
    await a.stop();
    await b.stop();
  });
});
