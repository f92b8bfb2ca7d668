import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { seedFourHaves } from './fourhaves.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedFourHaves(t.database);
});
afterAll(() => t.close());

type Item = { name: string; premises: { status: string; areaM2: number; reason: string }; money: { status: string; reason: string } };

describe('the demo city’s four haves (the speech’s facts)', () => {
  it('has 5 of 9 communities below 300 m², some renting, and the 3 pilots and 桥西 meeting the standard with funding gaps', async () => {
    const items: Item[] = (await (await t.login('mzj')).get('/api/four-haves?year=2026')).json().items;
    expect(items).toHaveLength(9);
    const below = items.filter((i) => i.premises.areaM2 < 300);
    expect(below.map((i) => i.name).sort()).toEqual(['城北社区', '城南社区', '城西社区', '桥东社区', '河滨社区'].sort());
    expect(below.every((i) => i.premises.status === 'red')).toBe(true);
    const premises = await t.database.query<{ n: number }>(`SELECT count(DISTINCT community_id)::int AS n FROM premises WHERE ownership = 'rented'`);
    expect(premises[0].n).toBe(2);
    const built = items.filter((i) => ['城东社区', '城中社区', '世纪社区', '桥西社区'].includes(i.name));
    expect(built.map((i) => i.premises.status)).toEqual(['green', 'green', 'green', 'green']);
    expect(built.every((i) => i.money.status !== 'green' && i.money.reason.includes('资金缺口'))).toBe(true);
  });

  it('has last year’s 300,000 yuan of 以奖代补 received, to the fen (this year’s round is still a draft)', async () => {
    const rows = await t.database.query<{ year: number; fen: number }>(
      `SELECT year, sum(amount_fen)::float8 AS fen FROM funding_entries WHERE source = 'reward' GROUP BY year ORDER BY year`,
    );
    expect(rows).toEqual([{ year: 2025, fen: 30_000_000 }]);
  });
});

describe('the 工作台 contribution', () => {
  it('counts the city’s communities below the standard and with gaps, and lists 城南’s lease ending on 2026-12-31', async () => {
    const mzj = await t.login('mzj');
    const services = t.app.services;
    const me = (await mzj.get('/api/auth/me')).json();
    expect(me.user.permissions).toContain('fourhaves.read');
    const { fourHavesModule } = await import('./fourhaves.module');
    const ctxActor = {
      userId: me.user.id,
      username: 'mzj',
      permissions: new Set(me.user.permissions),
      grants: (
        await t.database.query<{ role: string; region_path: string }>(
          `SELECT g.role, r.path::text AS region_path FROM user_grants g JOIN users u ON u.id = g.user_id JOIN regions r ON r.id = g.region_id WHERE u.username = 'mzj'`,
        )
      ).map((g) => ({ role: g.role, regionPath: g.region_path, domain: null })),
    };
    const out = await fourHavesModule.workbench!(services, { actor: ctxActor as never, ip: null }, '2026-11-29');
    expect(out.cards?.find((c) => c.key === 'fourhaves.premisesBelowStandard')?.value).toBe(5);
    expect(out.cards?.find((c) => c.key === 'fourhaves.fundingGap')?.value).toBe(9);
    expect(out.todos?.map((td) => [td.regionName, td.dueDate])).toEqual([['城南社区', '2026-12-31']]);
  });
});
