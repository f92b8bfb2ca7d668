import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { seedFourHaves } from '../fourhaves/fourhaves.seed';
import { seedAwards } from './awards.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedFourHaves(t.database);
  await seedAwards(t.database);
});
afterAll(() => t.close());

type Round = { id: string; year: number; pot: number; status: string; scored: number; communities: number; paid: number };

describe('the demo city’s 以奖代补 (每年30万元，连续三年)', () => {
  it('has three rounds of 300,000 yuan: last year’s paid, this year’s a scored draft, next year’s opened', async () => {
    const items: Round[] = (await (await t.login('mzj')).get('/api/award-rounds')).json().items;
    expect(items.map((r) => [r.year, r.pot, r.status, r.scored, r.paid])).toEqual([
      [2025, 300000, 'paid', 9, 300000],
      [2026, 300000, 'draft', 9, 0],
      [2027, 300000, 'draft', 0, 0],
    ]);
    // Next year's inspection scores the six aims and the four haves, weighted.
    expect((await (await t.login('mzj')).get(`/api/award-rounds/${items[2].id}`)).json().items.map((i: { label: string }) => i.label)).toEqual([
      '管理有序',
      '服务完善',
      '环境优美',
      '治安良好',
      '生活便利',
      '人际关系和谐',
      '四有建设',
    ]);
  });

  it('freezes last year’s amounts as the ledger received them, each payment naming its reward entry', async () => {
    const rows = await t.database.query<{ n: number; unlinked: number; fen: number; ledger: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE p.funding_entry_id IS NULL)::int AS unlinked, sum(p.amount_fen)::float8 AS fen,
              (SELECT sum(amount_fen)::float8 FROM funding_entries WHERE source = 'reward' AND year = 2025) AS ledger
       FROM award_payments p JOIN award_rounds r ON r.id = p.round_id WHERE r.year = 2025`,
    );
    expect(rows[0]).toMatchObject({ unlinked: 0, fen: 30_000_000, ledger: 30_000_000 });
    const mismatched = await t.database.query(
      `SELECT a.community_id FROM award_allocations a JOIN award_rounds r ON r.id = a.round_id
       LEFT JOIN award_payments p ON p.round_id = a.round_id AND p.community_id = a.community_id
       WHERE r.year = 2025 AND a.amount_fen <> coalesce(p.amount_fen, 0)`,
    );
    expect(mismatched).toEqual([]);
  });

  it('computes this year’s draft from the inspections: every community’s amount and why, adding up to the pot', async () => {
    const mzj = await t.login('mzj');
    const items: Round[] = (await mzj.get('/api/award-rounds')).json().items;
    const current = (await mzj.get(`/api/award-rounds/${items[1].id}`)).json();
    expect(current.blocked).toBeNull();
    expect(current.total).toBe(300000);
    expect(current.lines.every((l: { amount: number | null; reason: string }) => l.amount !== null && l.reason.length > 0)).toBe(true);
  });

  it('puts this year’s approval on the bureau’s 工作台, and nothing on a street office’s (its communities are scored)', async () => {
    const day = '2026-11-29';
    const city = (await t.app.services.awards.workbench({ actor: await actorOf('mzj'), ip: null }, day)).todos ?? [];
    expect(city.map((x) => [x.title.zh, x.dueDate])).toEqual([['审批 2026 年度以奖代补方案', '2026-12-31']]);
    expect(city[0].link).toMatch(/^\/awards\/[0-9a-f-]{36}$/);
    const street = await t.app.services.awards.workbench({ actor: await actorOf('street1'), ip: null }, day);
    expect(street.todos ?? []).toEqual([]);
    // Next year the street office is asked for its communities' scores.
    const next = (await t.app.services.awards.workbench({ actor: await actorOf('street1'), ip: null }, '2027-11-01')).todos ?? [];
    expect(next.map((x) => x.title.zh)).toEqual(['录入 2027 年度以奖代补考评得分（3 个社区未评分）']);
  });
});

/** The signed-in actor of a demo account, as the request context carries it (for a hook called with a fixed day). */
async function actorOf(username: string) {
  const me = (await (await t.login(username)).get('/api/auth/me')).json();
  const grants = await t.database.query<{ role: string; region_id: string; region_path: string; region_name: string; level: string }>(
    `SELECT g.role, r.id AS region_id, r.path::text AS region_path, r.name AS region_name, r.level FROM user_grants g
     JOIN users u ON u.id = g.user_id JOIN regions r ON r.id = g.region_id WHERE u.username = $1`,
    [username],
  );
  return {
    userId: me.user.id,
    username,
    displayName: me.user.displayName,
    permissions: new Set(me.user.permissions),
    grants: grants.map((g) => ({
      role: g.role,
      regionId: g.region_id,
      regionPath: g.region_path,
      regionName: g.region_name,
      regionLevel: g.level,
      domain: null,
    })),
  } as never;
}
