import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITIES } from '../../db/seed/demo-city';
import { createTestApp, type Client, type TestApp } from '../../test/app';

let t: TestApp;
let mzj: Client;
let street1: Client;
const id: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const r of await t.database.query<{ id: string; name: string }>(`SELECT id, name FROM regions WHERE level = 'community'`)) id[r.name] = r.id;
  mzj = await t.login('mzj');
  street1 = await t.login('street1');
});
afterAll(() => t.close());

const put = (c: Client, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  c.request({ method: 'PUT', url, payload: payload as never, headers });
/** The 东城 street's communities (street1's scope). */
const DONGCHENG: string[] = COMMUNITIES.filter((c) => c.street === 0).map((c) => c.name);
const SCORES: Record<string, number> = {
  城东社区: 95,
  城中社区: 90,
  世纪社区: 85,
  城西社区: 75,
  桥西社区: 88,
  城北社区: 70,
  城南社区: 55,
  桥东社区: 72,
  河滨社区: 64,
};
const score = (value: number, extra: Record<string, unknown> = {}) => ({ score: value, inspector: '考评组', inspectedOn: '2026-11-20', ...extra });
type Line = {
  communityId: string;
  communityName: string;
  score: number | null;
  amount: number | null;
  reason: string;
  paid: number;
  scoreVersion: number | null;
};

/** A round of `year` with every community scored (the bureau for the others, the street for its own). */
async function scoredRound(year: number) {
  const res = await mzj.post('/api/award-rounds', { year });
  expect(res.statusCode).toBe(201);
  const round = res.json();
  for (const [name, s] of Object.entries(SCORES)) {
    const who = DONGCHENG.includes(name) ? street1 : mzj;
    const r = await put(who, `/api/award-rounds/${round.id}/scores/${id[name]}`, score(s));
    expect(r.statusCode, r.body).toBe(200);
  }
  return (await mzj.get(`/api/award-rounds/${round.id}`)).json();
}

describe('POST /api/award-rounds', () => {
  it('opens a year’s round with the 300,000-yuan pot by default, every community not scored yet', async () => {
    const res = await mzj.post('/api/award-rounds', { year: 2040 });
    expect(res.statusCode).toBe(201);
    const round = res.json();
    expect(round).toMatchObject({ year: 2040, pot: 300000, floorScore: 60, maxShare: 0.2, status: 'draft', version: 1 });
    expect(round.lines).toHaveLength(9);
    expect(round.lines.every((l: Line) => l.amount === null && l.reason === '尚未评分')).toBe(true);
    expect(round.blocked).toContain('9 个社区尚未评分');
  });

  it('refuses a second round of the same year (409) and a street office opening one (403)', async () => {
    expect((await mzj.post('/api/award-rounds', { year: 2040 })).statusCode).toBe(409);
    const res = await street1.post('/api/award-rounds', { year: 2041 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('names the field of a nonsense pot', async () => {
    const res = await mzj.post('/api/award-rounds', { year: 2042, pot: -5 });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('pot');
  });
});

describe('PUT /api/award-rounds/:id/scores/:communityId', () => {
  let roundId: string;
  beforeAll(async () => {
    roundId = (await mzj.post('/api/award-rounds', { year: 2043 })).json().id;
  });

  it('lets a street office score its own community, and refuses a community of another street (403)', async () => {
    const ok = await put(street1, `/api/award-rounds/${roundId}/scores/${id['城东社区']}`, score(91, { note: '台账齐全' }));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ communityName: '城东社区', score: 91, inspector: '考评组', note: '台账齐全', scoreVersion: 1 });
    const foreign = await put(street1, `/api/award-rounds/${roundId}/scores/${id['城西社区']}`, score(80));
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('OUT_OF_SCOPE');
  });

  it('refuses a community worker (no awards.write: 403)', async () => {
    const worker = await t.login('chengdong');
    const res = await put(worker, `/api/award-rounds/${roundId}/scores/${id['城东社区']}`, score(100));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('answers 409 to a stale edit and to a second “first” score', async () => {
    const url = `/api/award-rounds/${roundId}/scores/${id['城中社区']}`;
    expect((await put(street1, url, score(80))).statusCode).toBe(200);
    expect((await put(mzj, url, score(82, { version: 1 }))).json().scoreVersion).toBe(2);
    const stale = await put(street1, url, score(84, { version: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await put(street1, url, score(84))).statusCode).toBe(409);
  });

  it('names the field of a score above 100', async () => {
    const res = await put(mzj, `/api/award-rounds/${roundId}/scores/${id['城西社区']}`, score(101));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('score');
  });
});

describe('GET /api/award-rounds/:id', () => {
  let round: { id: string; lines: Line[]; total: number; blocked: string | null };
  beforeAll(async () => {
    round = await scoredRound(2044);
  });

  it('shows the city every community’s amount and why, adding up to the pot to the fen', () => {
    expect(round.blocked).toBeNull();
    expect(round.lines).toHaveLength(9);
    expect(round.total).toBe(300000);
    expect(round.lines.reduce((s, l) => s + Math.round(l.amount! * 100), 0)).toBe(30_000_000);
    const chengnan = round.lines.find((l) => l.communityName === '城南社区')!;
    expect(chengnan).toMatchObject({ amount: 0, reason: '得分 55 低于最低分 60，不予奖补' });
    expect(round.lines.find((l) => l.communityName === '城东社区')!.reason).toContain('按得分占参与分配社区总分的比例');
  });

  it('shows a street office its own communities’ lines only, and a community worker its own', async () => {
    const street = (await street1.get(`/api/award-rounds/${round.id}`)).json();
    expect(street.lines.map((l: Line) => l.communityName)).toEqual(DONGCHENG);
    const worker = (await (await t.login('chengxi')).get(`/api/award-rounds/${round.id}`)).json();
    expect(worker.lines.map((l: Line) => l.communityName)).toEqual(['城西社区']);
    expect(JSON.stringify(worker)).not.toContain(id['城东社区']);
  });

  it('answers 404 for an unknown round and 403 to a resident', async () => {
    expect((await mzj.get('/api/award-rounds/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await (await t.login('resident')).get(`/api/award-rounds/${round.id}`)).statusCode).toBe(403);
  });

  it('gives the reasons in English to an English client', async () => {
    const en = (await mzj.get(`/api/award-rounds/${round.id}`, { 'accept-language': 'en' })).json();
    expect(en.lines.find((l: Line) => l.communityName === 'Chengnan').reason).toBe('score 55 is below the floor 60: no award');
  });
});

describe('POST /api/award-rounds/:id/approve', () => {
  let round: { id: string; version: number; lines: Line[] };
  beforeAll(async () => {
    round = await scoredRound(2045);
  });

  it('refuses a community worker and a street office (only the bureau approves: 403)', async () => {
    for (const who of ['chengdong', 'street1']) {
      const res = await (await t.login(who)).post(`/api/award-rounds/${round.id}/approve`, { version: round.version });
      expect(res.statusCode).toBe(403);
    }
  });

  it('refuses a round with a community not scored (400 naming the scores)', async () => {
    const open = (await mzj.post('/api/award-rounds', { year: 2046 })).json();
    const res = await mzj.post(`/api/award-rounds/${open.id}/approve`, { version: open.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('scores');
  });

  it('answers 409 to a stale version', async () => {
    const res = await mzj.post(`/api/award-rounds/${round.id}/approve`, { version: round.version + 5 });
    expect(res.statusCode).toBe(409);
  });

  it('freezes the amounts; scores and the formula can no longer change (409 with a bilingual reason)', async () => {
    const res = await mzj.post(`/api/award-rounds/${round.id}/approve`, { version: round.version });
    expect(res.statusCode).toBe(200);
    const approved = res.json();
    expect(approved).toMatchObject({ status: 'approved', approvedBy: '市民政局 王科长', total: 300000 });
    expect(approved.lines.map((l: Line) => l.amount)).toEqual(round.lines.map((l) => l.amount));

    const edit = await put(mzj, `/api/award-rounds/${round.id}/scores/${id['城东社区']}`, score(10, { version: 1 }));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({ code: 'AWARD_ROUND_FROZEN' });
    expect(edit.json().error.message).toBe('2045 年度以奖代补方案已审批，得分和金额已冻结，不能再修改');
    const en = await put(mzj, `/api/award-rounds/${round.id}/scores/${id['城东社区']}`, score(10, { version: 1 }), { 'accept-language': 'en' });
    expect(en.json().error.message).toContain('frozen');
    expect((await mzj.patch(`/api/award-rounds/${round.id}`, { version: approved.version, floorScore: 10 })).statusCode).toBe(409);
    expect((await mzj.post(`/api/award-rounds/${round.id}/approve`, { version: approved.version })).statusCode).toBe(409);
    const stored = await t.database.query<{ fen: number }>(`SELECT sum(amount_fen)::float8 AS fen FROM award_allocations WHERE round_id = $1`, [round.id]);
    expect(stored[0].fen).toBe(30_000_000);
  });
});

describe('POST /api/award-rounds/:id/payments', () => {
  let round: { id: string; version: number; lines: Line[] };
  beforeAll(async () => {
    const draft = await scoredRound(2047);
    round = (await mzj.post(`/api/award-rounds/${draft.id}/approve`, { version: draft.version })).json();
  });
  const lineOf = (name: string) => round.lines.find((l) => l.communityName === name)!;

  it('refuses a payment on a draft round (409)', async () => {
    const draft = (await mzj.post('/api/award-rounds', { year: 2048 })).json();
    const res = await mzj.post(`/api/award-rounds/${draft.id}/payments`, { communityId: id['城东社区'], paidOn: '2026-12-01', amount: 1, voucher: 'X-1' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('AWARD_ROUND_NOT_APPROVED');
  });

  it('refuses a street office (403) and more than the community’s unpaid amount (400 naming the amount)', async () => {
    const body = { communityId: id['城东社区'], paidOn: '2026-12-01', amount: 1, voucher: 'X-1' };
    expect((await street1.post(`/api/award-rounds/${round.id}/payments`, body)).statusCode).toBe(403);
    const res = await mzj.post(`/api/award-rounds/${round.id}/payments`, { ...body, amount: lineOf('城东社区').amount! + 0.01 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('amount');
  });

  it('records the payment and enters the 以奖代补 allocation in the four-haves funding ledger', async () => {
    const res = await mzj.post(`/api/award-rounds/${round.id}/payments`, {
      communityId: id['城东社区'],
      paidOn: '2026-12-01',
      amount: 1000,
      voucher: 'JB-2047-1',
    });
    expect(res.statusCode).toBe(201);
    const after = res.json();
    expect(after.lines.find((l: Line) => l.communityName === '城东社区').paid).toBe(1000);
    expect(after.payments).toHaveLength(1);
    const ledger = (await mzj.get(`/api/funding?communityId=${id['城东社区']}&year=2047`)).json();
    const entry = ledger.items.find((e: { id: string }) => e.id === after.payments[0].fundingEntryId);
    expect(entry).toMatchObject({ kind: 'allocation', source: 'reward', amount: 1000, entryDate: '2026-12-01', voucher: 'JB-2047-1' });
    // The street sees the payment of its community; another street's worker does not.
    expect((await street1.get(`/api/award-rounds/${round.id}`)).json().payments).toHaveLength(1);
    expect((await (await t.login('chengxi')).get(`/api/award-rounds/${round.id}`)).json().payments).toHaveLength(0);
  });

  it('marks the round paid once every amount is paid', async () => {
    let last;
    for (const l of round.lines) {
      const due = Math.round((l.amount! - (l.communityName === '城东社区' ? 1000 : 0)) * 100) / 100;
      if (due <= 0) continue;
      last = await mzj.post(`/api/award-rounds/${round.id}/payments`, {
        communityId: l.communityId,
        paidOn: '2026-12-20',
        amount: due,
        voucher: `JB-${l.communityName}`,
      });
      expect(last.statusCode, last.body).toBe(201);
    }
    expect(last!.json()).toMatchObject({ status: 'paid', paid: 300000 });
  });
});

describe('GET /api/award-rounds/:id/export', () => {
  it('exports the distribution as .xlsx with a total, and 404 for a community outside the scope', async () => {
    const round = await scoredRound(2049);
    const res = await mzj.get(`/api/award-rounds/${round.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-row-count']).toBe('9');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A1').value)).toBe('2049 年度社区建设以奖代补资金分配表');
    expect(ws.getRow(ws.rowCount).getCell(5).value).toBe(300000);
    expect((await street1.get(`/api/award-rounds/${round.id}/export?communityId=${id['城西社区']}`)).statusCode).toBe(404);
  });
});

describe('GET /api/award-rounds', () => {
  it('lists the rounds with what is scored in the caller’s communities', async () => {
    const items = (await street1.get('/api/award-rounds')).json().items;
    const r2044 = items.find((r: { year: number }) => r.year === 2044);
    expect(r2044).toMatchObject({ scored: 3, communities: 3, status: 'draft' });
  });
});

describe('a round scored by inspection items', () => {
  const items = [
    { key: 'order', label: '管理有序', weight: 1 },
    { key: 'four_haves', label: '四有建设', weight: 3 },
  ];
  let round: { id: string; version: number };
  beforeAll(async () => {
    round = (await mzj.post('/api/award-rounds', { year: 2050, items })).json();
  });

  it('weighs the item scores into the overall score and keeps each item', async () => {
    const res = await put(street1, `/api/award-rounds/${round.id}/scores/${id['城东社区']}`, {
      itemScores: { order: 80, four_haves: 60 },
      inspector: '东城街道考评组',
      inspectedOn: '2026-11-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ score: 65, itemScores: { order: 80, four_haves: 60 } });
  });

  it('names a missing item and refuses an overall score alone (400)', async () => {
    const url = `/api/award-rounds/${round.id}/scores/${id['城中社区']}`;
    const missing = await put(street1, url, { itemScores: { order: 80 }, inspector: '考评组', inspectedOn: '2026-11-20' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('itemScores.four_haves');
    const overall = await put(street1, url, score(80));
    expect(overall.json().error.details[0].path).toBe('itemScores');
  });

  it('fixes the items once a community is scored (400 naming the items)', async () => {
    const current = (await mzj.get(`/api/award-rounds/${round.id}`)).json();
    expect(current.items).toEqual(items);
    const res = await mzj.patch(`/api/award-rounds/${round.id}`, { version: current.version, items: [{ key: 'order', label: '管理有序', weight: 1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('items');
  });
});
