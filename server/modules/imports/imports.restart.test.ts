import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/domain/id-number';
import type { RequestContext } from '../../lib/context';
import { createTestApp, type TestApp } from '../../test/app';
import { COMMUNITY } from '../households/registry.factory';
import { JobRunner } from '../jobs/jobs.runner';
import { ImportsRepository } from './imports.repository';
import { IMPORT_JOB_KIND, ImportsService } from './imports.service';

let t: TestApp;
let ctx: RequestContext;
let communityId: string;
const runners: JobRunner[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // This file plays the processes itself: the test app's own runner must not take the imports.
  await t.app.services.jobs.stop();
  const [user] = await t.database.query<{ id: string }>(`SELECT id FROM users WHERE username = 'chengdong'`);
  ctx = { actor: await t.app.services.auth.actorForJob(user.id), ip: '127.0.0.1' };
  const [c] = await t.database.query<{ id: string }>(`SELECT id FROM regions WHERE code = $1`, [COMMUNITY.城东]);
  communityId = c.id;
});
afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop();
});
afterAll(() => t.close());

/** One server process on the shared database: its own job runner and import service (batches of 50 rows). */
function serverProcess() {
  const s = t.app.services;
  const runner = new JobRunner(t.database.db, { timeZone: t.config.timeZone, pollMs: 50 });
  const imports = new ImportsService(
    t.database.db,
    new ImportsRepository(t.database.db),
    s.regions,
    s.audit,
    s.crypto,
    { maxRows: 10_000, batchSize: 50 },
    s.care,
    runner,
    s.residents,
    s.households,
    (id) => s.auth.actorForJob(id),
  );
  runners.push(runner);
  return { runner, imports };
}

let file = 0;
/** A CSV of `n` new residents of 城东第1网格, each with an ID number of its own. */
function ledger(n: number) {
  file++;
  const lines = ['姓名,身份证号,网格'];
  for (let i = 0; i < n; i++) {
    const birth = new Date(Date.UTC(1930 + 5 * file, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`居民${file}x${i},${makeIdNumber('341881', birth, 11, 'M')},城东第1网格`);
  }
  return { data: Buffer.from(lines.join('\r\n') + '\r\n'), ids: lines.slice(1).map((l) => l.split(',')[1]) };
}

const importRow = async (id: string) =>
  (
    await t.database.query<{
      status: string;
      processed_rows: number;
      created: number;
      updated: number;
      unchanged: number;
      failed: number;
      failure_code: string | null;
      has_upload: boolean;
    }>(
      `SELECT status, processed_rows, created, updated, unchanged, failed, failure_code, upload_cipher IS NOT NULL AS has_upload FROM import_jobs WHERE id = $1`,
      [id],
    )
  )[0];

/** Waits until the import has saved at least `rows` rows (some batches committed, not all). */
async function savedAtLeast(id: string, rows: number) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if ((await importRow(id)).processed_rows >= rows) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the import made no progress');
}

