import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '../../../shared/domain/id-number';
import { createTestApp, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from '../households/registry.factory';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;

type Person = {
  id: string;
  communityId: string;
  gridId: string | null;
  birthDate: string;
  sex: string;
  status: string;
  residenceType: string;
  householdId: string | null;
};
const people: Person[] = [];
const households: { id: string; communityId: string; gridId: string; status: string }[] = [];
let buildingsIn: Record<string, number> = {};
let dong1: { gridId: string; communityId: string };
let dong2: { gridId: string; communityId: string };
let zhong: { gridId: string; communityId: string };

beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
  dong1 = await f.grid(COMMUNITY.城东, 1);
  dong2 = await f.grid(COMMUNITY.城东, 2);
  zhong = await f.grid(COMMUNITY.城中, 1);
  buildingsIn = {};
  for (const [place, families, size] of [
    [dong1, 3, 3],
    [dong2, 2, 2],
    [zhong, 2, 4],
  ] as const) {
    const b = await f.building(place);
    buildingsIn[place.gridId] = 1;
    for (let i = 0; i < families; i++) {
      const fam = await f.family({ ...place, buildingId: b.id }, size - 1);
      households.push({ id: fam.household.id, ...place, status: 'active' });
      people.push(...fam.members.map((m) => ({ ...m, birthDate: m.birthDate, sex: m.sex, status: m.status, residenceType: m.residenceType })));
    }
  }
  // Residents outside any household, of other statuses and residence types, and very old.
  people.push(await f.resident(dong1, { status: 'moved_out' }));
  people.push(await f.resident(dong1, { status: 'deceased', birthDate: '1930-05-10' }));
  people.push(await f.resident(dong2, { residenceType: 'floating', birthDate: '1920-02-10', sex: 'F' }));
  people.push(await f.resident(dong2, { residenceType: 'temporary', birthDate: '2024-03-11' }));
  const merged = await f.household(dong2);
  await t.database.query(`UPDATE households SET status = 'merged' WHERE id = $1`, [merged.id]);
  households.push({ id: merged.id, ...dong2, status: 'merged' });

  const dongActive = people.filter((p) => p.communityId === dong1.communityId && p.status === 'active');
  await f.care(dongActive[0].id, dong1.communityId, 'elderly_alone');
  await f.care(dongActive[1].id, dong1.communityId, 'elderly_alone');
  await f.care(dongActive[2].id, dong1.communityId, 'elderly_alone', '2020-06-30'); // ended: not counted
  await f.care(dongActive[3].id, dong1.communityId, 'disability');
  await f.care(dongActive[4].id, dong1.communityId, 'released');
  const gone = people.find((p) => p.status === 'moved_out')!;
  await f.care(gone.id, dong1.communityId, 'elderly_alone'); // not an active resident: not counted
});
afterAll(() => t.close());

const inCommunity = (id: string) => (p: { communityId: string }) => p.communityId === id;
const active = (p: Person) => p.status === 'active';
const groupOf = (body: { careGroups: { group: string; count: number }[] }) => Object.fromEntries(body.careGroups.map((g) => [g.group, g.count]));

