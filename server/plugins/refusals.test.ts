import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY, registryFactory } from '../modules/households/registry.factory';
import { createTestApp, type TestApp } from '../test/app';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
});
afterAll(() => t.close());

type Denied = { object_id: string; outcome: string; details: Record<string, unknown> };
const deniedOf = (username: string) =>
  t.database.query<Denied>(`SELECT object_id, outcome, details FROM audit_log WHERE action = 'security.denied' AND username = $1 ORDER BY seq`, [username]);

describe('refusals raised inside services', () => {
  it('audits an OUT_OF_SCOPE refusal thrown inside a rolled-back transaction once, with the route and the object', async () => {
    const own = await f.grid(COMMUNITY.城东, 1);
    const next = await f.grid(COMMUNITY.城东, 2);
    const from = await f.family(own, 0);
    const stranger = await f.resident({ ...next, householdId: from.household.id }, { relationToHead: 'son' });
    const to = await f.family(own, 0);
    const grid = await t.login('grid-chengdong');
    const before = await deniedOf('grid-chengdong');
    const res = await grid.post(`/api/households/${from.household.id}/move-member`, {
      residentId: stranger.id,
      toHouseholdId: to.household.id,
      relationToHead: 'other',
      effectiveDate: '2026-01-15',
    });
    expect(res.statusCode).toBe(403);
    const added = (await deniedOf('grid-chengdong')).slice(before.length);
    expect(added).toEqual([
      {
        object_id: 'POST /api/households/:id/move-member',
        outcome: 'denied',
        details: { code: 'OUT_OF_SCOPE', refused: [{ path: 'residentId', residentId: stranger.id }], params: { id: from.household.id } },
      },
    ]);
    // The service's own entry went with its transaction; the refusal's entry keeps the chain whole.
    const [{ n }] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'households.move_member' AND object_id = $1`,
      [from.household.id],
    );
    expect(n).toBe(0);
    expect((await (await t.login('auditor')).get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('audits a 404 that hides an object outside the caller’s scope, and not a 404 for an id that does not exist', async () => {
    const { household } = await f.family(await f.grid(COMMUNITY.城东, 3), 0);
    const chengxi = await t.login('chengxi');
    const before = await deniedOf('chengxi');
    expect((await chengxi.get(`/api/households/${household.id}`)).statusCode).toBe(404);
    const missing = randomUUID();
    expect((await chengxi.get(`/api/households/${missing}`)).statusCode).toBe(404);
    const added = (await deniedOf('chengxi')).slice(before.length);
    expect(added).toEqual([
      {
        object_id: 'GET /api/households/:id',
        outcome: 'denied',
        details: { code: 'NOT_FOUND', outOfScope: true, object: 'household', params: { id: household.id } },
      },
    ]);
  });

  it('audits a refusal of a service’s own check with the community the caller asked for', async () => {
    const [{ id: dong }] = await t.database.query<{ id: string }>(`SELECT id FROM regions WHERE code = $1`, [COMMUNITY.城东]);
    const chengxi = await t.login('chengxi');
    const before = await deniedOf('chengxi');
    const boundary = '----refusal';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n姓名,身份证号,网格\r\n\r\n--${boundary}--\r\n`;
    const res = await chengxi.request({
      method: 'POST',
      url: `/api/imports/residents?communityId=${dong}`,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OUT_OF_SCOPE');
    const added = (await deniedOf('chengxi')).slice(before.length);
    expect(added).toMatchObject([{ object_id: 'POST /api/imports/residents', details: { code: 'OUT_OF_SCOPE', refused: { communityId: dong } } }]);
  });

  it('keeps writing refusals of a route’s permission once, as before', async () => {
    const c = await t.login('labour');
    const before = await deniedOf('labour');
    expect((await c.get('/api/accounts')).statusCode).toBe(403);
    expect((await deniedOf('labour')).slice(before.length)).toEqual([
      { object_id: 'GET /api/accounts', outcome: 'denied', details: { code: 'FORBIDDEN', required: 'accounts.manage' } },
    ]);
  });
});
