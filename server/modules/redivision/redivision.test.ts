import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from '../households/registry.factory';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
});
afterAll(() => t.close());

const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await t.database.query<T>(sql, params))[0];
const activeIn = (body: { byCommunity: { name: string; residents: number }[] }, name: string) => body.byCommunity.find((m) => m.name === name)?.residents;

describe('POST /api/redivision/move-grid', () => {
  it('moves a grid to another community: path, scope keys, counts and scopes follow; old moves stay as history', async () => {
    const grid = await f.grid(COMMUNITY.城东, 3);
    const xiId = await f.regionId(COMMUNITY.城西);
    const b = await f.building(grid);
    const fam = await f.family({ ...grid, buildingId: b.id }, 2);
    await f.care(fam.members[1].id, grid.communityId, 'disability');
    await t.database.query(
      `INSERT INTO resident_moves (resident_id, community_id, move_type, to_household_id, to_community_id, effective_date) VALUES ($1, $2, 'register', $3, $2, '2020-01-01')`,
      [fam.head.id, grid.communityId, fam.household.id],
    );
    const dong = await t.login('chengdong');
    const xi = await t.login('chengxi');
    const mzj = await t.login('mzj');
    // Scopes are resolved (and cached) before the move.
    expect((await dong.get(`/api/households/${fam.household.id}`)).statusCode).toBe(200);
    expect((await xi.get(`/api/households/${fam.household.id}`)).statusCode).toBe(404);
    const before = (await mzj.get('/api/statistics/overview')).json();
    expect(activeIn(before, '城东社区')).toBe(3);
    expect(activeIn(before, '城西社区')).toBe(0);

    const res = await mzj.post('/api/redivision/move-grid', {
      gridId: grid.gridId,
      toCommunityId: xiId,
      effectiveDate: '2026-01-01',
      reason: '按街道边界调整',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().moved).toEqual({ buildings: 1, households: 1, residents: 3, careRecords: 1 });
    expect(res.json().change).toMatchObject({
      objectType: 'grid',
      objectId: grid.gridId,
      fromRegionName: '城东社区',
      toRegionName: '城西社区',
      effectiveDate: '2026-01-01',
      changedByName: '市民政局 王科长',
    });

    const region = await one<{ parent_id: string; path: string }>('SELECT parent_id, path::text FROM regions WHERE id = $1', [grid.gridId]);
    expect(region.parent_id).toBe(xiId);
    expect(region.path).toBe(`341881.341881002.341881002001.${COMMUNITY.城东}03`);
    for (const table of ['buildings', 'households', 'residents']) {
      expect(await one(`SELECT count(*)::int AS n FROM ${table} WHERE grid_id = $1 AND community_id <> $2`, [grid.gridId, xiId])).toEqual({ n: 0 });
    }
    expect(await one('SELECT community_id FROM care_records WHERE resident_id = $1', [fam.members[1].id])).toEqual({ community_id: xiId });
    expect(await one('SELECT community_id FROM resident_moves WHERE resident_id = $1', [fam.head.id])).toEqual({ community_id: grid.communityId });

    const after = (await mzj.get('/api/statistics/overview')).json();
    expect(activeIn(after, '城东社区')).toBe(0);
    expect(activeIn(after, '城西社区')).toBe(3);
    expect(after.byCommunity.find((m: { name: string }) => m.name === '城西社区').grids).toBe(9);
    expect((await dong.get(`/api/households/${fam.household.id}`)).statusCode).toBe(404);
    expect((await xi.get(`/api/households/${fam.household.id}`)).statusCode).toBe(200);
    expect((await xi.get(`/api/buildings/${b.id}`)).statusCode).toBe(200);
    expect(await one(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'redivision.move_grid' AND object_id = $1`, [grid.gridId])).toEqual({ n: 1 });

    const history = (await xi.get(`/api/redivision/history?regionId=${xiId}`)).json();
    expect(history.items.map((h: { objectName: string }) => h.objectName)).toEqual(['城东第3网格']);
  });

  it('rejects a future effective date (scheduling is not supported yet)', async () => {
    const grid = await f.grid(COMMUNITY.城东, 4);
    const res = await (
      await t.login('mzj')
    ).post('/api/redivision/move-grid', { gridId: grid.gridId, toCommunityId: await f.regionId(COMMUNITY.城中), effectiveDate: '2999-01-01', reason: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('effectiveDate');
    expect(await one('SELECT parent_id FROM regions WHERE id = $1', [grid.gridId])).toEqual({ parent_id: grid.communityId });
  });

  it('refuses workers and street offices (no regions.redivide), and a target that is not a community', async () => {
    const grid = await f.grid(COMMUNITY.城东, 4);
    const body = { gridId: grid.gridId, toCommunityId: await f.regionId(COMMUNITY.城中), effectiveDate: '2026-01-01', reason: 'x' };
    expect((await (await t.login('chengdong')).post('/api/redivision/move-grid', body)).statusCode).toBe(403);
    expect((await (await t.login('street1')).post('/api/redivision/move-grid', body)).statusCode).toBe(403);
    const notCommunity = await (await t.login('mzj')).post('/api/redivision/move-grid', { ...body, toCommunityId: (await f.grid(COMMUNITY.城中, 1)).gridId });
    expect(notCommunity.statusCode).toBe(400);
  });
});

describe('三员: re-division is the bureau’s business decision', () => {
  it('refuses the system administrator (it manages the region tree, not who sees whom), and nothing moves', async () => {
    const grid = await f.grid(COMMUNITY.城东, 6);
    const b = await f.building(grid);
    const admin = await t.login('admin');
    const moveGrid = await admin.post('/api/redivision/move-grid', {
      gridId: grid.gridId,
      toCommunityId: await f.regionId(COMMUNITY.城西),
      effectiveDate: '2026-01-01',
      reason: '越权',
    });
    expect([moveGrid.statusCode, moveGrid.json().error.details]).toEqual([403, { permission: 'regions.redivide' }]);
    const to = await f.grid(COMMUNITY.城中, 3);
    const moveBuilding = await admin.post('/api/redivision/move-building', {
      buildingId: b.id,
      toGridId: to.gridId,
      effectiveDate: '2026-01-01',
      reason: '越权',
    });
    expect(moveBuilding.statusCode).toBe(403);
    expect(await one('SELECT parent_id FROM regions WHERE id = $1', [grid.gridId])).toEqual({ parent_id: grid.communityId });
    expect(await one('SELECT grid_id FROM buildings WHERE id = $1', [b.id])).toEqual({ grid_id: grid.gridId });
  });
});

describe('POST /api/redivision/move-building', () => {
  it('moves a building to a grid of another community with its households, residents and care records', async () => {
    const from = await f.grid(COMMUNITY.城东, 5);
    const to = await f.grid(COMMUNITY.城中, 2);
    const b = await f.building(from);
    const fam = await f.family({ ...from, buildingId: b.id }, 1);
    await f.care(fam.head.id, from.communityId, 'elderly_alone');
    const res = await (
      await t.login('mzj')
    ).post('/api/redivision/move-building', { buildingId: b.id, toGridId: to.gridId, effectiveDate: '2026-01-02', reason: '楼栋划归城中' });
    expect(res.statusCode).toBe(200);
    expect(res.json().moved).toEqual({ buildings: 1, households: 1, residents: 2, careRecords: 1 });
    expect(await one('SELECT community_id, grid_id FROM households WHERE id = $1', [fam.household.id])).toEqual({
      community_id: to.communityId,
      grid_id: to.gridId,
    });
    expect(
      await one('SELECT count(*)::int AS n FROM residents WHERE household_id = $1 AND grid_id = $2 AND community_id = $3', [
        fam.household.id,
        to.gridId,
        to.communityId,
      ]),
    ).toEqual({ n: 2 });
    expect((await (await t.login('chengdong')).get(`/api/buildings/${b.id}`)).statusCode).toBe(404);
    expect((await (await t.login('street1')).get(`/api/buildings/${b.id}`)).statusCode).toBe(200);
    const history = (await (await t.login('mzj')).get(`/api/redivision/history?regionId=${b.id}`)).statusCode;
    expect(history).toBe(404);
    const all = (await (await t.login('mzj')).get('/api/redivision/history')).json();
    expect(all.items.find((h: { objectType: string }) => h.objectType === 'building')).toMatchObject({
      objectId: b.id,
      fromRegionId: from.gridId,
      toRegionId: to.gridId,
    });
  });
});
