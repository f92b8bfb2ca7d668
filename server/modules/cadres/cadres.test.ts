import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addYears } from '../../../shared/domain/training';
import { today } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from '../households/registry.factory';
import { MODULES } from '../index';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
let dong: string;
let zhong: string;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
  dong = await f.regionId(COMMUNITY.城东);
  zhong = await f.regionId(COMMUNITY.城中);
});
afterAll(() => t.close());

const cadre = (communityId: string, extra: Record<string, unknown> = {}) => ({
  communityId,
  name: '张卫东',
  sex: 'M',
  birthDate: '1980-03-04',
  post: 'full_time_worker',
  source: 'recruited',
  education: 'bachelor',
  partyMember: true,
  pensionInsured: true,
  medicalInsured: true,
  startDate: '2022-01-01',
  ...extra,
});

describe('POST /api/cadres and GET /api/cadres/:id', () => {
  it('lets the street office record a cadre of its community, audited, and the community worker read it', async () => {
    const street = await t.login('street1');
    const res = await street.post('/api/cadres', cadre(dong, { name: '李晓梅', sex: 'F' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '李晓梅', communityName: '城东社区', post: 'full_time_worker', trainings: [], version: 1 });
    const audit = await t.database.query<{ action: string }>('SELECT action FROM audit_log WHERE object_id = $1', [res.json().id]);
    expect(audit.map((a) => a.action)).toEqual(['cadres.create']);
    // The street office may change it; the community worker reads its own team but changes nothing: no button that answers 403.
    expect(res.json().capabilities).toEqual({ canEdit: true });
    const asWorker = await (await t.login('chengdong')).get(`/api/cadres/${res.json().id}`);
    expect(asWorker.statusCode).toBe(200);
    expect(asWorker.json().capabilities).toEqual({ canEdit: false });
  });

  it('refuses a cadre linked to a resident registered in another community, naming residentId', async () => {
    const street = await t.login('street1');
    const elsewhere = await f.resident(await f.grid(COMMUNITY.城中, 1));
    const res = await street.post('/api/cadres', cadre(dong, { residentId: elsewhere.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'residentId', code: 'other_community' });
  });

  it('refuses a community worker recording cadres (403), hides 城东 cadres from chengxi (404), and 403 for street1 writing outside its street', async () => {
    const street = await t.login('street1');
    const k = (await street.post('/api/cadres', cadre(dong))).json();
    expect((await (await t.login('chengdong')).post('/api/cadres', cadre(dong))).statusCode).toBe(403);
    const xi = await t.login('chengxi');
    expect((await xi.get(`/api/cadres/${k.id}`)).statusCode).toBe(404);
    expect((await xi.get('/api/cadres')).json().items.some((i: { id: string }) => i.id === k.id)).toBe(false);
    expect((await street.post('/api/cadres', cadre(await f.regionId(COMMUNITY.城西)))).statusCode).toBe(403);
  });

  it('names the field of a start date before the birth date, and answers 409 to a stale edit', async () => {
    const street = await t.login('street1');
    const bad = await street.post('/api/cadres', cadre(dong, { startDate: '1970-01-01' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('startDate');
    const k = (await street.post('/api/cadres', cadre(dong))).json();
    expect((await street.patch(`/api/cadres/${k.id}`, { version: 1, payGrade: '三级' })).statusCode).toBe(200);
    const stale = await street.patch(`/api/cadres/${k.id}`, { version: 1, payGrade: '四级' });
    expect(stale.statusCode).toBe(409);
    expect((await street.get(`/api/cadres/${k.id}`)).json().payGrade).toBe('三级');
  });
});

describe('training, insurance, staffing and analytics', () => {
  it('puts a director without training for over a year on the overdue list, and off it once trained', async () => {
    const street = await t.login('street1');
    const k = (await street.post('/api/cadres', cadre(zhong, { name: '周志强', post: 'director', source: 'elected', startDate: '2020-01-01' }))).json();
    expect(k.training).toMatchObject({ status: 'overdue', intervalYears: 1 });
    const due = (await street.get('/api/cadres/training-due')).json();
    expect(due.items.find((i: { cadreId: string }) => i.cadreId === k.id)).toMatchObject({ status: 'overdue', dueDate: '2021-01-01' });
    const trained = await street.post(`/api/cadres/${k.id}/trainings`, { course: '社区治理专题培训', form: 'meeting', hours: 4, date: today() });
    expect(trained.statusCode).toBe(201);
    expect(trained.json().training).toMatchObject({ status: 'ok', dueDate: addYears(today(), 1) });
    expect((await street.get('/api/cadres/training-due')).json().items.some((i: { cadreId: string }) => i.cadreId === k.id)).toBe(false);
    const future = await street.post(`/api/cadres/${k.id}/trainings`, { course: 'x', form: 'online', hours: 1, date: addYears(today(), 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('date');
  });

  it('lists who lacks pension or medical insurance', async () => {
    const street = await t.login('street1');
    const k = (await street.post('/api/cadres', cadre(zhong, { name: '缺保险', medicalInsured: false }))).json();
    const list = (await street.get('/api/cadres?uninsured=true')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(k.id);
    expect(list.items.every((i: { pensionInsured: boolean; medicalInsured: boolean }) => !i.pensionInsured || !i.medicalInsured)).toBe(true);
  });

  it('shows each community’s vacancies against the 5 + 1 + 3 standard and the ratio to residents, and follows a changed standard', async () => {
    const mzj = await t.login('mzj');
    const before = (await mzj.get('/api/cadres/staffing')).json();
    expect(before.standard).toEqual({ fullTime: 5, partTime: 1, police: 3, workersPer10k: 18 });
    expect(before.items).toHaveLength(9);
    const qiaoxi = before.items.find((i: { communityName: string }) => i.communityName === '桥西社区');
    expect(qiaoxi).toMatchObject({ vacancies: { full_time: 5, part_time: 1, police: 3 }, totalVacancies: 9 });
    const street = await t.login('street1');
    const read = (await mzj.get('/api/cadres/settings')).json();
    expect(read).toMatchObject({ fullTime: 5, partTime: 1, police: 3 });
    expect(
      (
        await street.request({
          method: 'PUT',
          url: '/api/cadres/settings',
          payload: { fullTime: 6, partTime: 1, police: 3, workersPer10k: 18, leaderYears: 1, otherYears: 2, version: read.version },
        })
      ).statusCode,
    ).toBe(403);
    const put = await mzj.request({
      method: 'PUT',
      url: '/api/cadres/settings',
      payload: { fullTime: 6, partTime: 1, police: 3, workersPer10k: 18, leaderYears: 1, otherYears: 2, version: read.version },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().version).toBe(read.version + 1);
    const after = (await mzj.get('/api/cadres/staffing')).json();
    expect(after.items.find((i: { communityName: string }) => i.communityName === '桥西社区').vacancies.full_time).toBe(6);
    await mzj.request({
      method: 'PUT',
      url: '/api/cadres/settings',
      payload: { fullTime: 5, partTime: 1, police: 3, workersPer10k: 18, leaderYears: 1, otherYears: 2, version: put.json().version },
    });
    // The street sees its own three communities only.
    expect((await street.get('/api/cadres/staffing')).json().items).toHaveLength(3);
  });

  it('refuses a save made from stale settings with 409 naming the version and the current one; nothing is overwritten', async () => {
    const mzj = await t.login('mzj');
    const read = (await mzj.get('/api/cadres/settings')).json();
    const values = { fullTime: 5, partTime: 1, police: 3, workersPer10k: 18, leaderYears: 1, otherYears: 2 };
    // Two people open the form on the same version; the first save wins.
    const first = await mzj.request({ method: 'PUT', url: '/api/cadres/settings', payload: { ...values, partTime: 2, version: read.version } });
    expect(first.statusCode).toBe(200);
    const stale = await mzj.request({ method: 'PUT', url: '/api/cadres/settings', payload: { ...values, police: 4, version: read.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { field: 'version', currentVersion: first.json().version } });
    expect((await mzj.get('/api/cadres/settings')).json()).toMatchObject({ partTime: 2, police: 3, version: first.json().version });
    // A save without a version names the field.
    const missing = await mzj.request({ method: 'PUT', url: '/api/cadres/settings', payload: values });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().error.details)).toContain('version');
    await mzj.request({ method: 'PUT', url: '/api/cadres/settings', payload: { ...values, version: first.json().version } });
  });

  it('profiles a community’s team: party ratio, age bands, education; 404 for a community outside the scope', async () => {
    const street = await t.login('street1');
    const shiji = await f.regionId(COMMUNITY.世纪);
    await street.post('/api/cadres', cadre(shiji, { birthDate: '1990-01-01', partyMember: true, education: 'bachelor' }));
    await street.post(
      '/api/cadres',
      cadre(shiji, { birthDate: '1965-01-01', partyMember: false, education: 'senior', post: 'auxiliary_police', source: 'assigned_police' }),
    );
    const a = (await street.get(`/api/cadres/analytics?communityId=${shiji}`)).json();
    expect(a).toMatchObject({ total: 2, partyMembers: 1, partyRatio: 0.5 });
    expect(a.education).toEqual(
      expect.arrayContaining([
        { key: 'bachelor', count: 1 },
        { key: 'senior', count: 1 },
      ]),
    );
    expect(a.categories).toEqual(
      expect.arrayContaining([
        { key: 'police', count: 1 },
        { key: 'full_time', count: 1 },
      ]),
    );
    expect(a.ageBands.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(2);
    expect((await street.get(`/api/cadres/analytics?communityId=${await f.regionId(COMMUNITY.城西)}`)).statusCode).toBe(404);
  });
});

describe('the 工作台 contribution', () => {
  const actorOf = async (username: string) => {
    const client = await t.login(username);
    const token = decodeURIComponent(
      client.cookie
        .split('; ')
        .find((c) => c.startsWith('shequ_sid='))!
        .slice('shequ_sid='.length),
    );
    const resolved = await t.app.services.auth.resolve(token);
    if (!resolved || !('actor' in resolved)) throw new Error('no session');
    return resolved.actor;
  };

  it('gives the street office its cadres in post, vacancies and an overdue training as a 待办 opening the cadre', async () => {
    const street = await t.login('street1');
    const k = (await street.post('/api/cadres', cadre(dong, { name: '待培训', post: 'party_secretary', startDate: '2019-01-01' }))).json();
    const module = MODULES.find((m) => m.name === 'cadres')!;
    const mine = await module.workbench!(t.app.services, { actor: await actorOf('street1'), ip: null }, today());
    expect(mine.cards?.map((c) => c.key)).toEqual(['cadres.inPost', 'cadres.vacancies', 'cadres.trainingOverdue']);
    expect(mine.cards?.find((c) => c.key === 'cadres.trainingOverdue')?.value).toBeGreaterThan(0);
    expect(mine.todos).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: `cadres:training:${k.id}`, link: `/cadres/${k.id}`, dueDate: '2020-01-01' })]),
    );
    // Community police hold no cadres.read: nothing.
    expect(await module.workbench!(t.app.services, { actor: await actorOf('police-chengdong'), ip: null }, today())).toEqual({});
  });
});
