import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITIES } from '../../db/seed/demo-city';
import { today } from '../../lib/clock';
import { addDays } from '../../../shared/domain/dates';
import { createTestApp, type TestApp } from '../../test/app';
import { projectsModule } from './projects.module';

let t: TestApp;
const id: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const r of await t.database.query<{ id: string; code: string }>(`SELECT id, code FROM regions WHERE level = 'community'`)) id[r.code] = r.id;
});
afterAll(() => t.close());

const DONG = () => id[COMMUNITIES[0].code];
const XI = () => id[COMMUNITIES[3].code];
const base = () => ({ communityId: DONG(), name: '城东活动室改造', kind: 'renovation', budget: 200_000, plannedStart: '2026-03-01', plannedEnd: '2026-10-31' });

describe('POST /api/projects', () => {
  it('registers a planned project of the worker’s community, with its budget and no money yet: the whole budget is the gap', async () => {
    const c = await t.login('chengdong');
    const res = await c.post('/api/projects', base());
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ communityId: DONG(), state: 'planned', progressPercent: 0, version: 1, milestones: [] });
    expect(p.funding).toEqual({ budget: 200_000, allocated: 0, spent: 0, balance: 0, gap: 200_000, bySource: [] });
  });

  it('refuses a project in another community with 403, and a grid worker or resident with 403', async () => {
    expect((await (await t.login('chengxi')).post('/api/projects', base())).statusCode).toBe(403);
    for (const u of ['grid-chengdong', 'resident']) expect((await (await t.login(u)).post('/api/projects', base())).statusCode).toBe(403);
  });

  it.each([
    ['an empty name', { name: ' ' }, 'name'],
    ['an unknown kind', { kind: 'demolition' }, 'kind'],
    ['a negative budget', { budget: -1 }, 'budget'],
    ['a budget with three decimals', { budget: 1.005 }, 'budget'],
    ['an end before the start', { plannedStart: '2026-05-01', plannedEnd: '2026-04-01' }, 'plannedEnd'],
    ['a region that is not a community', { communityId: '00000000-0000-4000-8000-000000000000' }, 'communityId'],
  ])('answers 400 naming the field on %s', async (_what, patch, path) => {
    const res = await (await t.login('chengdong')).post('/api/projects', { ...base(), ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('links premises of the same community only', async () => {
    const dong = await t.login('chengdong');
    const xi = await t.login('chengxi');
    const room = (
      await xi.post('/api/premises', { communityId: XI(), name: '城西活动室', use: 'activity', areaM2: 90, ownership: 'owned', state: 'planned' })
    ).json();
    const bad = await dong.post('/api/projects', { ...base(), premisesId: room.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('premisesId');
    const good = await xi.post('/api/projects', { ...base(), communityId: XI(), premisesId: room.id });
    expect(good.json().premisesName).toBe('城西活动室');
  });
});

describe('reading projects', () => {
  it('lists only the caller’s community to a worker, answers 404 to another community’s worker, and lets the street read its communities', async () => {
    const dong = await t.login('chengdong');
    const p = (await dong.post('/api/projects', { ...base(), name: '城东范围测试项目' })).json();
    const xi = await t.login('chengxi');
    expect((await xi.get(`/api/projects/${p.id}`)).statusCode).toBe(404);
    expect((await xi.get(`/api/projects?communityId=${DONG()}`)).statusCode).toBe(404);
    const xiList = (await xi.get('/api/projects?q=城东范围')).json();
    expect(xiList.total).toBe(0);
    expect((await dong.get('/api/projects?q=城东范围')).json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect((await (await t.login('street1')).get(`/api/projects/${p.id}`)).statusCode).toBe(200);
    expect((await (await t.login('grid-chengdong')).get('/api/projects')).statusCode).toBe(403);
    // The worker may change it and record its funding; the labour department reads the 四有 and changes nothing.
    expect(p.capabilities).toEqual({ canEdit: true, canFund: true });
    const asLabour = await (await t.login('labour')).get(`/api/projects/${p.id}`);
    expect(asLabour.statusCode).toBe(200);
    expect(asLabour.json().capabilities).toEqual({ canEdit: false, canFund: false });
  });

  it('filters by state and kind and pages the list', async () => {
    const dong = await t.login('chengdong');
    for (const n of ['分页一', '分页二', '分页三']) await dong.post('/api/projects', { ...base(), name: n, kind: 'expansion' });
    const page = (await dong.get('/api/projects?kind=expansion&state=planned&page=2&pageSize=2')).json();
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
    expect((await dong.get('/api/projects?state=finished&q=分页')).json().total).toBe(0);
  });

  it('exports the filtered list as .xlsx with the gap', async () => {
    const dong = await t.login('chengdong');
    await dong.post('/api/projects', { ...base(), name: '导出测试项目', budget: 12_345.67 });
    const res = await dong.get('/api/projects/export?q=导出测试');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-row-count']).toBe('1');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('建设项目')!;
    expect(ws.getRow(1).getCell(2).value).toBe('项目名称');
    expect(ws.getRow(2).getCell(2).value).toBe('导出测试项目');
    expect(ws.getRow(2).getCell(16).value).toBe(12_345.67);
  });
});

describe('PATCH /api/projects/:id', () => {
  it('changes a project at the version read, and answers 409 to a stale version', async () => {
    const c = await t.login('chengdong');
    const p = (await c.post('/api/projects', base())).json();
    const ok = await c.patch(`/api/projects/${p.id}`, { version: 1, state: 'under_way', progressPercent: 25 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'under_way', progressPercent: 25, version: 2 });
    expect((await c.patch(`/api/projects/${p.id}`, { version: 1, progressPercent: 30 })).statusCode).toBe(409);
  });

  it('refuses a worker of another community with 404, a progress above 100 and a jump back to planned with 400', async () => {
    const c = await t.login('chengdong');
    const p = (await c.post('/api/projects', base())).json();
    expect((await (await t.login('chengxi')).patch(`/api/projects/${p.id}`, { version: 1, name: '改名' })).statusCode).toBe(404);
    const over = await c.patch(`/api/projects/${p.id}`, { version: 1, progressPercent: 101 });
    expect(over.json().error.details[0].path).toBe('progressPercent');
    await c.patch(`/api/projects/${p.id}`, { version: 1, state: 'under_way' });
    expect((await c.patch(`/api/projects/${p.id}`, { version: 2, state: 'planned' })).json().error.details[0].path).toBe('state');
  });

  it('sets a finished project to 100 %', async () => {
    const c = await t.login('chengdong');
    const p = (await c.post('/api/projects', base())).json();
    expect((await c.patch(`/api/projects/${p.id}`, { version: 1, state: 'finished' })).json().progressPercent).toBe(100);
  });
});

describe('milestones', () => {
  it('adds milestones, marks one done, and the progress follows; a planned project is under way', async () => {
    const c = await t.login('chengdong');
    const p = (await c.post('/api/projects', base())).json();
    const a = await c.post(`/api/projects/${p.id}/milestones`, { name: '开工', plannedOn: '2026-03-01' });
    expect(a.statusCode).toBe(201);
    const b = (await c.post(`/api/projects/${p.id}/milestones`, { name: '竣工验收', plannedOn: '2026-10-20' })).json();
    const first = b.milestones.find((m: { name: string }) => m.name === '开工');
    const done = await c.post(`/api/projects/${p.id}/milestones/${first.id}/complete`, { doneOn: '2026-03-02' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'under_way', progressPercent: 50, milestonesDone: 1, milestonesTotal: 2 });
    expect(done.json().milestones[0]).toMatchObject({ name: '开工', doneOn: '2026-03-02', overdue: false });
    expect((await c.post(`/api/projects/${p.id}/milestones/${first.id}/complete`, {})).statusCode).toBe(409);
  });

  it('shows a milestone past its day and not done as overdue, on the project and in the overdue filter', async () => {
    const c = await t.login('chengdong');
    const p = (await c.post('/api/projects', { ...base(), name: '逾期测试项目' })).json();
    const late = (await c.post(`/api/projects/${p.id}/milestones`, { name: '主体完工', plannedOn: addDays(today(), -3) })).json();
    expect(late.overdue).toBe(true);
    expect(late.milestones[0].overdue).toBe(true);
    expect((await c.get('/api/projects?overdue=true&q=逾期测试')).json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
  });

  it('refuses another community’s worker (404) and a future completion day (400 naming doneOn)', async () => {
    const c = await t.login('chengdong');
    const p = (await c.post('/api/projects', base())).json();
    const m = (await c.post(`/api/projects/${p.id}/milestones`, { name: '开工', plannedOn: '2026-03-01' })).json().milestones[0];
    const xi = await t.login('chengxi');
    expect((await xi.post(`/api/projects/${p.id}/milestones`, { name: '开工', plannedOn: '2026-03-01' })).statusCode).toBe(404);
    expect((await xi.post(`/api/projects/${p.id}/milestones/${m.id}/complete`, {})).statusCode).toBe(404);
    const future = await c.post(`/api/projects/${p.id}/milestones/${m.id}/complete`, { doneOn: addDays(today(), 5) });
    expect(future.json().error.details[0].path).toBe('doneOn');
    expect(
      (await c.post(`/api/projects/${p.id}/milestones`, { name: '', plannedOn: 'soon' })).json().error.details.map((d: { path: string }) => d.path),
    ).toEqual(expect.arrayContaining(['name', 'plannedOn']));
  });
});

describe('funding linked to a project', () => {
  it('shows allocations by source, spending, balance and gap from the ledger entries naming the project', async () => {
    const c = await t.login('chengdong');
    const p = (await c.post('/api/projects', { ...base(), budget: 100_000 })).json();
    const entry = (kind: string, amount: number, extra: object = {}) =>
      c.post('/api/funding', { communityId: DONG(), year: 2026, kind, amount, entryDate: '2026-04-01', description: '项目资金', projectId: p.id, ...extra });
    expect((await entry('allocation', 40_000, { source: 'city' })).statusCode).toBe(201);
    await entry('allocation', 10_000, { source: 'street' });
    await entry('allocation', 5_000, { source: 'city' });
    const spent = await entry('spending', 20_000, { voucher: 'XM-1' });
    expect(spent.json().projectId).toBe(p.id);
    const detail = (await c.get(`/api/projects/${p.id}`)).json();
    expect(detail.funding).toEqual({
      budget: 100_000,
      allocated: 55_000,
      spent: 20_000,
      balance: 35_000,
      gap: 45_000,
      bySource: [
        { source: 'city', amount: 45_000 },
        { source: 'street', amount: 10_000 },
      ],
    });
    expect((await c.get(`/api/funding?projectId=${p.id}`)).json().items).toHaveLength(4);
  });

  it('refuses a funding entry naming a project of another community, naming projectId', async () => {
    const xi = await t.login('chengxi');
    const p = (await xi.post('/api/projects', { ...base(), communityId: XI() })).json();
    const res = await (
      await t.login('chengdong')
    ).post('/api/funding', { communityId: DONG(), year: 2026, kind: 'budget', amount: 1, entryDate: '2026-04-01', description: '错挂', projectId: p.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('projectId');
  });
});

describe('DELETE /api/projects/:id', () => {
  it('deletes a planned project at its version, and refuses one under way or with money on the ledger', async () => {
    const c = await t.login('chengdong');
    const p = (await c.post('/api/projects', base())).json();
    expect((await (await t.login('chengxi')).delete(`/api/projects/${p.id}?version=1`)).statusCode).toBe(404);
    expect((await c.delete(`/api/projects/${p.id}?version=9`)).statusCode).toBe(409);
    expect((await c.delete(`/api/projects/${p.id}?version=1`)).statusCode).toBe(200);
    expect((await c.get(`/api/projects/${p.id}`)).statusCode).toBe(404);

    const busy = (await c.post('/api/projects', base())).json();
    await c.patch(`/api/projects/${busy.id}`, { version: 1, state: 'under_way' });
    expect((await c.delete(`/api/projects/${busy.id}?version=2`)).json().error.details[0].path).toBe('state');

    const funded = (await c.post('/api/projects', base())).json();
    await c.post('/api/funding', {
      communityId: DONG(),
      year: 2026,
      kind: 'budget',
      amount: 1,
      entryDate: '2026-04-01',
      description: '预算',
      projectId: funded.id,
    });
    expect((await c.delete(`/api/projects/${funded.id}?version=1`)).statusCode).toBe(400);
  });
});

describe('the 工作台 contribution', () => {
  it('counts the community’s active and late projects and lists the late milestone as a 待办, to nobody outside the community', async () => {
    const c = await t.login('chengdong');
    const p = (await c.post('/api/projects', { ...base(), name: '工作台项目' })).json();
    await c.post(`/api/projects/${p.id}/milestones`, { name: '工作台节点', plannedOn: addDays(today(), -1) });
    const bench = (await c.get('/api/workbench')).json();
    const overdue = bench.cards.find((k: { key: string }) => k.key === 'projects.overdue');
    expect(overdue.value).toBeGreaterThanOrEqual(1);
    expect(bench.todos.some((td: { id: string; link: string }) => td.link === `/projects/${p.id}` && td.id.startsWith('projects:milestone:'))).toBe(true);
    const xi = (await (await t.login('chengxi')).get('/api/workbench')).json();
    expect(xi.todos.some((td: { link: string }) => td.link === `/projects/${p.id}`)).toBe(false);
    expect(projectsModule.workbench).toBeDefined();
  });
});
