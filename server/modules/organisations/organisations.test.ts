import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from '../households/registry.factory';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
let dong: string;
let xi: string;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
  dong = await f.regionId(COMMUNITY.城东);
  xi = await f.regionId(COMMUNITY.城西);
});
afterAll(() => t.close());

const politicalStatus = async (id: string) =>
  (await t.database.query<{ political_status: string | null; version: number }>('SELECT political_status, version FROM residents WHERE id = $1', [id]))[0];

describe('POST /api/organisations and GET /api/organisations', () => {
  it('registers a culture team in the worker’s community, lists it under its type and audits it', async () => {
    const c = await t.login('chengdong');
    const res = await c.post('/api/organisations', {
      communityId: dong,
      type: 'culture_team',
      name: '城东老年腰鼓队',
      foundedDate: '2019-05-01',
      contactPerson: '王桂兰',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ type: 'culture_team', communityName: '城东社区', members: 0, version: 1, memberList: [], honours: [] });
    // The worker may change it; the community police read the community's organisations but change none.
    expect(res.json().capabilities).toEqual({ canEdit: true });
    expect((await (await t.login('police-chengdong')).get(`/api/organisations/${res.json().id}`)).json().capabilities).toEqual({ canEdit: false });
    const list = (await c.get('/api/organisations?type=culture_team')).json();
    expect(list.items.map((o: { name: string }) => o.name)).toContain('城东老年腰鼓队');
    expect(list.items.every((o: { type: string }) => o.type === 'culture_team')).toBe(true);
    const audit = await t.database.query<{ action: string }>('SELECT action FROM audit_log WHERE object_id = $1', [res.json().id]);
    expect(audit.map((a) => a.action)).toEqual(['organisations.create']);
  });

  it('searches by name, sorts by name descending and pages', async () => {
    const c = await t.login('chengdong');
    for (const n of ['甲', '乙', '丙']) await c.post('/api/organisations', { communityId: dong, type: 'volunteer_team', name: `排序志愿队${n}` });
    const page = (await c.get(`/api/organisations?q=${encodeURIComponent('排序志愿队')}&sort=name&order=desc&pageSize=2`)).json();
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    const all = (await c.get(`/api/organisations?q=${encodeURIComponent('排序志愿队')}&sort=name&order=desc`)).json();
    const names = all.items.map((o: { name: string }) => o.name);
    expect(names).toEqual([...names].sort().reverse());
  });

  it('refuses (403) chengxi registering an organisation in 城东, and names the field for a region that is not a community', async () => {
    const c = await t.login('chengxi');
    expect((await c.post('/api/organisations', { communityId: dong, type: 'patrol_team', name: '越权巡逻队' })).statusCode).toBe(403);
    const bad = await c.post('/api/organisations', { communityId: (await f.grid(COMMUNITY.城西, 1)).gridId, type: 'patrol_team', name: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('communityId');
    const noName = await c.post('/api/organisations', { communityId: xi, type: 'patrol_team', name: '' });
    expect(noName.statusCode).toBe(400);
    expect(JSON.stringify(noName.json().error.details)).toContain('name');
  });

  it('hides a 城东 organisation from chengxi (404 on read, absent from the list), shows it to street1 and the bureau', async () => {
    const org = (
      await (await t.login('chengdong')).post('/api/organisations', { communityId: dong, type: 'intermediary', name: '城东再就业中介服务站' })
    ).json();
    const xiClient = await t.login('chengxi');
    expect((await xiClient.get(`/api/organisations/${org.id}`)).statusCode).toBe(404);
    expect((await xiClient.get(`/api/organisations?q=${encodeURIComponent('再就业中介')}`)).json().total).toBe(0);
    expect((await (await t.login('street1')).get(`/api/organisations/${org.id}`)).statusCode).toBe(200);
    expect((await (await t.login('mzj')).get(`/api/organisations/${org.id}`)).statusCode).toBe(200);
    // A 网格员 holds no organisations permission: an organisation belongs to the whole community.
    expect((await (await t.login('grid-chengdong')).get(`/api/organisations/${org.id}`)).statusCode).toBe(403);
  });
});

describe('PATCH and DELETE /api/organisations/:id', () => {
  it('answers 409 to a stale edit and keeps the first one', async () => {
    const c = await t.login('chengdong');
    const org = (await c.post('/api/organisations', { communityId: dong, type: 'resident_unit', name: '市第二中学' })).json();
    expect((await c.patch(`/api/organisations/${org.id}`, { version: 1, contribution: '开放操场供居民锻炼' })).statusCode).toBe(200);
    const stale = await c.patch(`/api/organisations/${org.id}`, { version: 1, contribution: '别的' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(2);
    expect((await c.get(`/api/organisations/${org.id}`)).json().contribution).toBe('开放操场供居民锻炼');
    expect((await (await t.login('chengxi')).patch(`/api/organisations/${org.id}`, { version: 2, name: '改名' })).statusCode).toBe(404);
  });

  it('puts a 党支部 only under a 党总支 of the same community', async () => {
    const c = await t.login('chengdong');
    const general = (await c.post('/api/organisations', { communityId: dong, type: 'party_general_branch', name: '城东社区党总支' })).json();
    const team = (await c.post('/api/organisations', { communityId: dong, type: 'culture_team', name: '花环队' })).json();
    const ok = await c.post('/api/organisations', { communityId: dong, type: 'party_branch', name: '城东第一党支部', parentId: general.id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().parentName).toBe('城东社区党总支');
    const bad = await c.post('/api/organisations', { communityId: dong, type: 'party_branch', name: '错挂支部', parentId: team.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('parentId');
    // A general branch with branches under it cannot be deleted.
    expect((await c.delete(`/api/organisations/${general.id}?version=1`)).statusCode).toBe(409);
  });

  it('refuses a parent that is one of the organisation’s own sub-organisations, naming parentId', async () => {
    const c = await t.login('chengdong');
    const upper = (await c.post('/api/organisations', { communityId: dong, type: 'volunteer_team', name: '环线上级队' })).json();
    const lower = (await c.post('/api/organisations', { communityId: dong, type: 'volunteer_team', name: '环线下级队', parentId: upper.id })).json();
    const cycle = await c.patch(`/api/organisations/${upper.id}`, { version: upper.version, parentId: lower.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details[0]).toMatchObject({ path: 'parentId', code: 'parent_cycle' });
    expect((await c.get(`/api/organisations/${upper.id}`)).json().parentId ?? null).toBeNull();
  });

  it('deletes an organisation with its members and honours; a stale version is 409, chengxi gets 404', async () => {
    const c = await t.login('chengdong');
    const org = (await c.post('/api/organisations', { communityId: dong, type: 'building_guard_team', name: '看楼护院队' })).json();
    await c.post(`/api/organisations/${org.id}/members`, { name: '赵大爷', startDate: '2024-01-01' });
    await c.post(`/api/organisations/${org.id}/honours`, { title: '先进集体', year: 2024, issuer: '东城街道办事处' });
    expect((await (await t.login('chengxi')).delete(`/api/organisations/${org.id}?version=1`)).statusCode).toBe(404);
    expect((await c.delete(`/api/organisations/${org.id}?version=9`)).statusCode).toBe(409);
    expect((await c.delete(`/api/organisations/${org.id}?version=1`)).statusCode).toBe(200);
    expect((await c.get(`/api/organisations/${org.id}`)).statusCode).toBe(404);
    const left = await t.database.query(
      'SELECT id FROM organisation_members WHERE organisation_id = $1 UNION ALL SELECT id FROM organisation_honours WHERE organisation_id = $1',
      [org.id],
    );
    expect(left).toEqual([]);
  });
});

describe('members and honours', () => {
  it('makes a resident added to a 党支部 a party member through the registry, audited as a resident update', async () => {
    const place = await f.grid(COMMUNITY.城东, 2);
    const r = await f.resident(place);
    const before = await politicalStatus(r.id);
    const c = await t.login('chengdong');
    const branch = (await c.post('/api/organisations', { communityId: dong, type: 'party_branch', name: '城东第二党支部' })).json();
    const res = await c.post(`/api/organisations/${branch.id}/members`, { residentId: r.id, role: 'member', startDate: '2020-07-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ residentId: r.id, name: r.name, active: true });
    const after = await politicalStatus(r.id);
    expect(after.political_status).toBe('party_member');
    expect(after.version).toBe(before.version + 1);
    const audit = await t.database.query<{ details: { source: string } }>(
      `SELECT details FROM audit_log WHERE object_id = $1 AND action = 'residents.update'`,
      [r.id],
    );
    expect(audit[0].details.source).toBe('organisations');
    expect((await c.get(`/api/organisations/${branch.id}`)).json().members).toBe(1);
    // The same resident twice is a duplicate.
    expect((await c.post(`/api/organisations/${branch.id}/members`, { residentId: r.id, startDate: '2020-07-01' })).statusCode).toBe(409);
  });

  it('records a probationary member as 预备党员 and leaves members of a culture team as they are', async () => {
    const place = await f.grid(COMMUNITY.城东, 2);
    const a = await f.resident(place);
    const b = await f.resident(place);
    const c = await t.login('chengdong');
    const branch = (await c.post('/api/organisations', { communityId: dong, type: 'party_branch', name: '城东第三党支部' })).json();
    await c.post(`/api/organisations/${branch.id}/members`, { residentId: a.id, role: 'probationary_member', startDate: '2024-07-01' });
    expect((await politicalStatus(a.id)).political_status).toBe('probationary_member');
    const team = (await c.post('/api/organisations', { communityId: dong, type: 'culture_team', name: '太极扇队' })).json();
    await c.post(`/api/organisations/${team.id}/members`, { residentId: b.id, startDate: '2024-07-01' });
    expect((await politicalStatus(b.id)).political_status).toBeNull();
  });

  it('refuses a party member who is not in the registry, and a resident of another community', async () => {
    const c = await t.login('chengdong');
    const branch = (await c.post('/api/organisations', { communityId: dong, type: 'party_branch', name: '城东第四党支部' })).json();
    const byName = await c.post(`/api/organisations/${branch.id}/members`, { name: '无名氏', startDate: '2024-07-01' });
    expect(byName.statusCode).toBe(400);
    expect(byName.json().error.details[0].path).toBe('residentId');
    const xiResident = await f.resident(await f.grid(COMMUNITY.城西, 1));
    // Not readable by chengdong: 404, no probing.
    expect((await c.post(`/api/organisations/${branch.id}/members`, { residentId: xiResident.id, startDate: '2024-07-01' })).statusCode).toBe(404);
    const mzj = await t.login('mzj');
    const other = await mzj.post(`/api/organisations/${branch.id}/members`, { residentId: xiResident.id, startDate: '2024-07-01' });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details[0].path).toBe('residentId');
  });

  it('ends a membership (the political status stays), refuses an end before the start, and records an honour', async () => {
    const r = await f.resident(await f.grid(COMMUNITY.城东, 2));
    const c = await t.login('chengdong');
    const branch = (await c.post('/api/organisations', { communityId: dong, type: 'party_branch', name: '城东第五党支部' })).json();
    const m = (await c.post(`/api/organisations/${branch.id}/members`, { residentId: r.id, role: 'secretary', startDate: '2021-01-01' })).json();
    const early = await c.post(`/api/organisations/${branch.id}/members/${m.id}/end`, { version: 1, endDate: '2020-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].path).toBe('endDate');
    const ended = await c.post(`/api/organisations/${branch.id}/members/${m.id}/end`, { version: 1, endDate: '2024-12-31' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: '2024-12-31', active: false });
    expect((await politicalStatus(r.id)).political_status).toBe('party_member');
    expect(
      (await (await t.login('chengxi')).post(`/api/organisations/${branch.id}/members/${m.id}/end`, { version: 2, endDate: '2025-01-01' })).statusCode,
    ).toBe(404);
    const honour = await c.post(`/api/organisations/${branch.id}/honours`, { title: '先进基层党组织', year: 2023, issuer: '市委组织部' });
    expect(honour.statusCode).toBe(201);
    expect((await c.get(`/api/organisations/${branch.id}`)).json().honours).toEqual([expect.objectContaining({ title: '先进基层党组织', year: 2023 })]);
    expect((await c.post(`/api/organisations/${branch.id}/honours`, { title: 'x', year: 1800, issuer: 'y' })).statusCode).toBe(400);
  });
});

describe('residents’ group representatives (居民小组代表)', () => {
  it('records a group’s representatives as members, counts the current ones against the law’s 2–3 as a warning, not a refusal', async () => {
    const place = await f.grid(COMMUNITY.城东, 3);
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await f.resident(place, { birthDate: '1975-01-01' }));
    const c = await t.login('chengdong');
    const group = (await c.post('/api/organisations', { communityId: dong, type: 'residents_group', name: '城东代表测试居民小组' })).json();
    expect(group.representatives).toEqual({ current: 0, min: 2, max: 3, ok: false });
    const members = [];
    for (const p of people) {
      const res = await c.post(`/api/organisations/${group.id}/members`, { residentId: p.id, role: 'representative', startDate: '2024-06-01' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ role: 'representative', residentId: p.id, active: true });
      members.push(res.json());
    }
    // Four is one too many: shown, not refused.
    expect((await c.get(`/api/organisations/${group.id}`)).json().representatives).toEqual({ current: 4, min: 2, max: 3, ok: false });
    const ended = await c.post(`/api/organisations/${group.id}/members/${members[3].id}/end`, { version: 1, endDate: '2025-01-31' });
    expect(ended.statusCode).toBe(200);
    const detail = (await c.get(`/api/organisations/${group.id}`)).json();
    expect(detail.representatives).toEqual({ current: 3, min: 2, max: 3, ok: true });
    expect(detail.memberList.filter((m: { role: string }) => m.role === 'representative')).toHaveLength(4);
    const audit = await t.database.query<{ details: { role: string } }>(
      `SELECT details FROM audit_log WHERE object_id = $1 AND action = 'organisations.member.add'`,
      [group.id],
    );
    expect(audit.map((a) => a.details.role)).toEqual(['representative', 'representative', 'representative', 'representative']);
  });

  it('refuses a representative of an organisation that is not a residents’ group (naming role) and one not in the registry (naming residentId)', async () => {
    const c = await t.login('chengdong');
    const team = (await c.post('/api/organisations', { communityId: dong, type: 'volunteer_team', name: '城东代表测试志愿队' })).json();
    const r = await f.resident(await f.grid(COMMUNITY.城东, 3));
    const wrong = await c.post(`/api/organisations/${team.id}/members`, { residentId: r.id, role: 'representative', startDate: '2024-06-01' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ path: 'role', code: 'role_not_for_type' });
    expect(wrong.json().error.details[0].message).toContain('居民小组');
    expect(team.representatives).toBeNull();
    const group = (await c.post('/api/organisations', { communityId: dong, type: 'residents_group', name: '城东代表测试二组' })).json();
    const byName = await c.post(`/api/organisations/${group.id}/members`, { name: '无名代表', role: 'representative', startDate: '2024-06-01' });
    expect(byName.statusCode).toBe(400);
    expect(byName.json().error.details[0]).toMatchObject({ path: 'residentId', code: 'representative_registered' });
    // chengxi cannot record a representative in a 城东 group.
    expect(
      (await (await t.login('chengxi')).post(`/api/organisations/${group.id}/members`, { residentId: r.id, role: 'representative', startDate: '2024-06-01' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('GET /api/organisations/counts and /export', () => {
  it('counts organisations per community and type inside the caller’s scope', async () => {
    const c = await t.login('chengxi');
    await c.post('/api/organisations', { communityId: xi, type: 'owners_committee', name: '城西花园业委会' });
    await c.post('/api/organisations', { communityId: xi, type: 'property_company', name: '城西物业公司' });
    const counts = (await c.get('/api/organisations/counts')).json();
    expect(counts.items.map((i: { communityName: string }) => i.communityName)).toEqual(['城西社区']);
    expect(counts.items[0].counts).toMatchObject({ owners_committee: 1, property_company: 1 });
    const city = (await (await t.login('mzj')).get('/api/organisations/counts')).json();
    expect(city.items).toHaveLength(9);
  });

  it('exports the filtered list as .xlsx with its row count', async () => {
    const c = await t.login('chengxi');
    const res = await c.get('/api/organisations/export?type=owners_committee');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-row-count']).toBe('1');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
