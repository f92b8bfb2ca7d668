import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { createCareRecord, createHousehold, createResident, demoPlaces, makeIdNumber } from './residents.factory';

/** Any 18-character ID number (or a 15-digit legacy one) anywhere in a response body. */
const FULL_ID = /\d{17}[\dX]/;

let t: TestApp;
let places: Awaited<ReturnType<typeof demoPlaces>>;
let chengdong: Client;
let chengxi: Client;
let grid: Client;
let police: Client;
let labour: Client;
let auditor: Client;
let mzj: Client;
let wang: Awaited<ReturnType<typeof createResident>>;
let li: Awaited<ReturnType<typeof createResident>>;
let zhang: Awaited<ReturnType<typeof createResident>>;
let gone: Awaited<ReturnType<typeof createResident>>;

beforeAll(async () => {
  t = await createTestApp();
  places = await demoPlaces(t);
  const cd = places.chengdong;
  const home = await createHousehold(t, { communityId: cd.id, gridId: cd.grids[0], address: '城东幸福小区3栋2单元201室', room: '2单元201室' });
  wang = await createResident(t, {
    name: '王小明',
    communityId: cd.id,
    gridId: cd.grids[0],
    householdId: home.id,
    relationToHead: 'head',
    birthDate: '1980-05-01',
    sex: 'M',
    phone: '13812345678',
  });
  await createResident(t, {
    name: '王芳',
    communityId: cd.id,
    gridId: cd.grids[0],
    householdId: home.id,
    relationToHead: 'spouse',
    birthDate: '1982-03-04',
    sex: 'F',
  });
  li = await createResident(t, { name: '李娜', communityId: cd.id, gridId: cd.grids[1], birthDate: '1950-07-20', sex: 'F', phone: '13998765432' });
  zhang = await createResident(t, { name: '张伟', communityId: places.chengxi.id, gridId: places.chengxi.grids[0], birthDate: '1990-01-15', sex: 'M' });
  gone = await createResident(t, { name: '赵迁', communityId: cd.id, gridId: cd.grids[0], birthDate: '1970-01-01', sex: 'M', status: 'moved_out' });
  await createCareRecord(t, wang, 'disability', { category: 'physical', level: 2 });
  await createCareRecord(t, li, 'released', { releaseDate: '2023-06-01', periodEnd: '2028-06-01' });
  await createCareRecord(t, li, 'elderly_alone');
  [chengdong, chengxi, grid, police, labour, auditor, mzj] = await Promise.all(
    ['chengdong', 'chengxi', 'grid-chengdong', 'police-chengdong', 'labour', 'auditor', 'mzj'].map((u) => t.login(u)),
  );
});
afterAll(() => t.close());

const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name).sort();

