import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFourHaves } from '../fourhaves/fourhaves.seed';
import { createTestApp, type TestApp } from '../../test/app';
import { seedProjects } from './projects.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedFourHaves(t.database);
  await seedProjects(t.database);
});
afterAll(() => t.close());

type Item = {
  communityName: string;
  name: string;
  state: string;
  premisesName: string | null;
  overdue: boolean;
  funding: { budget: number; allocated: number; gap: number };
};

describe('the demo city’s construction projects (the speech’s facts)', () => {
  it('has the activity premises of the 3 pilots and 桥西 built, each with a funding gap left', async () => {
    const items: Item[] = (await (await t.login('mzj')).get('/api/projects?pageSize=50')).json().items;
    const built = items.filter((i) => i.state === 'finished');
    expect(built.map((i) => i.communityName).sort()).toEqual(['世纪社区', '城东社区', '城中社区', '桥西社区'].sort());
    expect(built.every((i) => i.funding.gap > 0 && i.premisesName !== null)).toBe(true);
  });

  it('has every community below 300 m² building or planning its premises, 桥东’s late', async () => {
    const items: Item[] = (await (await t.login('mzj')).get('/api/projects?pageSize=50')).json().items;
    const active = items.filter((i) => i.state === 'planned' || i.state === 'under_way');
    expect(active.map((i) => i.communityName).sort()).toEqual(['城北社区', '城南社区', '城西社区', '桥东社区', '河滨社区'].sort());
    expect(items.filter((i) => i.overdue).map((i) => i.communityName)).toContain('桥东社区');
    expect(items.find((i) => i.communityName === '城西社区')?.premisesName).toBe('城西新区配建社区用房');
  });

  it('puts each project’s budget, allocations and spending on the community ledger, keeping the 以奖代补 pot at 300,000 a year', async () => {
    const [linked] = await t.database.query<{ n: number; budgets: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE kind = 'budget')::int AS budgets FROM funding_entries WHERE project_id IS NOT NULL`,
    );
    expect(linked.budgets).toBe(9);
    expect(linked.n).toBeGreaterThan(30);
    const rewards = await t.database.query<{ fen: number }>(`SELECT sum(amount_fen)::float8 AS fen FROM funding_entries WHERE source = 'reward' GROUP BY year`);
    expect(rewards.every((r) => r.fen === 30_000_000)).toBe(true);
    // The 4 compliant communities still have gaps on the ledger (DOMAIN.md §5).
    const status = (await (await t.login('mzj')).get('/api/four-haves?year=2025')).json().items as { name: string; money: { reason: string } }[];
    for (const n of ['城东社区', '城中社区', '世纪社区', '桥西社区']) expect(status.find((s) => s.name === n)?.money.reason).toContain('资金缺口');
  });

  it('seeds once', async () => {
    await seedProjects(t.database);
    const [{ n }] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM projects');
    expect(n).toBe(9);
  });
});
