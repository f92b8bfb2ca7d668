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

describe('GET /api/buildings and /api/buildings/:id', () => {
  it('lists the worker’s buildings with paging, filters by grid and name', async () => {
    const g1 = await f.grid(COMMUNITY.城东, 1);
    const g2 = await f.grid(COMMUNITY.城东, 2);
    await f.building(g1, '阳光花园1栋');
    await f.building(g1, '阳光花园2栋');
    await f.building(g2, '阳光花园3栋');
    await f.building(await f.grid(COMMUNITY.城西, 1), '阳光花园9栋');
    const c = await t.login('chengdong');
    const all = (await c.get(`/api/buildings?q=${encodeURIComponent('阳光花园')}&pageSize=2`)).json();
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(2);
    const inGrid = (await c.get(`/api/buildings?gridId=${g1.gridId}`)).json();
    expect(inGrid.items.map((b: { name: string }) => b.name).sort()).toEqual(['阳光花园1栋', '阳光花园2栋']);
    expect(inGrid.items[0].communityName).toBe('城东社区');
    const byRegion = (await (await t.login('mzj')).get(`/api/buildings?regionId=${await f.regionId(COMMUNITY.城西)}`)).json();
    expect(byRegion.items.map((b: { name: string }) => b.name)).toEqual(['阳光花园9栋']);
  });

  it('shows the building page with its households: room, head name and member count', async () => {
    const place = await f.grid(COMMUNITY.城东, 3);
    const b = await f.building(place);
    const { household, head } = await f.family({ ...place, buildingId: b.id }, 2);
    const c = await t.login('chengdong');
    const res = await c.get(`/api/buildings/${b.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().households).toBe(1);
    expect(res.json().householdList).toEqual([expect.objectContaining({ id: household.id, room: household.room, headName: head.name, memberCount: 3 })]);
  });

  it('lists a building’s rooms by their numbers, not as text (101 before 1002)', async () => {
    const place = await f.grid(COMMUNITY.城东, 3);
    const b = await f.building(place);
    for (const room of ['1单元1002室', '2单元101室', '1单元301室', '1单元101室', '底商']) await f.household({ ...place, buildingId: b.id }, { room });
    const list = (await (await t.login('chengdong')).get(`/api/buildings/${b.id}`)).json().householdList;
    expect(list.map((h: { room: string }) => h.room)).toEqual(['1单元101室', '1单元301室', '1单元1002室', '2单元101室', '底商']);
  });

  it('answers 404 when chengxi asks for a 城东 building, 200 for street1, 404 for street1 on 城西', async () => {
    const dong = await f.building(await f.grid(COMMUNITY.城东, 1));
    const zhong = await f.building(await f.grid(COMMUNITY.城中, 1));
    const xi = await f.building(await f.grid(COMMUNITY.城西, 1));
    expect((await (await t.login('chengxi')).get(`/api/buildings/${dong.id}`)).statusCode).toBe(404);
    const street = await t.login('street1');
    expect((await street.get(`/api/buildings/${dong.id}`)).statusCode).toBe(200);
    expect((await street.get(`/api/buildings/${zhong.id}`)).statusCode).toBe(200);
    expect((await street.get(`/api/buildings/${xi.id}`)).statusCode).toBe(404);
  });
});

describe('POST /api/buildings and PATCH /api/buildings/:id', () => {
  it('registers a building in a grid of the worker’s community and audits it', async () => {
    const place = await f.grid(COMMUNITY.城东, 2);
    const c = await t.login('chengdong');
    const res = await c.post('/api/buildings', { gridId: place.gridId, name: '新建小区1栋', address: '建设路1号', floors: 18, units: 3, builtYear: 2015 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ communityId: place.communityId, gridId: place.gridId, floors: 18, households: 0, version: 1 });
    const audit = await t.database.query<{ action: string; community_id: string }>('SELECT action, community_id FROM audit_log WHERE object_id = $1', [
      res.json().id,
    ]);
    expect(audit).toEqual([{ action: 'buildings.create', community_id: place.communityId }]);
  });

  it('refuses (403) a building registered by chengxi in a 城东 grid, and 400 for a region that is not a grid', async () => {
    const c = await t.login('chengxi');
    expect((await c.post('/api/buildings', { gridId: (await f.grid(COMMUNITY.城东, 2)).gridId, name: 'x', address: 'y' })).statusCode).toBe(403);
    expect((await c.post('/api/buildings', { gridId: await f.regionId(COMMUNITY.城西), name: 'x', address: 'y' })).statusCode).toBe(400);
  });

  it('answers 409 to a stale PATCH and 404 to a PATCH from another community', async () => {
    const b = await f.building(await f.grid(COMMUNITY.城东, 2));
    const c = await t.login('chengdong');
    expect((await c.patch(`/api/buildings/${b.id}`, { version: 1, floors: 7 })).statusCode).toBe(200);
    const stale = await c.patch(`/api/buildings/${b.id}`, { version: 1, floors: 8 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(2);
    expect((await (await t.login('chengxi')).patch(`/api/buildings/${b.id}`, { version: 2, floors: 9 })).statusCode).toBe(404);
    expect((await c.get(`/api/buildings/${b.id}`)).json().floors).toBe(7);
  });
});