describe('POST /api/residents', () => {
  it('registers a resident with birth date and sex taken from the ID number, and audits it with the community', async () => {
    const idNumber = makeIdNumber({ birthDate: '1975-09-09', sex: 'F' });
    const res = await chengdong.post('/api/residents', { name: '陈静', idNumber, gridId: places.chengdong.grids[0], phone: '13700001111' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.sex).toBe('F');
    expect(body.age).toBeGreaterThanOrEqual(50);
    expect(body.communityId).toBe(places.chengdong.id);
    expect(body.idMasked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(res.body).not.toMatch(FULL_ID);
    expect(body.moves.map((m: { moveType: string }) => m.moveType)).toEqual(['register']);
    const [entry] = await t.database.query<{ community_id: string; object_id: string }>(
      `SELECT community_id, object_id FROM audit_log WHERE action = 'residents.create'`,
    );
    expect(entry).toEqual({ community_id: places.chengdong.id, object_id: body.id });
  });

  it('refuses an invalid ID number with 400 naming idNumber, in Chinese and in English', async () => {
    const good = makeIdNumber();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const zh = await chengdong.post('/api/residents', { name: '错号', idNumber: bad, gridId: places.chengdong.grids[0] });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.code).toBe('VALIDATION_FAILED');
    expect(zh.json().error.details[0].path).toBe('idNumber');
    expect(zh.json().error.details[0].message).toMatch(/校验位/);
    const en = await chengdong.post('/api/residents', { name: '错号', idNumber: bad, gridId: places.chengdong.grids[0] }, { 'accept-language': 'en' });
    expect(en.json().error.details[0].message).toMatch(/check digit/);
  });

  it('refuses a second resident with the same ID number with 409 DUPLICATE naming idNumber', async () => {
    const res = await chengdong.post('/api/residents', { name: '王小明', idNumber: wang.idNumber, gridId: places.chengdong.grids[1] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE');
    expect(res.json().error.details[0].path).toBe('idNumber');
  });

  it('refuses a grid outside the worker’s community with 403', async () => {
    const res = await chengxi.post('/api/residents', { name: '越界', idNumber: makeIdNumber(), gridId: places.chengdong.grids[0] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OUT_OF_SCOPE');
  });

  it('refuses the police, who may read but not write', async () => {
    const res = await police.post('/api/residents', { name: '民警', idNumber: makeIdNumber(), gridId: places.chengdong.grids[0] });
    expect(res.statusCode).toBe(403);
  });
});

describe('GET /api/residents', () => {
  it.each([
    ['pinyin initials', 'wxm', ['王小明']],
    ['full pinyin prefix', 'wangxiao', ['王小明']],
    ['a name fragment', '小明', ['王小明']],
    ['a phone prefix', '1381234', ['王小明']],
    ['an address fragment', '幸福小区', ['王小明', '王芳']],
  ])('finds residents by %s', async (_label, q, expected) => {
    const res = await chengdong.get(`/api/residents?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(names(res.json())).toEqual(expected.sort());
  });

  it('finds a resident by the last digits of the ID number and by the whole number', async () => {
    const bySuffix = await chengdong.get(`/api/residents?q=${li.idNumber.slice(-6)}`);
    expect(names(bySuffix.json())).toEqual(['李娜']);
    const exact = await chengdong.get(`/api/residents?q=${li.idNumber}`);
    expect(names(exact.json())).toEqual(['李娜']);
  });

  it('shows the masked ID number and phone only, never the full values', async () => {
    const res = await chengdong.get('/api/residents?q=wxm');
    const [item] = res.json().items;
    expect(item.phoneMasked).toBe('138****5678');
    expect(item.idMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(item.address).toBe('城东幸福小区3栋2单元201室');
    expect(item.communityName).toBe('城东社区');
    expect(item.age).toBeGreaterThanOrEqual(45);
    expect(res.body).not.toMatch(FULL_ID);
    expect(res.body).not.toContain('13812345678');
  });

  it('never lists a 城东 resident to a 城西 worker', async () => {
    const all = await chengxi.get('/api/residents?pageSize=200');
    expect(names(all.json())).toEqual(['张伟']);
    const byName = await chengxi.get(`/api/residents?q=${encodeURIComponent('王小明')}`);
    expect(byName.json().total).toBe(0);
    const byCommunity = await chengxi.get(`/api/residents?communityId=${places.chengdong.id}`);
    expect(byCommunity.json().items).toEqual([]);
  });

  it('lists only grid 1 to the grid worker of 城东 grid 1', async () => {
    const res = await grid.get('/api/residents?pageSize=200');
    const body = res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i: { gridId: string }) => i.gridId === places.chengdong.grids[0])).toBe(true);
    expect(names(body)).not.toContain('李娜');
  });

  it('leaves out moved-out residents unless asked', async () => {
    expect(names((await chengdong.get('/api/residents?pageSize=200')).json())).not.toContain('赵迁');
    expect(names((await chengdong.get('/api/residents?status=moved_out')).json())).toEqual(['赵迁']);
  });

  it('filters by age, sex, region subtree and care group', async () => {
    expect(names((await chengdong.get('/api/residents?ageMin=70')).json())).toEqual(['李娜']);
    expect(names((await chengdong.get('/api/residents?ageMax=45&sex=F&q=wf')).json())).toEqual(['王芳']);
    expect(names((await mzj.get(`/api/residents?regionId=${places.chengdong.grids[1]}`)).json())).toEqual(['李娜']);
    const street = names((await mzj.get(`/api/residents?regionId=${places.streetDongcheng}&pageSize=200`)).json());
    expect(street).toContain('王小明');
    expect(street).not.toContain('张伟');
    expect(names((await chengdong.get('/api/residents?careGroup=disability')).json())).toEqual(['王小明']);
  });

  it('refuses a care-group filter the caller may not see', async () => {
    const res = await chengdong.get('/api/residents?careGroup=released');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toMatchObject({ permission: 'care.justice.read' });
  });

  it('refuses the labour department, a role no sensitive category lists, a 安置帮教 or disability filter, and lets it filter an ordinary group city-wide', async () => {
    for (const group of ['released', 'correction', 'disability', 'dibao']) {
      const res = await labour.get(`/api/residents?careGroup=${group}`);
      expect(res.statusCode, group).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(names((await labour.get('/api/residents?careGroup=elderly_alone')).json())).toEqual(['李娜']);
  });

  it('lets the community police, whom 安置帮教 lists, filter by it in their community, and not by disability', async () => {
    expect(names((await police.get('/api/residents?careGroup=released')).json())).toEqual(['李娜']);
    expect((await police.get('/api/residents?careGroup=disability')).statusCode).toBe(403);
    expect(names((await mzj.get('/api/residents?careGroup=released')).json())).toEqual(['李娜']);
  });

  it('gives 404 for a region outside the caller’s grants', async () => {
    const res = await chengxi.get(`/api/residents?regionId=${places.chengdong.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('walks every page with the keyset cursor in pinyin order, matching offset pages', async () => {
    const all = (await mzj.get('/api/residents?pageSize=200&sort=name')).json();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/residents?pageSize=2&sort=name${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await mzj.get(url)).json();
      expect(page.total).toBe(all.total);
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i: { id: string }) => i.id));
    const second = (await mzj.get('/api/residents?pageSize=2&page=2&sort=name')).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual(seen.slice(2, 4));
  });

  it('walks pages by birth date, newest first', async () => {
    const first = (await mzj.get('/api/residents?pageSize=2&sort=birthDate&order=desc')).json();
    const next = (await mzj.get(`/api/residents?pageSize=2&sort=birthDate&order=desc&cursor=${first.nextCursor}`)).json();
    const ages = [...first.items, ...next.items].map((i: { age: number }) => i.age);
    expect(ages).toEqual([...ages].sort((a, b) => a - b));
  });

  it('refuses a cursor made for another sort order', async () => {
    const first = (await mzj.get('/api/residents?pageSize=1&sort=name')).json();
    const res = await mzj.get(`/api/residents?pageSize=1&sort=createdAt&cursor=${first.nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('cursor');
  });

  it('answers only the total with pageSize=0, the same total as the page has, within the caller’s scope', async () => {
    for (const [client, query] of [
      [chengdong, 'sex=F'],
      [mzj, `regionId=${places.streetDongcheng}`],
      [chengxi, ''],
    ] as const) {
      const page = (await client.get(`/api/residents?${query}&pageSize=200`)).json();
      const only = await client.get(`/api/residents?${query}&pageSize=0`);
      expect(only.statusCode).toBe(200);
      expect(only.json()).toMatchObject({ items: [], total: page.total, nextCursor: null });
    }
    expect((await chengxi.get('/api/residents?q=王小明&pageSize=0')).json().total).toBe(0);
  });

  it('says when the total was capped', async () => {
    t.app.services.residents.limits.totalCap = 2;
    try {
      const body = (await mzj.get('/api/residents')).json();
      expect(body).toMatchObject({ total: 2, totalCapped: true });
    } finally {
      t.app.services.residents.limits.totalCap = 100_000;
    }
  });
});

describe('GET /api/residents/:id', () => {
  it('shows the household, its members and the move history, masked', async () => {
    const res = await chengdong.get(`/api/residents/${wang.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.household.address).toBe('城东幸福小区3栋2单元201室');
    expect(body.household.headResidentId).toBe(wang.id);
    expect(body.household.members.map((m: { name: string }) => m.name)).toEqual(['王小明', '王芳']);
    expect(body.gridName).toBe('城东第1网格');
    expect(res.body).not.toMatch(FULL_ID);
    expect(res.body).not.toContain('13812345678');
  });

  it('answers 404 to a worker of another community', async () => {
    const res = await chengxi.get(`/api/residents/${wang.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('shows disability to the community worker but not to the police', async () => {
    const worker = (await chengdong.get(`/api/residents/${wang.id}`)).json();
    expect(worker.careGroups).toEqual(['disability']);
    expect(worker.careRecords.map((r: { groupType: string }) => r.groupType)).toEqual(['disability']);
    const officer = (await police.get(`/api/residents/${wang.id}`)).json();
    expect(officer.careGroups).toEqual([]);
    expect(officer.careRecords).toEqual([]);
    expect(JSON.stringify(officer)).not.toContain('physical');
  });

  it('shows a released person to the police but not to the community worker', async () => {
    const officer = (await police.get(`/api/residents/${li.id}`)).json();
    expect(officer.careGroups.sort()).toEqual(['elderly_alone', 'released']);
    const worker = (await chengdong.get(`/api/residents/${li.id}`)).json();
    expect(worker.careGroups).toEqual(['elderly_alone']);
    expect(worker.careRecords.map((r: { groupType: string }) => r.groupType)).toEqual(['elderly_alone']);
    const workerList = (await chengdong.get(`/api/residents?q=${encodeURIComponent('李娜')}`)).json();
    expect(workerList.items[0].careGroups).toEqual(['elderly_alone']);
    const policeList = (await police.get(`/api/residents?q=${encodeURIComponent('李娜')}`)).json();
    expect(policeList.items[0].careGroups.sort()).toEqual(['elderly_alone', 'released']);
  });
});

describe('PATCH /api/residents/:id', () => {
  it('saves with the current version and refuses a stale one with 409, leaving the data unchanged', async () => {
    const before = (await chengdong.get(`/api/residents/${li.id}`)).json();
    const ok = await chengdong.patch(`/api/residents/${li.id}`, { version: before.version, employmentStatus: 'retired', phone: '13900000000' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(before.version + 1);
    const stale = await chengdong.patch(`/api/residents/${li.id}`, { version: before.version, name: '李娜娜' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details.currentVersion).toBe(before.version + 1);
    const after = (await chengdong.get(`/api/residents/${li.id}`)).json();
    expect(after.name).toBe('李娜');
    expect(after.employmentStatus).toBe('retired');
    expect(after.residenceType).toBe('registered_resident');
    expect(after.phoneMasked).toBe('139****0000');
  });

  it('records a move out in the history instead of deleting, and audits the change', async () => {
    const r = await createResident(t, { name: '孙走', communityId: places.chengdong.id, gridId: places.chengdong.grids[2] });
    const res = await chengdong.patch(`/api/residents/${r.id}`, { version: 1, status: 'moved_out', statusDate: '2026-01-02', statusReason: '迁往外市' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('moved_out');
    expect(res.json().moves).toMatchObject([{ moveType: 'move_out', effectiveDate: '2026-01-02', reason: '迁往外市', fromCommunityName: '城东社区' }]);
    const rows = await t.database.query<{ community_id: string }>(`SELECT community_id FROM audit_log WHERE action = 'residents.update' AND object_id = $1`, [
      r.id,
    ]);
    expect(rows).toEqual([{ community_id: places.chengdong.id }]);
  });

  it('answers 404 to a worker of another community and 403 to the police', async () => {
    expect((await chengxi.patch(`/api/residents/${wang.id}`, { version: 1, notes: 'x' })).statusCode).toBe(404);
    expect((await police.patch(`/api/residents/${wang.id}`, { version: 1, notes: 'x' })).statusCode).toBe(403);
  });
});

describe('POST /api/residents/:id/reveal', () => {
  it('returns the full ID number and phone and writes an audit entry with the resident and community', async () => {
    const res = await chengdong.post(`/api/residents/${wang.id}/reveal`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber: wang.idNumber, phone: '13812345678' });
    const log = (await auditor.get('/api/audit?action=residents.reveal')).json();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ username: 'chengdong', objectType: 'resident', objectId: wang.id, communityId: places.chengdong.id });
  });

  it('is refused to a reader without the reveal permission', async () => {
    const read = await labour.get(`/api/residents/${wang.id}`);
    expect(read.statusCode).toBe(200);
    const res = await labour.post(`/api/residents/${wang.id}/reveal`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('answers 404 to a worker of another community', async () => {
    const res = await chengxi.post(`/api/residents/${wang.id}/reveal`);
    expect(res.statusCode).toBe(404);
  });

  it('lets a 城西 worker reveal their own resident', async () => {
    const res = await chengxi.post(`/api/residents/${zhang.id}/reveal`);
    expect(res.json().idNumber).toBe(zhang.idNumber);
    expect(gone.status).toBe('moved_out');
  });
});
