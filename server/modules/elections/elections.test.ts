import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '../../../shared/domain/permissions';
import { DEMO_ACCOUNTS } from '../../db/seed';
import type { Actor, Grant } from '../../lib/context';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from '../households/registry.factory';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
});
afterAll(() => t.close());

const DAY = '2026-05-16';
let termSeq = 100;

async function createElection(c: Client, communityCode: string, over: Record<string, unknown> = {}) {
  const communityId = await f.regionId(communityCode);
  const res = await c.post('/api/elections', {
    communityId,
    term: ++termSeq,
    mode: 'all_voters',
    seatsDirector: 1,
    seatsDeputy: 1,
    seatsMember: 3,
    electionDate: DAY,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('POST /api/elections/tally-preview', () => {
  const body = {
    seats: 2,
    registeredVoters: 100,
    ballotsIssued: 80,
    ballotsReturned: 80,
    invalidBallots: 2,
    requireWoman: true,
    candidates: [
      { id: '1', name: '张伟', sex: 'M' },
      { id: '2', name: '李强', sex: 'M' },
      { id: '3', name: '王芳', sex: 'F' },
    ],
    votes: { '1': 60, '2': 50, '3': 45 },
  };

  it('counts by the double majority and elects the best-placed woman over half in place of the last man', async () => {
    const c = await t.login('chengdong');
    const res = await c.post('/api/elections/tally-preview', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, elected: ['1', '3'], unfilledSeats: 0, runoffCandidates: [] });
    expect(res.json().reasons[0]).toMatchObject({ code: 'WOMAN_REPLACES_LAST' });
  });

  it('answers valid:false with a reason, not 400, when more ballots came back than were issued', async () => {
    const c = await t.login('street1');
    const res = await c.post('/api/elections/tally-preview', { ...body, ballotsIssued: 79 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: false, elected: [], unfilledSeats: 2 });
    expect(res.json().reasons.map((r: { code: string }) => r.code)).toEqual(['RETURNED_EXCEEDS_ISSUED']);
  });

  it('answers 400 naming the field for a negative count, votes for an unknown candidate, or a duplicate id', async () => {
    const c = await t.login('chengdong');
    const negative = await c.post('/api/elections/tally-preview', { ...body, invalidBallots: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details.map((d: { path: string }) => d.path)).toContain('invalidBallots');
    const unknown = await c.post('/api/elections/tally-preview', { ...body, votes: { ...body.votes, '9': 3 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ path: 'votes.9', code: 'unknown_candidate' })]);
    const dup = await c.post('/api/elections/tally-preview', { ...body, candidates: [...body.candidates, { id: '1', name: '赵六', sex: 'M' }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details[0].path).toBe('candidates.3.id');
    const sex = await c.post('/api/elections/tally-preview', { ...body, candidates: [{ id: '1', name: '张伟', sex: 'X' }], votes: {} });
    expect(sex.statusCode).toBe(400);
    expect(sex.json().error.message).toContain('candidates.0.sex');
  });

  it('refuses a resident and an administrator (no elections permission)', async () => {
    expect((await (await t.login('resident')).post('/api/elections/tally-preview', body)).statusCode).toBe(403);
  });
});

describe('elections: create, scope, roll, candidates, count, result', () => {
  it('creates an election with its statutory timeline under the law in force on election day', async () => {
    const c = await t.login('chengdong');
    const e = await createElection(c, COMMUNITY.城东);
    expect(e.communityName).toBe('城东社区');
    expect(e.lawCode).toBe('2026');
    expect(e.status).toBe('preparing');
    expect(e.timeline.find((d: { key: string }) => d.key === 'voterListPublished').date).toBe('2026-04-26');
    expect(e.timeline.find((d: { key: string }) => d.key === 'handover').date).toBe('2026-05-26');
  });

  it('refuses a committee outside 5–9 members, and a second director, naming the fields', async () => {
    const c = await t.login('chengdong');
    const communityId = await f.regionId(COMMUNITY.城东);
    const res = await c.post('/api/elections', {
      communityId,
      term: 1,
      mode: 'all_voters',
      seatsDirector: 2,
      seatsDeputy: 1,
      seatsMember: 8,
      electionDate: DAY,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['seatsDirector', 'seatsMember']);
  });

  it('refuses chengxi an election in 城东 (403) and hides 城东 elections from chengxi (404, not listed)', async () => {
    const dong = await t.login('chengdong');
    const e = await createElection(dong, COMMUNITY.城东);
    const xi = await t.login('chengxi');
    const communityId = await f.regionId(COMMUNITY.城东);
    const create = await xi.post('/api/elections', {
      communityId,
      term: 999,
      mode: 'all_voters',
      seatsDirector: 1,
      seatsDeputy: 1,
      seatsMember: 3,
      electionDate: DAY,
    });
    expect(create.statusCode).toBe(403);
    expect((await dong.get(`/api/elections/${e.id}`)).json().capabilities).toEqual({ canEdit: true });
    expect((await xi.get(`/api/elections/${e.id}`)).statusCode).toBe(404);
    expect((await xi.post(`/api/elections/${e.id}/derive-roll`)).statusCode).toBe(404);
    expect((await xi.get(`/api/elections/${e.id}/voters`)).statusCode).toBe(404);
    const list = (await xi.get('/api/elections?pageSize=200')).json();
    expect(list.items.some((x: { id: string }) => x.id === e.id)).toBe(false);
  });

  it('shows a street its communities’ elections only, and a grid worker none', async () => {
    const dong = await createElection(await t.login('chengdong'), COMMUNITY.城东);
    const xi = await createElection(await t.login('chengxi'), COMMUNITY.城西);
    const street = await t.login('street1');
    const ids = (await street.get('/api/elections?pageSize=200')).json().items.map((x: { id: string }) => x.id);
    expect(ids).toContain(dong.id);
    expect(ids).not.toContain(xi.id);
    expect((await street.get(`/api/elections/${xi.id}`)).statusCode).toBe(404);
    const grid = await t.login('grid-chengdong');
    // A 网格员 holds no elections permission: an election is the whole community's.
    expect((await grid.get(`/api/elections/${dong.id}`)).statusCode).toBe(403);
    expect((await grid.get('/api/elections')).statusCode).toBe(403);
  });

  it('derives the roll on election day (18+, living, registered), a household-representative roll, and keeps audited corrections', async () => {
    const c = await t.login('chengxi');
    const e = await createElection(c, COMMUNITY.城西);
    const place = await f.grid(COMMUNITY.城西, 2);
    const h = await f.household(place);
    const at = { ...place, householdId: h.id };
    const head = await f.resident(at, { relationToHead: 'head', birthDate: '1960-03-01', sex: 'M' });
    const wife = await f.resident(at, { relationToHead: 'spouse', birthDate: '1962-03-01', sex: 'F' });
    // 18 on election day exactly: a voter. One day younger: not.
    const son = await f.resident(at, { relationToHead: 'son', birthDate: '2008-05-16' });
    const daughter = await f.resident(at, { relationToHead: 'daughter', birthDate: '2008-05-17' });
    const dead = await f.resident(at, { relationToHead: 'father', birthDate: '1930-01-01', status: 'deceased' });
    const floating = await f.resident(place, { birthDate: '1990-01-01', residenceType: 'floating' });
    const derived = await c.post(`/api/elections/${e.id}/derive-roll`);
    expect(derived.statusCode, derived.body).toBe(200);
    const roll = (await c.get(`/api/elections/${e.id}/voters?pageSize=200`)).json();
    const on = new Set(roll.items.map((v: { residentId: string }) => v.residentId));
    expect([head.id, wife.id, son.id].every((id) => on.has(id))).toBe(true);
    expect([daughter.id, dead.id, floating.id].some((id) => on.has(id))).toBe(false);
    expect(roll.items[0].idMasked).toMatch(/\*{8}/);
    const reps = (await c.get(`/api/elections/${e.id}/voters?view=reps&pageSize=200`)).json();
    expect(reps.items.filter((v: { address: string }) => v.address === h.address).map((v: { residentId: string }) => v.residentId)).toEqual([head.id]);

    // The floating resident applied and is added by hand; the son is removed on an objection.
    expect((await c.post(`/api/elections/${e.id}/voters`, { residentId: floating.id, reason: '居住满一年，本人申请' })).statusCode).toBe(200);
    expect((await c.post(`/api/elections/${e.id}/voters/remove`, { residentId: son.id, reason: '异议成立：已在外地登记' })).statusCode).toBe(200);
    // Deriving again keeps both corrections.
    const again = (await c.post(`/api/elections/${e.id}/derive-roll`)).json();
    expect(again.manualKept).toBe(2);
    const after = new Set((await c.get(`/api/elections/${e.id}/voters?pageSize=200`)).json().items.map((v: { residentId: string }) => v.residentId));
    expect(after.has(floating.id)).toBe(true);
    expect(after.has(son.id)).toBe(false);
    // The published roll as .xlsx: the same voters, masked.
    const xlsx = await c.get(`/api/elections/${e.id}/voters/export`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(Number(xlsx.headers['x-row-count'])).toBe(after.size);
    // The shared download headers: an ASCII fallback name, the Chinese one encoded, never cached.
    expect(String(xlsx.headers['content-disposition'])).toMatch(/^attachment; filename="voters\.xlsx"; filename\*=UTF-8''.+\.xlsx$/);
    expect(xlsx.headers['cache-control']).toBe('no-store');
    const excluded = (await c.get(`/api/elections/${e.id}/voters?view=excluded`)).json();
    expect(excluded.items).toEqual([expect.objectContaining({ residentId: son.id, reason: '异议成立：已在外地登记' })]);
    const audit = await t.database.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE object_id = $1 AND action LIKE 'elections.voter.%' ORDER BY seq`,
      [e.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['elections.voter.add', 'elections.voter.remove']);
    // A child cannot be added by hand.
    const child = await c.post(`/api/elections/${e.id}/voters`, { residentId: daughter.id, reason: '测试' });
    expect(child.statusCode).toBe(400);
    expect(child.json().error.details[0]).toMatchObject({ path: 'residentId', code: 'under_age' });
  });

  it('runs an election: nominations with the checks, counts per station, result, announcement', async () => {
    const c = await t.login('street1');
    const e = await createElection(c, COMMUNITY.城中, { seatsDeputy: 0, seatsMember: 4 });
    const place = await f.grid(COMMUNITY.城中, 1);
    // Six adults in separate households, plus a married couple in one household.
    const people = [];
    for (let i = 0; i < 6; i++) {
      const h = await f.household(place);
      people.push(await f.resident({ ...place, householdId: h.id }, { relationToHead: 'head', birthDate: `197${i}-01-01`, sex: i === 5 ? 'F' : 'M' }));
    }
    const couple = await f.household(place);
    const husband = await f.resident({ ...place, householdId: couple.id }, { relationToHead: 'head', birthDate: '1970-06-01', sex: 'M' });
    const wife = await f.resident({ ...place, householdId: couple.id }, { relationToHead: 'spouse', birthDate: '1972-06-01', sex: 'F' });
    expect((await c.post(`/api/elections/${e.id}/derive-roll`)).json().voterCount).toBe(8);

    const few = await c.post(`/api/elections/${e.id}/candidates`, { residentId: people[0]!.id, post: 'director', nominatorCount: 9 });
    expect(few.statusCode).toBe(400);
    expect(few.json().error.details[0].path).toBe('nominatorCount');
    const ids: string[] = [];
    for (const [i, p] of [...people, husband, wife].entries()) {
      const res = await c.post(`/api/elections/${e.id}/candidates`, { residentId: p.id, post: i <= 1 ? 'director' : 'member', nominatorCount: 12 });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const dup = await c.post(`/api/elections/${e.id}/candidates`, { residentId: people[1]!.id, post: 'member', nominatorCount: 12 });
    expect(dup.statusCode).toBe(409);
    const detail = (await c.get(`/api/elections/${e.id}`)).json();
    const check = (code: string) => detail.checks.find((x: { code: string }) => x.code === code);
    expect(check('MORE_CANDIDATES_THAN_SEATS').ok).toBe(true);
    expect(check('WOMAN_CANDIDATE').ok).toBe(true);
    expect(check('NEAR_RELATIVES').ok).toBe(false);
    expect(detail.conflicts).toEqual([expect.objectContaining({ relationA: expect.any(String), relationB: expect.any(String) })]);
    expect(new Set([detail.conflicts[0].nameA, detail.conflicts[0].nameB])).toEqual(new Set([husband.name, wife.name]));

    // Two stations; 8 voters, 7 vote. Candidates 0–3 get 6, 5, 5, 3; the woman (5) gets 3: not over half of 7.
    const v = (a: number[]) => Object.fromEntries(a.map((n, i) => [ids[i]!, n]));
    const s1 = await c.post(`/api/elections/${e.id}/tallies`, {
      station: '第一投票站',
      ballotsIssued: 4,
      ballotsReturned: 4,
      invalidBallots: 0,
      votes: v([4, 3, 3, 3, 0, 2, 0, 0]),
    });
    expect(s1.statusCode, s1.body).toBe(200);
    const s2 = await c.post(`/api/elections/${e.id}/tallies`, {
      station: '第二投票站',
      ballotsIssued: 3,
      ballotsReturned: 3,
      invalidBallots: 0,
      votes: v([2, 2, 2, 0, 1, 1, 0, 0]),
    });
    expect(s2.statusCode).toBe(200);
    const bad = await c.post(`/api/elections/${e.id}/tallies`, {
      station: '第三投票站',
      ballotsIssued: 1,
      ballotsReturned: 1,
      invalidBallots: 0,
      votes: { nobody: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('votes.nobody');

    const result = await c.post(`/api/elections/${e.id}/result`, { round: 1 });
    expect(result.statusCode, result.body).toBe(200);
    const r = result.json();
    expect(r).toMatchObject({ valid: true, registeredVoters: 8, ballotsReturned: 7 });
    // 6, 5, 5 over half of 7; the 4th man (3 votes) is not, nor the woman (3): two seats open, one kept for a woman.
    expect(r.elected).toEqual([ids[0], ids[1], ids[2]]);
    expect(r.unfilledSeats).toBe(2);
    expect(r.runoffCandidates).toContain(ids[5]);
    expect((await c.get(`/api/elections/${e.id}`)).json().status).toBe('runoff');

    // Second round for the two seats among the runoff candidates: the floor is 1/3 of ballots cast.
    const runoffVotes = Object.fromEntries(r.runoffCandidates.map((id: string) => [id, id === ids[5] ? 5 : id === ids[3] ? 4 : 1]));
    expect(
      (
        await c.post(`/api/elections/${e.id}/tallies`, {
          round: 2,
          station: '中心会场',
          ballotsIssued: 7,
          ballotsReturned: 7,
          invalidBallots: 0,
          votes: runoffVotes,
        })
      ).statusCode,
    ).toBe(200);
    const second = (await c.post(`/api/elections/${e.id}/result`, { round: 2 })).json();
    expect(second.elected).toEqual([ids[5], ids[3]]);
    const done = (await c.get(`/api/elections/${e.id}`)).json();
    expect(done.status).toBe('completed');
    expect(done.results).toHaveLength(2);

    const ann = (await c.get(`/api/elections/${e.id}/announcement`)).json();
    expect(ann.communityName).toBe('城中社区');
    expect(ann.elected.map((x: { name: string }) => x.name)[0]).toBe(people[0]!.name);
    expect(ann.elected).toHaveLength(5);
    expect(ann.handoverBy).toBe('2026-05-26');
    // Closed: no more counts.
    expect(
      (await c.post(`/api/elections/${e.id}/tallies`, { station: '补录', ballotsIssued: 1, ballotsReturned: 1, invalidBallots: 0, votes: {} })).statusCode,
    ).toBe(409);
  });

  it('marks an election void when turnout is not over half, and puts the re-run on the workbench', async () => {
    const c = await t.login('street1');
    const e = await createElection(c, COMMUNITY.世纪, { electionDate: '2026-12-01' });
    const place = await f.grid(COMMUNITY.世纪, 1);
    for (let i = 0; i < 4; i++) await f.resident(place, { birthDate: '1980-01-01' });
    await c.post(`/api/elections/${e.id}/derive-roll`);
    const res = await c.post(`/api/elections/${e.id}/tallies`, { station: '一站', ballotsIssued: 4, ballotsReturned: 2, invalidBallots: 0, votes: {} });
    expect(res.statusCode).toBe(200);
    const r = (await c.post(`/api/elections/${e.id}/result`, { round: 1 })).json();
    expect(r.valid).toBe(false);
    expect(r.reasons[0].code).toBe('TURNOUT_NOT_MAJORITY');
    expect((await c.get(`/api/elections/${e.id}`)).json().status).toBe('void');
    const wb = await t.app.services.elections.workbench(await actorOf('street1'), '2026-12-05');
    expect((await t.app.services.elections.workbench(await actorOf('chengxi'), '2026-12-05')).todos?.some((x) => x.id.endsWith(e.id))).toBe(false);
    expect(wb.todos?.some((x) => x.id === `elections:rerunIfVoid:${e.id}` && x.dueDate === '2026-12-31')).toBe(true);
    expect(wb.cards?.[0]?.key).toBe('elections.open');
  });
});

describe('group-representative elections (居民小组代表选举)', () => {
  it('puts on the roll exactly the representatives current on election day; an excluded one leaves; turnout and recall count against them', async () => {
    const c = await t.login('chengxi');
    const communityId = await f.regionId(COMMUNITY.城西);
    const place = await f.grid(COMMUNITY.城西, 1);
    const people: { id: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const h = await f.household(place);
      people.push(await f.resident({ ...place, householdId: h.id }, { relationToHead: 'head', birthDate: `198${i}-02-01`, sex: i % 2 ? 'F' : 'M' }));
    }
    const group = (await c.post('/api/organisations', { communityId, type: 'residents_group', name: '城西第九居民小组' })).json();
    const join = async (p: { id: string }, role: string, startDate: string) => {
      const res = await c.post(`/api/organisations/${group.id}/members`, { residentId: p.id, role, startDate });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    const reps: { id: string; version: number }[] = [];
    for (const p of people.slice(0, 3)) reps.push(await join(p, 'representative', '2024-01-01'));
    // Not representing the group on election day: one who left before it, one who joined after it, the leader.
    const left = await join(people[3]!, 'representative', '2021-06-01');
    expect((await c.post(`/api/organisations/${group.id}/members/${left.id}/end`, { version: left.version, endDate: '2026-03-31' })).statusCode).toBe(200);
    await join(people[4]!, 'representative', '2026-06-01');
    await join(people[5]!, 'leader', '2024-01-01');

    const e = await createElection(c, COMMUNITY.城西, { mode: 'group_reps' });
    const derived = await c.post(`/api/elections/${e.id}/derive-roll`);
    expect(derived.statusCode, derived.body).toBe(200);
    expect(derived.json().groupRepCount).toBe(3);
    // Everyone else is on the roll as a voter: a count against all voters would differ.
    expect(derived.json().voterCount).toBeGreaterThanOrEqual(7);
    const groupRoll = async () => (await c.get(`/api/elections/${e.id}/voters?view=group_reps&pageSize=200`)).json();
    const first = await groupRoll();
    expect(first.total).toBe(3);
    expect(new Set(first.items.map((v: { residentId: string }) => v.residentId))).toEqual(new Set(people.slice(0, 3).map((p) => p.id)));
    expect(first.items.every((v: { groupRep: boolean }) => v.groupRep)).toBe(true);
    const all = (await c.get(`/api/elections/${e.id}/voters?pageSize=200`)).json();
    expect(all.items.find((v: { residentId: string }) => v.residentId === people[5]!.id)).toMatchObject({ groupRep: false });
    expect((await c.get(`/api/elections/${e.id}`)).json()).toMatchObject({ mode: 'group_reps', groupRepCount: 3 });

    // Excluded: off the group roll, and deriving again does not bring them back.
    expect((await c.post(`/api/elections/${e.id}/voters/remove`, { residentId: people[2]!.id, reason: '异议成立：已迁出' })).statusCode).toBe(200);
    expect((await groupRoll()).total).toBe(2);
    expect((await c.post(`/api/elections/${e.id}/derive-roll`)).json().groupRepCount).toBe(2);
    const excluded = (await c.get(`/api/elections/${e.id}/voters?view=excluded`)).json();
    expect(excluded.items).toEqual([expect.objectContaining({ residentId: people[2]!.id, groupRep: false, householdRep: false })]);
    // Taken back by hand while still a representative: on the group roll again at once.
    expect((await c.post(`/api/elections/${e.id}/voters`, { residentId: people[2]!.id, reason: '异议复核：仍在本社区居住' })).statusCode).toBe(200);
    expect((await c.get(`/api/elections/${e.id}`)).json().groupRepCount).toBe(3);
    // A representative whose membership ends before election day leaves it at the next derivation.
    expect((await c.post(`/api/organisations/${group.id}/members/${reps[1]!.id}/end`, { version: 1, endDate: '2026-04-30' })).statusCode).toBe(200);
    expect((await c.post(`/api/elections/${e.id}/derive-roll`)).json().groupRepCount).toBe(2);
    expect(new Set((await groupRoll()).items.map((v: { residentId: string }) => v.residentId))).toEqual(new Set([people[0]!.id, people[2]!.id]));

    // The published group roll: its own title, the 居民小组代表 column, its rows.
    const xlsx = await c.get(`/api/elections/${e.id}/voters/export?view=group_reps`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['x-row-count']).toBe('2');
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('居民小组代表名单.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('居民小组代表名单');
    expect(ws.getRow(2).values).toContain('居民小组代表');
    const column = (ws.getRow(2).values as unknown[]).indexOf('居民小组代表');
    expect([ws.getRow(3).getCell(column).value, ws.getRow(4).getCell(column).value]).toEqual(['是', '是']);

    // Five seats, two representatives vote: valid (over half of 2), though 2 is not over half of all voters.
    const ids: string[] = [];
    for (const [i, p] of people.slice(0, 5).entries()) {
      const res = await c.post(`/api/elections/${e.id}/candidates`, {
        residentId: p.id,
        post: i === 0 ? 'director' : i === 1 ? 'deputy' : 'member',
        nominatorCount: 10,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const votes = Object.fromEntries(ids.map((id) => [id, 2]));
    expect(
      (await c.post(`/api/elections/${e.id}/tallies`, { station: '居民小组代表会议', ballotsIssued: 2, ballotsReturned: 2, invalidBallots: 0, votes }))
        .statusCode,
    ).toBe(200);
    const result = await c.post(`/api/elections/${e.id}/result`, { round: 1 });
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toMatchObject({ valid: true, registeredVoters: 2, ballotsReturned: 2 });
    expect(result.json().elected).toHaveLength(5);
    // A recall is proposed by 1/5 of the same roll: one representative suffices.
    const k = await c.post(`/api/elections/${e.id}/recalls`, { candidateId: ids[0], proposerCount: 1, reason: '长期不履行职责', proposedOn: '2026-06-01' });
    expect(k.statusCode, k.body).toBe(201);
    expect((await c.get(`/api/elections/${e.id}`)).json().recalls[0]).toMatchObject({ registeredVoters: 2, proposersNeeded: 1 });
  });

  it('refuses the group-representative view and export to a street the community is not under (404), and to a grid worker (403)', async () => {
    const e = await createElection(await t.login('chengxi'), COMMUNITY.城西, { mode: 'group_reps' });
    const street = await t.login('street1');
    expect((await street.get(`/api/elections/${e.id}/voters?view=group_reps`)).statusCode).toBe(404);
    expect((await street.get(`/api/elections/${e.id}/voters/export?view=group_reps`)).statusCode).toBe(404);
    expect((await (await t.login('grid-chengdong')).get(`/api/elections/${e.id}/voters?view=group_reps`)).statusCode).toBe(403);
    const bad = await (await t.login('chengxi')).get(`/api/elections/${e.id}/voters?view=groups`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('view');
  });
});

/** The actor of a demo account, as the workbench hook receives it. */
async function actorOf(username: string): Promise<Actor> {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username)!;
  const [region] = await t.database.query<{ id: string; path: string; name: string; level: Grant['regionLevel'] }>(
    'SELECT id, path::text AS path, name, level FROM regions WHERE code = $1',
    [a.region],
  );
  return {
    userId: username,
    username,
    displayName: a.displayName,
    residentId: null,
    mustChangePassword: false,
    totpEnabled: false,
    totpSetupRequired: false,
    grants: [{ role: a.role, regionId: region!.id, regionPath: region!.path, regionName: region!.name, regionLevel: region!.level, domain: a.domain ?? null }],
    permissions: new Set(permissionsOf(a.role, a.domain ?? null)),
    sessionTokenHash: '',
    csrfToken: '',
  };
}
