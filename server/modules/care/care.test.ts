import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { addDays } from '../../../shared/domain/workbench';
import { today } from '../../lib/clock';
import { createResident, demoPlaces } from '../residents/residents.factory';

let t: TestApp;
let chengdong: Client;
let chengxi: Client;
let police: Client;
let mzj: Client;
let resident: { id: string };
let other: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const places = await demoPlaces(t);
  resident = await createResident(t, { name: '周残', communityId: places.chengdong.id, gridId: places.chengdong.grids[0] });
  other = await createResident(t, { name: '吴归', communityId: places.chengdong.id, gridId: places.chengdong.grids[0] });
  [chengdong, chengxi, police, mzj] = await Promise.all(['chengdong', 'chengxi', 'police-chengdong', 'mzj'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const url = (id: string) => `/api/residents/${id}/care-records`;

describe('POST /api/residents/:id/care-records', () => {
  it('adds a disability record with its category and level', async () => {
    const res = await chengdong.post(url(resident.id), {
      groupType: 'disability',
      startDate: '2021-03-01',
      attributes: { category: 'visual', level: 2, certificateNo: 'C123' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ groupType: 'disability', active: true, endDate: null, attributes: { category: 'visual', level: 2 } });
    const list = (await chengdong.get(url(resident.id))).json();
    expect(list.items.map((r: { groupType: string }) => r.groupType)).toEqual(['disability']);
    const [entry] = await t.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'care.%'`);
    expect(entry.action).toBe('care.create');
  });

  it('names the attribute that is wrong: a disability level must be 1–4', async () => {
    const res = await chengdong.post(url(other.id), { groupType: 'disability', startDate: '2021-03-01', attributes: { category: 'visual', level: 5 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('attributes.level');
  });

  it('requires the floating population’s arrival date and origin', async () => {
    const res = await chengdong.post(url(other.id), { groupType: 'floating', startDate: '2024-01-01', attributes: { plannedStayMonths: 12 } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['attributes.arrivalDate', 'attributes.origin']));
  });

  it('refuses a second current record in the same group with 409', async () => {
    const res = await chengdong.post(url(resident.id), { groupType: 'disability', startDate: '2022-01-01', attributes: { category: 'hearing', level: 3 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].path).toBe('groupType');
  });

  it('sets the 安置帮教 period: five years after release, three after correction', async () => {
    const released = await mzj.post(url(other.id), { groupType: 'released', startDate: '2024-02-29', attributes: { releaseDate: '2024-02-29' } });
    expect(released.statusCode).toBe(201);
    expect(released.json().attributes.periodEnd).toBe('2029-02-28');
    const correction = await mzj.post(url(resident.id), { groupType: 'correction', startDate: '2023-01-01', attributes: { endDate: '2025-06-30' } });
    expect(correction.json().attributes.periodEnd).toBe('2028-06-30');
  });

  it('refuses a worker a group they may not see, and the police, who may not write', async () => {
    const worker = await chengdong.post(url(other.id), { groupType: 'correction', startDate: '2024-01-01', attributes: { endDate: '2025-01-01' } });
    expect(worker.statusCode).toBe(403);
    const officer = await police.post(url(other.id), { groupType: 'elderly_alone', startDate: '2024-01-01' });
    expect(officer.statusCode).toBe(403);
  });

  it('answers 404 for a resident of another community', async () => {
    expect((await chengxi.get(url(resident.id))).statusCode).toBe(404);
    expect((await chengxi.post(url(resident.id), { groupType: 'elderly_alone', startDate: '2024-01-01' })).statusCode).toBe(404);
  });
});

describe('GET /api/residents/:id/care-records', () => {
  it('leaves out the groups the caller may not see', async () => {
    const worker = (await chengdong.get(url(other.id))).json();
    expect(worker.items).toEqual([]);
    const officer = (await police.get(url(other.id))).json();
    expect(officer.items.map((r: { groupType: string }) => r.groupType)).toEqual(['released']);
    const mine = (await police.get(url(resident.id))).json();
    expect(mine.items.map((r: { groupType: string }) => r.groupType)).toEqual(['correction']);
  });
});

describe('PATCH /api/residents/:id/care-records/:recordId', () => {
  it('ends a record by setting its end date, and refuses a stale version', async () => {
    const created = (await chengdong.post(url(other.id), { groupType: 'unemployed', startDate: '2024-01-01' })).json();
    const ended = await chengdong.patch(`${url(other.id)}/${created.id}`, { version: created.version, endDate: '2024-12-31' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: '2024-12-31', active: false, version: created.version + 1 });
    const stale = await chengdong.patch(`${url(other.id)}/${created.id}`, { version: created.version, notes: 'late' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(created.version + 1);
    const audit = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'care.end' AND object_id = $1`, [created.id]);
    expect(audit[0].n).toBe(1);
  });

  it('validates new attributes against the record’s group', async () => {
    const [rec] = (await chengdong.get(url(resident.id))).json().items;
    const res = await chengdong.patch(`${url(resident.id)}/${rec.id}`, { version: rec.version, attributes: { category: 'unknown', level: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('attributes.category');
  });

  it('refuses an end date before the start date', async () => {
    const [rec] = (await chengdong.get(url(resident.id))).json().items;
    const res = await chengdong.patch(`${url(resident.id)}/${rec.id}`, { version: rec.version, endDate: '2000-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('endDate');
  });

  it('answers 404 to a worker for a record of a group they may not see', async () => {
    const rec = (await police.get(url(other.id))).json().items.find((r: { groupType: string }) => r.groupType === 'released');
    const res = await chengdong.patch(`${url(other.id)}/${rec.id}`, { version: rec.version, notes: 'x' });
    expect(res.statusCode).toBe(404);
  });
});

describe('sensitive categories (SENSITIVE_CATEGORIES): only the roles listed read them', () => {
  let person: { id: string };
  beforeAll(async () => {
    const places = await demoPlaces(t);
    person = await createResident(t, { name: '郑帮教', communityId: places.chengdong.id, gridId: places.chengdong.grids[0] });
    const released = await mzj.post(url(person.id), {
      groupType: 'released',
      startDate: '2020-01-01',
      attributes: { releaseDate: '2020-01-01', periodEnd: addDays(today(), 10) },
    });
    expect(released.statusCode, released.body).toBe(201);
    expect(
      (await chengdong.post(url(person.id), { groupType: 'disability', startDate: '2021-03-01', attributes: { category: 'physical', level: 3 } })).statusCode,
    ).toBe(201);
    expect((await chengdong.post(url(person.id), { groupType: 'elderly_alone', startDate: '2022-01-01' })).statusCode).toBe(201);
  });
  const groupsSeenBy = async (c: Client) =>
    (await c.get(url(person.id)))
      .json()
      .items.map((r: { groupType: string }) => r.groupType)
      .sort();
  const assistanceTodo = async (c: Client) =>
    (await c.get('/api/workbench')).json().todos.some((x: { title: { zh: string } }) => x.title.zh === '安置帮教期满：郑帮教');

  it('hides 安置帮教 and disability from the labour department, a role they do not list, who still reads the person city-wide', async () => {
    const labour = await t.login('labour');
    expect((await labour.get(`/api/residents/${person.id}`)).statusCode).toBe(200);
    expect(await groupsSeenBy(labour)).toEqual(['elderly_alone']);
    expect(await assistanceTodo(labour)).toBe(false);
  });

  it('shows 安置帮教 to the community police (listed) but not disability (a welfare fact they are not listed for)', async () => {
    expect(await groupsSeenBy(police)).toEqual(['elderly_alone', 'released']);
    expect(await assistanceTodo(police)).toBe(true);
  });

  it('shows disability to the community worker (listed) but not 安置帮教, and every category to the civil affairs bureau', async () => {
    expect(await groupsSeenBy(chengdong)).toEqual(['disability', 'elderly_alone']);
    expect(await assistanceTodo(chengdong)).toBe(false);
    expect(await groupsSeenBy(mzj)).toEqual(['disability', 'elderly_alone', 'released']);
  });
});
