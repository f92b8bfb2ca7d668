import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { COMMUNITY } from '../households/registry.factory';
import { IMPORT_STALE_MS } from './imports.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** An import job as a process left it: running, 500 of 2,000 rows done, last heartbeat `agoMs` ago. */
async function jobLeftBehind(agoMs: number) {
  const [row] = await t.database.query<{ id: string }>(
    `INSERT INTO import_jobs (community_id, created_by, file_name, file_type, status, total_rows, processed_rows, created, heartbeat_at, started_at)
     SELECT c.id, u.id, '城东台账.xlsx', 'xlsx', 'running', 2000, 500, 480, now() - ($1 || ' milliseconds')::interval, now() - interval '10 minutes'
       FROM regions c, users u WHERE c.code = $2 AND u.username = 'chengdong' RETURNING id`,
    [String(agoMs), COMMUNITY.城东],
  );
  return row.id;
}

describe('an import whose process stopped', () => {
  it('is failed as INTERRUPTED with the rows it had done, once its heartbeat is older than the limit; a live one is left alone', async () => {
    const lost = await jobLeftBehind(IMPORT_STALE_MS + 60_000);
    const alive = await jobLeftBehind(5_000);
    expect(await t.app.services.imports.failStale()).toBe(1);

    const worker = await t.login('chengdong');
    const lostView = (await worker.get(`/api/imports/${lost}`)).json();
    expect(lostView).toMatchObject({ status: 'failed', failureCode: 'INTERRUPTED', processedRows: 500, created: 480, totalRows: 2000 });
    expect((await worker.get(`/api/imports/${alive}`)).json()).toMatchObject({ status: 'running', processedRows: 500 });
  });

  it('counts the limit from the last heartbeat, not from when the job was queued', async () => {
    const old = await jobLeftBehind(0);
    await t.database.query(`UPDATE import_jobs SET created_at = now() - interval '3 hours' WHERE id = $1`, [old]);
    await t.app.services.imports.failStale();
    expect((await (await t.login('chengdong')).get(`/api/imports/${old}`)).json().status).toBe('running');
  });
});