describe('GET /api/statistics/overview', () => {
  it('gives street1 counts equal to the rows created, per community, with a pyramid that sums to the active residents', async () => {
    const c = await t.login('street1');
    const res = await c.get('/api/statistics/overview');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totals.communities).toBe(3);
    expect(body.totals.grids).toBe(24);
    expect(body.totals.buildings).toBe(3);
    expect(body.totals.households).toBe(households.filter((h) => h.status === 'active').length);
    expect(body.totals.residents).toEqual({
      active: people.filter(active).length,
      movedOut: people.filter((p) => p.status === 'moved_out').length,
      deceased: people.filter((p) => p.status === 'deceased').length,
      total: people.length,
    });
    const pyramidTotal = body.pyramid.reduce((s: number, b: { male: number; female: number }) => s + b.male + b.female, 0);
    expect(pyramidTotal).toBe(people.filter(active).length);
    expect(body.pyramid).toHaveLength(21);
    const over100 = people.filter((p) => active(p) && ageOn(p.birthDate) >= 100);
    expect(body.pyramid[20]).toMatchObject({ band: '100+', female: over100.filter((p) => p.sex === 'F').length });
    const babies = people.filter((p) => active(p) && ageOn(p.birthDate) < 5);
    expect(body.pyramid[0].male + body.pyramid[0].female).toBe(babies.length);

    const dong = body.byCommunity.find((m: { name: string }) => m.name === '城东社区');
    const dongHouseholds = households.filter((h) => h.status === 'active' && h.communityId === dong1.communityId).length;
    const dongHoused = people.filter((p) => active(p) && p.communityId === dong1.communityId && p.householdId).length;
    expect(dong).toMatchObject({
      households: dongHouseholds,
      residents: people.filter((p) => active(p) && inCommunity(dong1.communityId)(p)).length,
      buildings: 2,
      grids: 8,
    });
    expect(dong.averageHouseholdSize).toBeCloseTo(dongHoused / dongHouseholds, 2);
    expect(body.byCommunity.map((m: { name: string }) => m.name)).toEqual(['城东社区', '城中社区', '世纪社区']);
    const types = Object.fromEntries(body.residenceTypes.map((r: { type: string; count: number }) => [r.type, r.count]));
    expect(types.floating).toBe(1);
    expect(types.temporary).toBe(1);
    expect(types.registered_resident).toBe(people.filter((p) => active(p) && p.residenceType === 'registered_resident').length);
  });

  it('counts current care records of active residents, and leaves out groups the actor may not see', async () => {
    const worker = groupOf((await (await t.login('chengdong')).get('/api/statistics/overview')).json());
    expect(worker.elderly_alone).toBe(2);
    expect(worker.disability).toBe(1);
    expect(worker).not.toHaveProperty('released');
    expect(worker).not.toHaveProperty('correction');
    const police = groupOf((await (await t.login('police-chengdong')).get('/api/statistics/overview')).json());
    expect(police.released).toBe(1);
    expect(police).not.toHaveProperty('disability');
    expect(police).not.toHaveProperty('dibao');
  });

  it('gives the labour department, a role no sensitive category lists, no count of 安置帮教, 社区矫正 or disability, only the ordinary groups city-wide', async () => {
    const labour = groupOf((await (await t.login('labour')).get('/api/statistics/overview')).json());
    expect(labour.elderly_alone).toBe(2);
    for (const g of ['released', 'correction', 'disability', 'dibao', 'tekun']) expect(labour).not.toHaveProperty(g);
    const page = groupOf((await (await t.login('labour')).get(`/api/statistics/communities/${dong1.communityId}`)).json());
    expect(page).not.toHaveProperty('released');
    expect(page.elderly_alone).toBe(2);
  });

  it('counts every group for the civil affairs bureau, whom both the justice and the welfare categories list', async () => {
    const mzj = groupOf((await (await t.login('mzj')).get('/api/statistics/overview')).json());
    expect(mzj).toMatchObject({ elderly_alone: 2, disability: 1, released: 1, correction: 0, dibao: 0, tekun: 0 });
  });

  it('limits a community worker to their community and a region filter to its subtree', async () => {
    const body = (await (await t.login('chengdong')).get('/api/statistics/overview')).json();
    expect(body.byCommunity.map((m: { name: string }) => m.name)).toEqual(['城东社区']);
    expect(body.totals.residents.active).toBe(people.filter((p) => active(p) && p.communityId === dong1.communityId).length);
    const grid = (await (await t.login('mzj')).get(`/api/statistics/overview?regionId=${dong2.gridId}`)).json();
    expect(grid.region.level).toBe('grid');
    expect(grid.totals.residents.active).toBe(people.filter((p) => active(p) && p.gridId === dong2.gridId).length);
    expect(grid.totals.households).toBe(households.filter((h) => h.status === 'active' && h.gridId === dong2.gridId).length);
  });

  it('answers 404 to a region outside the actor’s grants', async () => {
    const c = await t.login('chengxi');
    expect((await c.get(`/api/statistics/overview?regionId=${dong1.communityId}`)).statusCode).toBe(404);
  });

  it('refuses the system administrator (no stats.read)', async () => {
    expect((await (await t.login('admin')).get('/api/statistics/overview')).statusCode).toBe(403);
  });
});

describe('GET /api/statistics/communities/:id', () => {
  it('gives the community page its counts with one line per grid', async () => {
    const res = await (await t.login('chengdong')).get(`/api/statistics/communities/${dong1.communityId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.community.name).toBe('城东社区');
    expect(body.grids).toHaveLength(8);
    const g1 = body.grids.find((g: { gridId: string }) => g.gridId === dong1.gridId);
    expect(g1).toMatchObject({ buildings: 1, households: 3, residents: people.filter((p) => active(p) && p.gridId === dong1.gridId).length });
    expect(body.households).toBe(5);
    expect(body.ageBands.reduce((s: number, b: { male: number; female: number }) => s + b.male + b.female, 0)).toBe(body.residents.active);
  });

  it('shows a grid worker only their grid, and other communities answer 404', async () => {
    const c = await t.login('grid-chengdong');
    const body = (await c.get(`/api/statistics/communities/${dong1.communityId}`)).json();
    expect(body.grids.map((g: { gridId: string }) => g.gridId)).toEqual([dong1.gridId]);
    expect(body.residents.active).toBe(people.filter((p) => active(p) && p.gridId === dong1.gridId).length);
    expect((await c.get(`/api/statistics/communities/${zhong.communityId}`)).statusCode).toBe(404);
    // The overview counts the community the grid is in, and that grid alone.
    const overview = (await c.get('/api/statistics/overview')).json();
    expect(overview.totals).toMatchObject({ communities: 1, grids: 1 });
    expect((await (await t.login('chengxi')).get(`/api/statistics/communities/${dong1.communityId}`)).statusCode).toBe(404);
  });
});

describe('GET /api/statistics/export', () => {
  it('gives the overview by community as .xlsx with a 合计 row that says 截至, and 404 for a region outside the scope', async () => {
    const c = await t.login('chengdong');
    const overview = (await c.get('/api/statistics/overview')).json();
    const res = await c.get('/api/statistics/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().slice(1) as unknown[][];
    expect(rows[0]).toEqual([undefined, '社区', '网格', '楼栋', '户数', '在册人口', '户均人口']);
    expect(rows).toHaveLength(overview.byCommunity.length + 2);
    const total = rows.at(-1)!;
    expect(String(total[1])).toMatch(/^合计（截至 \d{4}-\d{2}-\d{2}）$/);
    expect(total[5]).toBe(overview.totals.residents.active);
    const xiRegion = (await t.database.query<{ id: string }>(`SELECT id FROM regions WHERE code = $1`, [COMMUNITY.城西]))[0].id;
    expect((await c.get(`/api/statistics/export?regionId=${xiRegion}`)).statusCode).toBe(404);
  });
});