/** How many residents hold these ID numbers (each must be there once). */
async function residentsOf(ids: string[]) {
  const hashes = ids.map((id) => t.app.services.crypto.blindIndex(id));
  const [row] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM residents WHERE id_hash = ANY($1::text[])`, [hashes]);
  return row.n;
}

describe('an import interrupted by a restart', () => {
  it('stopped with its process (SIGTERM) goes back to the queue, and the next process resumes it after the saved rows', async () => {
    const first = serverProcess();
    await first.runner.start();
    const { data, ids } = ledger(600);
    const accepted = await first.imports.startResidents(ctx, { communityId, fileName: '城东台账.csv', data });
    if (!('jobId' in accepted)) throw new Error('not accepted');
    await savedAtLeast(accepted.jobId, 100);
    await first.runner.stop();

    const halfway = await importRow(accepted.jobId);
    expect(halfway.processed_rows).toBeGreaterThan(0);
    expect(halfway.processed_rows).toBeLessThan(600);
    expect(halfway.has_upload).toBe(true);
    const [queued] = await t.database.query<{ status: string }>(`SELECT status FROM jobs WHERE payload->>'importId' = $1`, [accepted.jobId]);
    expect(queued.status).toBe('queued');

    const second = serverProcess();
    await second.runner.start();
    await second.imports.drain();
    // Every row once: a batch saved twice would count its rows as unchanged, not created.
    expect(await importRow(accepted.jobId)).toMatchObject({
      status: 'done',
      processed_rows: 600,
      created: 600,
      updated: 0,
      unchanged: 0,
      failed: 0,
      has_upload: false,
    });
    expect(await residentsOf(ids)).toBe(600);
  });

  it('left running by a process that died is taken up again when its lease runs out, and finishes from its progress', async () => {
    const first = serverProcess();
    await first.runner.start();
    const { data, ids } = ledger(400);
    const accepted = await first.imports.startResidents(ctx, { communityId, fileName: '城东台账.csv', data });
    if (!('jobId' in accepted)) throw new Error('not accepted');
    await savedAtLeast(accepted.jobId, 100);
    await first.runner.stop();
    // As a killed process leaves it: running, held by a process that is gone, its lease run out.
    await t.database.query(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = 'gone:1', locked_until = now() - interval '1 second' WHERE payload->>'importId' = $1`,
      [accepted.jobId],
    );
    const left = await importRow(accepted.jobId);
    expect(left.status).toBe('running');
    expect(left.processed_rows).toBeLessThan(400);

    const second = serverProcess();
    await second.runner.start();
    await second.imports.drain();
    expect(await importRow(accepted.jobId)).toMatchObject({ status: 'done', processed_rows: 400, created: 400, unchanged: 0, failed: 0 });
    expect(await residentsOf(ids)).toBe(400);
  });

  it('whose job will not run again is failed as INTERRUPTED with the rows it had done; one still queued is left alone', async () => {
    const first = serverProcess();
    const { data } = ledger(10);
    const lost = await first.imports.startResidents(ctx, { communityId, fileName: '城东台账.csv', data });
    const waiting = await first.imports.startResidents(ctx, { communityId, fileName: '城东台账.csv', data: ledger(10).data });
    if (!('jobId' in lost) || !('jobId' in waiting)) throw new Error('not accepted');
    // Its runner job spent its attempts on processes that died: the runner fails it when the lease runs out.
    await t.database.query(`UPDATE import_jobs SET status = 'running', processed_rows = 500, created = 480 WHERE id = $1`, [lost.jobId]);
    await t.database.query(
      `UPDATE jobs SET status = 'running', attempts = max_attempts, locked_by = 'gone:1', locked_until = now() - interval '1 second' WHERE payload->>'importId' = $1`,
      [lost.jobId],
    );
    await first.runner.recover();
    expect(await first.imports.failOrphans()).toBe(1);

    const worker = await t.login('chengdong');
    expect((await worker.get(`/api/imports/${lost.jobId}`)).json()).toMatchObject({
      status: 'failed',
      failureCode: 'INTERRUPTED',
      processedRows: 500,
      created: 480,
    });
    expect((await importRow(lost.jobId)).has_upload).toBe(false);
    expect((await worker.get(`/api/imports/${waiting.jobId}`)).json()).toMatchObject({ status: 'queued' });
  });

  it('never has rows saved ahead of its stored progress, so that a crash at any moment resumes at the right row', async () => {
    const process = serverProcess();
    await process.runner.start();
    const { data, ids } = ledger(300);
    const hashes = ids.map((id) => t.app.services.crypto.blindIndex(id));
    const accepted = await process.imports.startResidents(ctx, { communityId, fileName: '城东台账.csv', data });
    if (!('jobId' in accepted)) throw new Error('not accepted');
    const seen: { saved: number; processed: number; status: string }[] = [];
    const deadline = Date.now() + 20_000;
    for (;;) {
      // One statement, one snapshot: the rows saved and the progress stored, as a crash now would leave them.
      const [now] = await t.database.query<{ saved: number; processed: number; status: string }>(
        `SELECT (SELECT count(*)::int FROM residents WHERE id_hash = ANY($1::text[])) AS saved, processed_rows AS processed, status
           FROM import_jobs WHERE id = $2`,
        [hashes, accepted.jobId],
      );
      seen.push(now);
      if (now.status === 'done' || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(seen.at(-1)).toEqual({ saved: 300, processed: 300, status: 'done' });
    expect(seen.filter((s) => s.saved > s.processed)).toEqual([]);
    // Batches of 50: the loop saw the import part-way at least once.
    expect(seen.some((s) => s.processed > 0 && s.processed < 300)).toBe(true);
  });
});

describe('the imports a runner job holds', () => {
  it('are queued with the import, in the same transaction', async () => {
    const { imports } = serverProcess();
    const accepted = await imports.startResidents(ctx, { communityId, fileName: '城东台账.csv', data: ledger(3).data });
    if (!('jobId' in accepted)) throw new Error('not accepted');
    const jobs = await t.database.query<{ kind: string; status: string }>(`SELECT kind, status FROM jobs WHERE payload->>'importId' = $1`, [accepted.jobId]);
    expect(jobs).toEqual([{ kind: IMPORT_JOB_KIND, status: 'queued' }]);
    await imports.drain();
    expect((await importRow(accepted.jobId)).status).toBe('done');
  });
});
