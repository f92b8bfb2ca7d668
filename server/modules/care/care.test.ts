import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app';
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
