import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '../../../shared/domain/permissions';
import { DEMO_ACCOUNTS } from '../../db/seed';
import type { Actor, Grant } from '../../lib/context';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from '../households/registry.factory';

/** Objections to the roll, recalls, and editing or withdrawing an election before its count. */
let t: TestApp;
let f: ReturnType<typeof registryFactory>;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
});
afterAll(() => t.close());

// Election day 2026-05-16: the list is published 2026-04-26, objections close 2026-05-01, answers are due 2026-05-04.
const DAY = '2026-05-16';
let termSeq = 300;

async function createElection(c: Client, communityCode: string, over: Record<string, unknown> = {}) {
  const res = await c.post('/api/elections', {
    communityId: await f.regionId(communityCode),
    term: ++termSeq,
    mode: 'all_voters',
    seatsDirector: 1,
    seatsDeputy: 0,
    seatsMember: 4,
    electionDate: DAY,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const actions = async (id: string, like: string) =>
  (await t.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1 AND action LIKE $2 ORDER BY seq`, [id, like])).map(
    (a) => a.action,
  );

describe('objections to the voter roll', () => {
  it('files objections within the window, answers them by the deadline, and an upheld one corrects the roll (audited)', async () => {
    const c = await t.login('chengxi');
    const e = await createElection(c, COMMUNITY.城西);
    const place = await f.grid(COMMUNITY.城西, 1);
    const h = await f.household(place);
    const at = { ...place, householdId: h.id };
    const head = await f.resident(at, { relationToHead: 'head', birthDate: '1960-03-01', sex: 'M' });
    const son = await f.resident(at, { relationToHead: 'son', birthDate: '1990-05-16' });
    const floating = await f.resident(place, { birthDate: '1985-01-01', residenceType: 'floating' });
    expect((await c.post(`/api/elections/${e.id}/derive-roll`)).statusCode).toBe(200);

    const url = `/api/elections/${e.id}/objections`;
    const exclude = { kind: 'exclude', residentId: son.id, filedBy: '王大爷', reason: '已在外地参加选举', filedOn: '2026-04-28' };
    const late = await c.post(url, { ...exclude, filedOn: '2026-05-02' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0]).toMatchObject({ path: 'filedOn', code: 'outside_window' });
    const early = await c.post(url, { ...exclude, filedOn: '2026-04-25' });
    expect(early.json().error.details[0]).toMatchObject({ path: 'filedOn', code: 'outside_window' });
    const notOn = await c.post(url, { ...exclude, residentId: floating.id });
    expect(notOn.json().error.details[0]).toMatchObject({ path: 'residentId', code: 'not_on_roll' });
    const already = await c.post(url, { ...exclude, kind: 'include', residentId: head.id });
    expect(already.json().error.details[0]).toMatchObject({ path: 'residentId', code: 'already_on_roll' });

    const o1 = await c.post(url, exclude);
    expect(o1.statusCode, o1.body).toBe(201);
    const o2 = await c.post(url, { kind: 'include', residentId: floating.id, filedBy: '本人', reason: '居住满一年，申请参加选举', filedOn: '2026-05-01' });
    expect(o2.statusCode).toBe(201);
    const o3 = await c.post(url, { kind: 'include', residentId: floating.id, filedBy: '社区民警', reason: '同一人再次提出', filedOn: '2026-04-30' });
    expect(o3.statusCode).toBe(201);

    // Open past the deadline: overdue on the list and on the 工作台 of 城西 only.
    const detail = (await c.get(`/api/elections/${e.id}`)).json();
    expect(detail.objections).toHaveLength(3);
    expect(detail.objections[0]).toMatchObject({ kind: 'exclude', residentName: son.name, status: 'open', answerDue: '2026-05-04', late: true });
    const wb = await t.app.services.elections.workbench(await actorOf('chengxi'), '2026-11-30');
    expect(wb.todos?.find((x) => x.id === `elections:objection:${o1.json().id}`)).toMatchObject({ dueDate: '2026-05-04', link: `/elections/${e.id}` });
    const dongWb = await t.app.services.elections.workbench(await actorOf('chengdong'), '2026-11-30');
    expect(dongWb.todos?.some((x) => x.id === `elections:objection:${o1.json().id}`)).toBe(false);

    const answer = (id: string) => `/api/elections/${e.id}/objections/${id}/answer`;
    const before = await c.post(answer(o1.json().id), { decision: 'upheld', answer: '经核实属实', answeredOn: '2026-04-27' });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.details[0]).toMatchObject({ path: 'answeredOn', code: 'before_filed' });
    const up = await c.post(answer(o1.json().id), { decision: 'upheld', answer: '经核实属实，移出名单', answeredOn: '2026-05-03' });
    expect(up.statusCode, up.body).toBe(200);
    const again = await c.post(answer(o1.json().id), { decision: 'rejected', answer: '再次答复', answeredOn: '2026-05-03' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('OBJECTION_ANSWERED');
    // Rejected: the roll stays; upheld late: the floating resident is added, the answer shown late.
    expect((await c.post(answer(o3.json().id), { decision: 'rejected', answer: '重复提出', answeredOn: '2026-05-02' })).statusCode).toBe(200);
    expect((await c.post(answer(o2.json().id), { decision: 'upheld', answer: '符合条件，予以补登', answeredOn: '2026-05-06' })).statusCode).toBe(200);

    const roll = new Set((await c.get(`/api/elections/${e.id}/voters?pageSize=200`)).json().items.map((v: { residentId: string }) => v.residentId));
    expect(roll.has(son.id)).toBe(false);
    expect(roll.has(floating.id)).toBe(true);
    const after = (await c.get(`/api/elections/${e.id}`)).json().objections;
    expect(after.map((o: { status: string; late: boolean }) => [o.status, o.late])).toEqual([
      ['upheld', false],
      ['rejected', false],
      ['upheld', true],
    ]);
    expect(await actions(e.id, 'elections.%')).toEqual([
      'elections.create',
      'elections.roll.derive',
      'elections.objection.file',
      'elections.objection.file',
      'elections.objection.file',
      'elections.voter.remove',
      'elections.objection.answer',
      'elections.objection.answer',
      'elections.voter.add',
      'elections.objection.answer',
    ]);
    expect((await t.app.services.elections.workbench(await actorOf('chengxi'), '2026-11-30')).todos?.some((x) => x.id.startsWith('elections:objection:'))).toBe(
      false,
    );
  });

  it('refuses another community’s worker (404) for filing and answering, and a street its other communities', async () => {
    const c = await t.login('chengxi');
    const e = await createElection(c, COMMUNITY.城西);
    const place = await f.grid(COMMUNITY.城西, 1);
    const p = await f.resident(place, { birthDate: '1970-01-01' });
    await c.post(`/api/elections/${e.id}/derive-roll`);
    const body = { kind: 'exclude', residentId: p.id, filedBy: '李四', reason: '不是本社区居民', filedOn: '2026-04-29' };
    const o = await c.post(`/api/elections/${e.id}/objections`, body);
    expect(o.statusCode).toBe(201);
    for (const who of ['chengdong', 'street1']) {
      const other = await t.login(who);
      expect((await other.post(`/api/elections/${e.id}/objections`, body)).statusCode).toBe(404);
      const ans = await other.post(`/api/elections/${e.id}/objections/${o.json().id}/answer`, {
        decision: 'upheld',
        answer: '越权答复',
        answeredOn: '2026-05-02',
      });
      expect(ans.statusCode).toBe(404);
    }
    // An objection of another election is not found through this one.
    const e2 = await createElection(c, COMMUNITY.城西);
    expect(
      (await c.post(`/api/elections/${e2.id}/objections/${o.json().id}/answer`, { decision: 'upheld', answer: '错配', answeredOn: '2026-05-02' })).statusCode,
    ).toBe(404);
    expect((await c.get(`/api/elections/${e.id}`)).json().objections[0].status).toBe('open');
  });
});

describe('recall (罢免)', () => {
  it('records a proposal of at least 1/5 of the voters against an elected member, and the vote by the double majority', async () => {
    const c = await t.login('street1');
    const e = await createElection(c, COMMUNITY.城中);
    const place = await f.grid(COMMUNITY.城中, 1);
    const people = [];
    for (let i = 0; i < 10; i++) {
      const h = await f.household(place);
      people.push(await f.resident({ ...place, householdId: h.id }, { relationToHead: 'head', birthDate: `197${i}-01-01`, sex: i === 4 ? 'F' : 'M' }));
    }
    expect((await c.post(`/api/elections/${e.id}/derive-roll`)).json().voterCount).toBe(10);
    const ids: string[] = [];
    for (const [i, p] of people.slice(0, 6).entries()) {
      const res = await c.post(`/api/elections/${e.id}/candidates`, { residentId: p.id, post: i === 0 ? 'director' : 'member', nominatorCount: 10 });
      ids.push(res.json().id);
    }
    const votes = Object.fromEntries(ids.map((id, i) => [id, [9, 8, 8, 7, 6, 2][i]!]));
    await c.post(`/api/elections/${e.id}/tallies`, { station: '中心会场', ballotsIssued: 10, ballotsReturned: 10, invalidBallots: 0, votes });
    const result = (await c.post(`/api/elections/${e.id}/result`, { round: 1 })).json();
    expect(result.elected).toHaveLength(5);

    const url = `/api/elections/${e.id}/recalls`;
    const body = { candidateId: ids[1], proposerCount: 2, reason: '长期不履行职责', proposedOn: '2026-09-01' };
    const few = await c.post(url, { ...body, proposerCount: 1 });
    expect(few.statusCode).toBe(400);
    expect(few.json().error.details[0]).toMatchObject({ path: 'proposerCount', code: 'too_few_proposers' });
    expect(few.json().error.details[0].message).toContain('2');
    const notElected = await c.post(url, { ...body, candidateId: ids[5] });
    expect(notElected.json().error.details[0]).toMatchObject({ path: 'candidateId', code: 'not_elected' });
    const k = await c.post(url, body);
    expect(k.statusCode, k.body).toBe(201);
    expect((await c.post(url, body)).statusCode).toBe(409);

    // Out of scope: 城西's worker does not see the election.
    const xi = await t.login('chengxi');
    expect((await xi.post(url, { ...body, candidateId: ids[2] })).statusCode).toBe(404);
    const voteUrl = `/api/elections/${e.id}/recalls/${k.json().id}/result`;
    const vote = { voteDate: '2026-10-01', ballotsIssued: 8, ballotsReturned: 8, invalidBallots: 1, votesFor: 5 };
    expect((await xi.post(voteUrl, vote)).statusCode).toBe(404);

    const passed = await c.post(voteUrl, vote);
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({ valid: true, passed: true, status: 'passed' });
    const twice = await c.post(voteUrl, vote);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('RECALL_RECORDED');

    // A second recall, of another member: only 5 of 10 vote, exactly half: void.
    const k2 = await c.post(url, { ...body, candidateId: ids[2] });
    const v2 = await c.post(`/api/elections/${e.id}/recalls/${k2.json().id}/result`, { ...vote, ballotsIssued: 5, ballotsReturned: 5 });
    expect(v2.json()).toMatchObject({ valid: false, status: 'void' });
    expect(v2.json().reasons[0].code).toBe('TURNOUT_NOT_MAJORITY');

    const detail = (await c.get(`/api/elections/${e.id}`)).json();
    expect(detail.recalls).toEqual([
      expect.objectContaining({ candidateId: ids[1], memberName: people[1]!.name, status: 'passed', proposersNeeded: 2, registeredVoters: 10, votesFor: 5 }),
      expect.objectContaining({ candidateId: ids[2], status: 'void' }),
    ]);
    // The recalled member is marked among the candidates; the one whose vote was void is not.
    const marked = detail.candidates.filter((x: { recalled: boolean }) => x.recalled).map((x: { id: string }) => x.id);
    expect(marked).toEqual([ids[1]]);
    expect(await actions(e.id, 'elections.recall.%')).toEqual([
      'elections.recall.propose',
      'elections.recall.result',
      'elections.recall.propose',
      'elections.recall.result',
    ]);
  });
});

describe('editing and withdrawing an election before its count', () => {
  it('edits at the version read (409 naming version when stale), follows the law of a new date, and refuses another community', async () => {
    const c = await t.login('chengdong');
    const e = await createElection(c, COMMUNITY.城东);
    expect(e.version).toBe(1);
    const ok = await c.patch(`/api/elections/${e.id}`, { version: 1, seatsMember: 5, mode: 'household_reps' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, seatsMember: 5, mode: 'household_reps' });
    const stale = await c.patch(`/api/elections/${e.id}`, { version: 1, seatsMember: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { field: 'version', currentVersion: 2 } });
    const big = await c.patch(`/api/elections/${e.id}`, { version: 2, seatsMember: 9 });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.details[0].path).toBe('seatsMember');
    const missing = await c.patch(`/api/elections/${e.id}`, { seatsMember: 4 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('version');
    const moved = (await c.patch(`/api/elections/${e.id}`, { version: 2, electionDate: '2025-12-01' })).json();
    expect(moved).toMatchObject({ electionDate: '2025-12-01', lawCode: '2018', version: 3 });
    expect(moved.timeline.find((d: { key: string }) => d.key === 'voterListPublished').date).toBe('2025-11-11');

    const xi = await t.login('chengxi');
    expect((await xi.patch(`/api/elections/${e.id}`, { version: 3, seatsMember: 4 })).statusCode).toBe(404);
    expect((await xi.post(`/api/elections/${e.id}/withdraw`, { version: 3, reason: '越权撤销' })).statusCode).toBe(404);
    expect((await c.get(`/api/elections/${e.id}`)).json().version).toBe(3);
    expect(await actions(e.id, 'elections.update')).toEqual(['elections.update', 'elections.update']);
  });

  it('withdraws with a reason, frees the term, and then refuses changes', async () => {
    const c = await t.login('chengdong');
    const e = await createElection(c, COMMUNITY.城东);
    expect((await c.post(`/api/elections/${e.id}/withdraw`, { version: 1, reason: '' })).statusCode).toBe(400);
    expect((await c.post(`/api/elections/${e.id}/withdraw`, { version: 2, reason: '社区调整，推迟选举' })).statusCode).toBe(409);
    const w = await c.post(`/api/elections/${e.id}/withdraw`, { version: 1, reason: '社区调整，推迟选举' });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '社区调整，推迟选举', version: 2 });
    expect(w.json().withdrawnOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const edit = await c.patch(`/api/elections/${e.id}`, { version: 2, seatsMember: 5 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('ELECTION_WITHDRAWN');
    expect((await c.post(`/api/elections/${e.id}/derive-roll`)).statusCode).toBe(409);
    expect(
      (await c.post(`/api/elections/${e.id}/tallies`, { station: '一站', ballotsIssued: 0, ballotsReturned: 0, invalidBallots: 0, votes: {} })).statusCode,
    ).toBe(409);
    // The same term can be held again.
    const again = await c.post('/api/elections', {
      communityId: e.communityId,
      term: e.term,
      mode: 'all_voters',
      seatsDirector: 1,
      seatsDeputy: 0,
      seatsMember: 4,
      electionDate: '2026-06-20',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(await actions(e.id, 'elections.withdraw')).toEqual(['elections.withdraw']);
    // Not on the workbench any more.
    const wb = await t.app.services.elections.workbench(await actorOf('chengdong'), '2026-05-01');
    expect(wb.todos?.some((x) => x.id.endsWith(e.id))).toBe(false);
  });

  it('refuses to edit or withdraw once a count is entered', async () => {
    const c = await t.login('chengdong');
    const e = await createElection(c, COMMUNITY.城东);
    expect(
      (await c.post(`/api/elections/${e.id}/tallies`, { station: '一站', ballotsIssued: 0, ballotsReturned: 0, invalidBallots: 0, votes: {} })).statusCode,
    ).toBe(200);
    const edit = await c.patch(`/api/elections/${e.id}`, { version: 1, seatsMember: 5 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('ELECTION_COUNTED');
    const w = await c.post(`/api/elections/${e.id}/withdraw`, { version: 1, reason: '已计票仍撤销' });
    expect(w.json().error.code).toBe('ELECTION_COUNTED');
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
