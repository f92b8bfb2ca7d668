import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITIES, STREETS } from '../../db/seed/demo-city';
import { DEFAULT_PREMISES_TIERS as DEFAULT_TIERS } from '../../../shared/domain/four-haves';
import { createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
const id: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const r of await t.database.query<{ id: string; code: string }>(`SELECT id, code FROM regions WHERE level = 'community'`)) id[r.code] = r.id;
});
afterAll(() => t.close());

const DONG = () => id[COMMUNITIES[0].code];
const XI = () => id[COMMUNITIES[3].code];

describe('POST /api/awards/preview', () => {
  it('answers every community’s amount and reason, adding up to the pot', async () => {
    const c = await t.login('mzj');
    const res = await c.post('/api/awards/preview', {
      pot: 300000,
      floorScore: 60,
      maxShare: 0.38,
      communities: [
        { id: '城东', score: 95 },
        { id: '城西', score: 55 },
        { id: '桥西', score: 80 },
        { id: 'hypothetical', score: 70 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(300000);
    expect(body.items.map((i: { id: string; amount: number }) => [i.id, i.amount])).toEqual([
      ['城东', 114_000],
      ['城西', 0],
      ['桥西', 99_200],
      ['hypothetical', 86_800],
    ]);
    expect(body.items[1].reason).toBe('得分 55 低于最低分 60，不予奖补');
    expect(body.items[0].reason).toContain('超过单个社区上限 38%');
    expect(body.items.reduce((s: number, i: { amount: number }) => s + Math.round(i.amount * 100), 0)).toBe(30_000_000);
  });

  it('gives the reasons in English to an English client', async () => {
    const c = await t.login('street1');
    const res = await c.post(
      '/api/awards/preview',
      {
        pot: 10,
        floorScore: 50,
        communities: [
          { id: 'a', score: 40 },
          { id: 'b', score: 60 },
        ],
      },
      { 'accept-language': 'en' },
    );
    expect(res.json().items[0].reason).toBe('score 40 is below the floor 50: no award');
  });

  it.each([
    ['a negative pot', { pot: -1 }, 'pot'],
    ['a score above 100', { communities: [{ id: 'a', score: 101 }] }, 'communities.0.score'],
    [
      'a negative score',
      {
        communities: [
          { id: 'a', score: 80 },
          { id: 'b', score: -3 },
        ],
      },
      'communities.1.score',
    ],
    [
      'duplicate ids',
      {
        communities: [
          { id: 'a', score: 80 },
          { id: 'a', score: 70 },
        ],
      },
      'communities.1.id',
    ],
    ['maxShare 0', { maxShare: 0 }, 'maxShare'],
    ['maxShare above 1', { maxShare: 1.5 }, 'maxShare'],
    [
      'maxShare too small to place the pot',
      {
        maxShare: 0.3,
        communities: [
          { id: 'a', score: 80 },
          { id: 'b', score: 70 },
        ],
      },
      'maxShare',
    ],
    ['a floor above 100', { floorScore: 120 }, 'floorScore'],
    ['a pot as text', { pot: '300000' }, 'pot'],
  ])('refuses %s with 400 naming the field', async (_what, change, field) => {
    const c = await t.login('chengdong');
    const res = await c.post('/api/awards/preview', { pot: 1000, floorScore: 60, communities: [{ id: 'a', score: 80 }], ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('is refused to a resident and to the system administrator (no permission)', async () => {
    for (const u of ['resident', 'admin'])
      expect((await (await t.login(u)).post('/api/awards/preview', { pot: 1, floorScore: 0, communities: [] })).statusCode).toBe(403);
  });
});

describe('GET /api/four-haves', () => {
  it('answers the contract: four statuses with reasons, premises with area and required area', async () => {
    const res = await (await t.login('chengdong')).get('/api/four-haves');
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    expect(Object.keys(item).sort()).toEqual(['communityId', 'money', 'name', 'people', 'premises', 'rules']);
    expect(item.people).toEqual({ status: 'red', reason: '未登记社区干部和警务人员' });
    expect(item.premises).toMatchObject({ status: 'red', areaM2: 0, requiredM2: 300 });
    expect(item.rules.status).toBe('red');
    expect(item.money.status).toBe('amber');
  });

  it('is scoped like the registry: a worker their community, a street its communities, the city all; a grid worker none', async () => {
    const names = async (u: string) => (await (await t.login(u)).get('/api/four-haves')).json().items.map((i: { name: string }) => i.name);
    expect(await names('chengdong')).toEqual(['城东社区']);
    expect(await names('chengxi')).toEqual(['城西社区']);
    expect(await names('street1')).toEqual(COMMUNITIES.filter((c) => c.street === 0).map((c) => c.name));
    expect((await names('mzj')).length).toBe(9);
    // A 网格员 holds no 四有 permission (a community's premises and money are not a grid's); nor does a resident.
    for (const u of ['grid-chengdong', 'resident']) expect((await (await t.login(u)).get('/api/four-haves')).statusCode).toBe(403);
    expect(STREETS[0].name).toBe('东城街道');
  });

  it('refuses (404) another community’s drill-down', async () => {
    expect((await (await t.login('chengxi')).get(`/api/four-haves/communities/${DONG()}`)).statusCode).toBe(404);
    expect((await (await t.login('street1')).get(`/api/four-haves/communities/${XI()}`)).statusCode).toBe(404);
    expect((await (await t.login('street1')).get(`/api/four-haves/communities/${DONG()}`)).statusCode).toBe(200);
  });
});

describe('premises, rules, staffing and funding', () => {
  it('turns 城东 green on all four once its records are complete and its new premises are handed over', async () => {
    const c = await t.login('chengdong');
    const office = await c.post('/api/premises', { communityId: DONG(), name: '社区办公室', use: 'office', areaM2: 100, ownership: 'owned', state: 'in_use' });
    expect(office.statusCode).toBe(201);
    const hall = await c.post('/api/premises', {
      communityId: DONG(),
      name: '新建活动中心',
      use: 'activity',
      areaM2: 260,
      ownership: 'developer',
      counterpart: '宁阳置业',
      state: 'under_construction',
    });
    expect(hall.statusCode).toBe(201);
    expect(
      (await c.post('/api/community-rules', { communityId: DONG(), kind: 'residents_convention', title: '城东社区居民公约', adoptedOn: '2024-03-01' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await c.post('/api/community-rules', { communityId: DONG(), kind: 'work_rules', title: '城东社区工作制度', adoptedOn: '2024-03-01' })).statusCode,
    ).toBe(201);
    expect(
      (await c.request({ method: 'PUT', url: `/api/four-haves/communities/${DONG()}/staffing`, payload: { fullTime: 5, partTime: 1, police: 3 } })).statusCode,
    ).toBe(200);
    const year = new Date().getFullYear();
    const fund = async (body: Record<string, unknown>) =>
      (await c.post('/api/funding', { communityId: DONG(), year, entryDate: `${year}-01-15`, ...body })).statusCode;
    expect(await fund({ kind: 'budget', amount: 100000, description: '年度经费预算' })).toBe(201);
    expect(await fund({ kind: 'allocation', source: 'city', amount: 60000, description: '以奖代补' })).toBe(201);
    expect(await fund({ kind: 'allocation', source: 'street', amount: 40000, description: '街道补贴' })).toBe(201);
    expect(await fund({ kind: 'spending', amount: 12345.67, description: '购置桌椅', voucher: 'PZ-001' })).toBe(201);

    const before = (await c.get('/api/four-haves')).json().items[0];
    expect(before.premises.status).toBe('red');
    expect(before.premises.reason).toContain('在建或规划中 260 m²');
    expect([before.people.status, before.money.status, before.rules.status]).toEqual(['green', 'green', 'green']);

    const handed = await c.patch(`/api/premises/${hall.json().id}`, { version: 1, state: 'in_use' });
    expect(handed.statusCode).toBe(200);
    expect(handed.json().inUseSince).not.toBeNull();
    const after = (await c.get('/api/four-haves')).json().items[0];
    expect(after.premises).toMatchObject({ status: 'green', areaM2: 360, requiredM2: 300 });

    const audit = await t.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY seq`, [hall.json().id]);
    expect(audit.map((a) => a.action)).toEqual(['premises.create', 'premises.hand_over']);

    const detail = (await c.get(`/api/four-haves/communities/${DONG()}`)).json();
    expect(detail.funding).toMatchObject({ need: 100000, received: 100000, spent: 12345.67, balance: 87654.33, gap: 0 });
    expect(detail.premisesList).toHaveLength(2);
    expect(detail.rulesList.every((r: { current: boolean }) => r.current)).toBe(true);
  });

  it('refuses another community’s worker: 403 recording in 城东, 404 reading or editing its premises', async () => {
    const dong = await t.login('chengdong');
    const p = (
      await dong.post('/api/premises', { communityId: DONG(), name: '警务室', use: 'police_office', areaM2: 20, ownership: 'owned', state: 'in_use' })
    ).json();
    const xi = await t.login('chengxi');
    expect(
      (await xi.post('/api/premises', { communityId: DONG(), name: 'x', use: 'office', areaM2: 20, ownership: 'owned', state: 'in_use' })).statusCode,
    ).toBe(403);
    expect((await xi.get(`/api/premises/${p.id}`)).statusCode).toBe(404);
    expect((await xi.patch(`/api/premises/${p.id}`, { version: 1, areaM2: 999 })).statusCode).toBe(404);
    expect((await xi.get(`/api/premises?communityId=${DONG()}`)).statusCode).toBe(404);
    expect(
      (await xi.post('/api/funding', { communityId: DONG(), year: 2026, kind: 'budget', amount: 1, entryDate: '2026-01-01', description: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await xi.request({ method: 'PUT', url: `/api/four-haves/communities/${DONG()}/staffing`, payload: { fullTime: 9, partTime: 9, police: 9 } })).statusCode,
    ).toBe(403);
    expect((await xi.get('/api/premises')).json().items.some((i: { id: string }) => i.id === p.id)).toBe(false);
  });

  it('answers 400 naming the field: rented without a lease end, a spending without voucher, an allocation without source', async () => {
    const c = await t.login('chengxi');
    const rented = await c.post('/api/premises', { communityId: XI(), name: '租用办公室', use: 'office', areaM2: 80, ownership: 'rented', state: 'in_use' });
    expect(rented.statusCode).toBe(400);
    expect(rented.json().error.details[0].path).toBe('leaseEnd');
    const base = { communityId: XI(), year: 2026, amount: 10, entryDate: '2026-02-01', description: 'x' };
    expect((await c.post('/api/funding', { ...base, kind: 'spending' })).json().error.details[0].path).toBe('voucher');
    expect((await c.post('/api/funding', { ...base, kind: 'allocation' })).json().error.details[0].path).toBe('source');
    expect((await c.post('/api/funding', { ...base, kind: 'budget', amount: 1.001 })).statusCode).toBe(400);
    expect((await c.post('/api/premises', { communityId: XI(), name: 'x', use: 'office', areaM2: -5, ownership: 'owned', state: 'in_use' })).statusCode).toBe(
      400,
    );
  });

  it('answers 409 to a stale premises edit', async () => {
    const c = await t.login('chengxi');
    const p = (await c.post('/api/premises', { communityId: XI(), name: '活动室', use: 'activity', areaM2: 50, ownership: 'owned', state: 'in_use' })).json();
    expect((await c.patch(`/api/premises/${p.id}`, { version: 1, areaM2: 60 })).statusCode).toBe(200);
    expect((await c.patch(`/api/premises/${p.id}`, { version: 1, areaM2: 70 })).statusCode).toBe(409);
  });

  it('exports the funding ledger as .xlsx with balances and gaps, within the caller’s scope', async () => {
    const c = await t.login('chengxi');
    await c.post('/api/funding', { communityId: XI(), year: 2025, kind: 'budget', amount: 50000, entryDate: '2025-01-01', description: '=预算' });
    await c.post('/api/funding', {
      communityId: XI(),
      year: 2025,
      kind: 'allocation',
      source: 'reward',
      amount: 30000,
      entryDate: '2025-03-01',
      description: '以奖代补',
    });
    const res = await c.get('/api/funding/export?year=2025');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ledger = wb.getWorksheet('台账')!;
    expect(ledger.getRow(2).getCell(6).value).toBe("'=预算");
    const gaps = wb.getWorksheet('结余与缺口')!;
    expect(gaps.getRow(2).values).toEqual([undefined, '城西社区', 2025, 50000, 30000, 0, 30000, 20000]);
    expect(gaps.rowCount).toBe(2);
  });

  it('lets the city change a standard, which the verdicts then use; a street may not', async () => {
    expect((await (await t.login('street1')).patch('/api/four-haves/standards', { premisesMinM2: 100 })).statusCode).toBe(403);
    const mzj = await t.login('mzj');
    expect((await mzj.patch('/api/four-haves/standards', { premisesMinM2: 500 })).json().premisesMinM2).toBe(500);
    const item = (await mzj.get('/api/four-haves')).json().items.find((i: { communityId: string }) => i.communityId === DONG());
    expect(item.premises).toMatchObject({ status: 'red', requiredM2: 500 });
    await mzj.patch('/api/four-haves/standards', { premisesMinM2: 300 });
  });
});

describe('有人 (people) from the cadres register', () => {
  const ZHONG = () => id[COMMUNITIES[1].code];
  const people = async () => (await (await t.login('street1')).get(`/api/four-haves/communities/${ZHONG()}`)).json().people;
  const cadre = (post: string, source = 'recruited') => ({
    communityId: ZHONG(),
    name: '王建国',
    sex: 'M',
    birthDate: '1980-03-04',
    post,
    source,
    education: 'bachelor',
    partyMember: true,
    pensionInsured: true,
    medicalInsured: true,
    startDate: '2022-01-01',
  });

  it('counts the cadres in post, and the hand-entered head-counts only while nobody is in post', async () => {
    const street = await t.login('street1');
    expect(await people()).toMatchObject({ status: 'red', reason: '未登记社区干部和警务人员' });
    const put = await street.request({
      method: 'PUT',
      url: `/api/four-haves/communities/${ZHONG()}/staffing`,
      payload: { fullTime: 5, partTime: 1, police: 3 },
    });
    expect(put.statusCode).toBe(200);
    expect((await people()).status).toBe('green');

    // One full-time worker in post: the register now speaks for 城中, and it is short of the standard.
    expect((await street.post('/api/cadres', cadre('full_time_worker'))).statusCode).toBe(201);
    const fromCadres = await people();
    expect(fromCadres.status).toBe('red');
    expect(fromCadres.reason).toContain('1 人，标准 5 人');

    for (let i = 0; i < 4; i++) expect((await street.post('/api/cadres', cadre('full_time_worker'))).statusCode).toBe(201);
    expect((await street.post('/api/cadres', cadre('part_time_worker'))).statusCode).toBe(201);
    for (let i = 0; i < 3; i++) expect((await street.post('/api/cadres', cadre('auxiliary_police', 'assigned_police'))).statusCode).toBe(201);
    expect((await people()).status).toBe('green');
  });
});

describe('housing projects with developer-provided premises (配建)', () => {
  it('requires the tier table’s premises and alerts once 规划审批 has passed without them in the plan', async () => {
    const c = await t.login('chengdong');
    const res = await c.post('/api/housing-projects', {
      communityId: DONG(),
      name: '锦绣华庭',
      developer: '宁阳置业',
      floorAreaM2: 120_000,
      approvalOn: '2025-03-01',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ requiredM2: 1700, stage: 'approval', status: 'amber' });
    const late = await c.patch(`/api/housing-projects/${res.json().id}`, { version: 1, planningOn: '2025-09-01', plannedPremisesM2: 800 });
    expect(late.json()).toMatchObject({ stage: 'planning', status: 'red' });
    expect(late.json().reason).toBe('已过规划审批阶段，规划配建社区用房 800 m²，不足应配建的 1700 m²');
    const fixed = await c.patch(`/api/housing-projects/${res.json().id}`, { version: 2, plannedPremisesM2: 1700 });
    expect(fixed.json().status).toBe('green');
    const xi = await t.login('chengxi');
    expect((await xi.get('/api/housing-projects')).json().items.some((h: { id: string }) => h.id === res.json().id)).toBe(false);
    expect((await xi.patch(`/api/housing-projects/${res.json().id}`, { version: 3, plannedPremisesM2: 0 })).statusCode).toBe(404);
    expect((await xi.post('/api/housing-projects', { communityId: DONG(), name: 'x', developer: 'y', floorAreaM2: 10 })).statusCode).toBe(403);
  });
});

describe('the developer-premises tier table as a standard', () => {
  it('is part of the standards, with the default of DOMAIN.md §4', async () => {
    const res = await (await t.login('chengdong')).get('/api/four-haves/standards');
    expect(res.json().premisesTiers).toEqual([
      { maxFloorAreaM2: 30_000, premisesM2: 300 },
      { maxFloorAreaM2: 100_000, premisesM2: 800 },
      { maxFloorAreaM2: 180_000, premisesM2: 1_700 },
      { maxFloorAreaM2: 280_000, premisesM2: 2_500 },
      { maxFloorAreaM2: null, premisesM2: 4_800 },
    ]);
  });

  it('answers 400 naming the tier: bounds not ascending, the last tier bounded, an area not positive', async () => {
    const mzj = await t.login('mzj');
    const bad = async (premisesTiers: unknown) => (await mzj.patch('/api/four-haves/standards', { premisesTiers })).json().error;
    const e1 = await bad([
      { maxFloorAreaM2: 50_000, premisesM2: 300 },
      { maxFloorAreaM2: 50_000, premisesM2: 800 },
      { maxFloorAreaM2: null, premisesM2: 900 },
    ]);
    expect(e1).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'premisesTiers.1.maxFloorAreaM2', code: 'not_ascending' }] });
    expect(e1.message).toContain('premisesTiers.1.maxFloorAreaM2');
    expect((await bad([{ maxFloorAreaM2: 50_000, premisesM2: 300 }])).details[0].path).toBe('premisesTiers.0.maxFloorAreaM2');
    expect((await bad([{ maxFloorAreaM2: null, premisesM2: -1 }])).details[0].path).toBe('premisesTiers.0.premisesM2');
    expect((await mzj.get('/api/four-haves/standards')).json().premisesTiers).toHaveLength(5);
    expect((await (await t.login('street1')).patch('/api/four-haves/standards', { premisesTiers: [{ maxFloorAreaM2: null, premisesM2: 1 }] })).statusCode).toBe(
      403,
    );
  });

  it('judges the housing projects by the stored table, and is audited', async () => {
    const c = await t.login('chengdong');
    const project = (await c.post('/api/housing-projects', { communityId: DONG(), name: '新城佳苑', developer: '宁阳置业', floorAreaM2: 60_000 })).json();
    expect(project.requiredM2).toBe(800);
    const mzj = await t.login('mzj');
    const put = await mzj.patch('/api/four-haves/standards', {
      premisesTiers: [
        { maxFloorAreaM2: 70_000, premisesM2: 500 },
        { maxFloorAreaM2: null, premisesM2: 2_000 },
      ],
    });
    expect(put.statusCode).toBe(200);
    const judged = (await c.get(`/api/housing-projects?communityId=${DONG()}`)).json().items.find((h: { id: string }) => h.id === project.id);
    expect(judged).toMatchObject({ requiredM2: 500, status: 'amber' });
    expect(judged.reason).toContain('500 m²');
    const [entry] = await t.database.query<{ details: { fields: string[] } }>(
      `SELECT details FROM audit_log WHERE action = 'fourhaves.standards' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry.details.fields).toEqual(['premisesTiers']);
    await mzj.patch('/api/four-haves/standards', { premisesTiers: DEFAULT_TIERS });
  });
});
