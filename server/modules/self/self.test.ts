import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { today } from '../../lib/clock';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from '../households/registry.factory';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
});
afterAll(() => t.close());

const link = (username: string, residentId: string | null) => t.database.query('UPDATE users SET resident_id = $1 WHERE username = $2', [residentId, username]);

describe('GET /api/me/resident and /api/me/household', () => {
  it('shows a resident their own record, masked, and their household’s members without identity numbers', async () => {
    const { household, head, members } = await f.family(await f.grid(COMMUNITY.城东, 1), 2);
    await link('resident', head.id);
    const c = await t.login('resident');
    const me = await c.get('/api/me/resident');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: head.id, name: head.name, idMasked: head.idMasked, communityName: '城东社区', address: household.address });
    expect(me.json().idMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(me.json())).not.toMatch(/idCipher|idHash/);
    const home = await c.get('/api/me/household');
    expect(home.statusCode).toBe(200);
    expect(home.json().address).toBe(household.address);
    expect(
      home
        .json()
        .members.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(members.map((m) => m.name).sort());
    expect(home.json().members.filter((m: { self: boolean }) => m.self)).toHaveLength(1);
    expect(JSON.stringify(home.json())).not.toMatch(/idMasked|phone|\d{6}\*{8}/);
  });

  it('refuses a resident another resident’s record: the registry routes are closed to them and /api/me takes no id', async () => {
    const mine = await f.resident(await f.grid(COMMUNITY.城东, 2));
    const other = await f.resident(await f.grid(COMMUNITY.城东, 2), { name: '别人家' });
    await link('resident', mine.id);
    const c = await t.login('resident');
    expect((await c.get(`/api/residents/${other.id}`)).statusCode).toBe(403);
    expect((await c.get(`/api/residents?q=${encodeURIComponent('别人家')}`)).statusCode).toBe(403);
    expect((await c.get(`/api/households/${other.householdId ?? mine.id}`)).statusCode).toBe(403);
    // Query strings are ignored: the record is always the account's own.
    const me = await c.get(`/api/me/resident?id=${other.id}`);
    expect(me.json().id).toBe(mine.id);
    // Without a household there is no 我的家庭.
    expect((await c.get('/api/me/household')).statusCode).toBe(404);
  });

  it('answers 404 to a resident account linked to nobody, and 403 to staff', async () => {
    await link('resident', null);
    expect((await (await t.login('resident')).get('/api/me/resident')).statusCode).toBe(404);
    expect((await (await t.login('chengdong')).get('/api/me/resident')).statusCode).toBe(403);
    expect((await (await t.login('chengdong')).get('/api/me/household')).statusCode).toBe(403);
  });
});

describe('GET /api/residents/:id capabilities', () => {
  it('tells a community worker they may edit, correct the ID and reveal, and the community police they may only reveal', async () => {
    const r = await f.resident(await f.grid(COMMUNITY.城东, 3));
    const worker = (await (await t.login('chengdong')).get(`/api/residents/${r.id}`)).json();
    expect(worker.capabilities).toEqual({ canEdit: true, canCorrectId: true, canReveal: true, canWriteCare: true });
    const police = (await (await t.login('police-chengdong')).get(`/api/residents/${r.id}`)).json();
    expect(police.capabilities).toEqual({ canEdit: false, canCorrectId: false, canReveal: true, canWriteCare: false });
    const city = (await (await t.login('mzj')).get(`/api/residents/${r.id}`)).json();
    expect(city.capabilities.canEdit).toBe(true);
  });
});

describe('GET /api/me/elections and POST /api/me/elections/:id/objections', () => {
  let term = 700;
  /** An election of the community whose roll is derived now; `daysAhead` 18 puts today inside the objection window. */
  async function electionIn(worker: Client, communityCode: string, daysAhead = 18) {
    const res = await worker.post('/api/elections', {
      communityId: await f.regionId(communityCode),
      term: ++term,
      mode: 'all_voters',
      seatsDirector: 1,
      seatsDeputy: 0,
      seatsMember: 4,
      electionDate: addDays(today(), daysAhead),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await worker.post(`/api/elections/${res.json().id}/derive-roll`)).statusCode).toBe(200);
    return res.json().id as string;
  }

  it('shows a resident the open roll of their own community and whether they are on it, never anyone else’s entry', async () => {
    const worker = await t.login('chengdong');
    const { head, members } = await f.family(await f.grid(COMMUNITY.城东, 1), 1);
    const dong = await electionIn(worker, COMMUNITY.城东);
    const xi = await electionIn(await t.login('chengxi'), COMMUNITY.城西);
    await link('resident', head.id);
    const c = await t.login('resident');
    const res = await c.get('/api/me/elections');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ name: head.name, idMasked: head.idMasked });
    const ids = body.items.map((e: { id: string }) => e.id);
    expect(ids).toContain(dong);
    expect(ids).not.toContain(xi);
    const mine = body.items.find((e: { id: string }) => e.id === dong);
    expect(mine).toMatchObject({ communityName: '城东社区', onRoll: true, windowOpen: true, objections: [] });
    expect(mine.objectionsOpen <= today() && today() <= mine.objectionsClose).toBe(true);
    // The household's other member is on the roll too, but the resident is told nothing of them.
    const other = members.find((m) => m.id !== head.id)!;
    expect(res.body).not.toContain(other.name);
    expect(res.body).not.toContain(other.id);
    // The roll itself stays closed to a resident.
    expect((await c.get(`/api/elections/${dong}/voters`)).statusCode).toBe(403);
    expect((await c.get(`/api/elections/${dong}`)).statusCode).toBe(403);
  });

  it('takes a resident’s own objection within the window; the worker answers it and the resident sees the answer (audited)', async () => {
    const worker = await t.login('chengdong');
    const e = await electionIn(worker, COMMUNITY.城东);
    // Registered after the roll was derived: missing from it.
    const late = await f.resident(await f.grid(COMMUNITY.城东, 2), { birthDate: '1980-02-02' });
    await link('resident', late.id);
    const c = await t.login('resident');
    expect((await c.get('/api/me/elections')).json().items.find((x: { id: string }) => x.id === e)).toMatchObject({ onRoll: false });
    const url = `/api/me/elections/${e}/objections`;
    const wrongKind = await c.post(url, { kind: 'exclude', reason: '我不应在名单上' });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details[0]).toMatchObject({ path: 'kind', code: 'not_on_roll' });
    const noReason = await c.post(url, { kind: 'include', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().error.details)).toContain('reason');
    const filed = await c.post(url, { kind: 'include', reason: '本人年满十八周岁，户籍在本社区，名单上没有我' });
    expect(filed.statusCode, filed.body).toBe(201);
    const again = await c.post(url, { kind: 'include', reason: '再提一次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('OBJECTION_PENDING');

    // The worker sees it with the others, filed by the resident, and it is a 待办 until answered.
    const detail = (await worker.get(`/api/elections/${e}`)).json();
    expect(detail.objections).toEqual([
      expect.objectContaining({ id: filed.json().id, kind: 'include', residentId: late.id, filedBy: late.name, status: 'open' }),
    ]);
    const todos = (await worker.get('/api/workbench')).json().todos as { id: string }[];
    expect(todos.some((x) => x.id === `elections:objection:${filed.json().id}`)).toBe(true);
    const answered = await worker.post(`/api/elections/${e}/objections/${filed.json().id}/answer`, {
      decision: 'upheld',
      answer: '经核实符合选民资格，予以补登',
      answeredOn: today(),
    });
    expect(answered.statusCode, answered.body).toBe(200);

    const after = (await c.get('/api/me/elections')).json().items.find((x: { id: string }) => x.id === e);
    expect(after.onRoll).toBe(true);
    expect(after.objections).toEqual([
      expect.objectContaining({ kind: 'include', status: 'upheld', answer: '经核实符合选民资格，予以补登', answeredOn: today(), filedOn: today() }),
    ]);
    const audit = await t.database.query<{ action: string; user_id: string | null }>(
      `SELECT action FROM audit_log WHERE object_id = $1 AND action LIKE 'elections.objection.%' ORDER BY seq`,
      [e],
    );
    expect(audit.map((a) => a.action)).toEqual(['elections.objection.self', 'elections.objection.answer']);
  });

  it('refuses an objection outside the window (409 with the dates), to another community’s election (404), and to staff (403)', async () => {
    const worker = await t.login('chengdong');
    const early = await electionIn(worker, COMMUNITY.城东, 40);
    const xi = await electionIn(await t.login('chengxi'), COMMUNITY.城西);
    const me = await f.resident(await f.grid(COMMUNITY.城东, 1), { birthDate: '1975-07-07' });
    await link('resident', me.id);
    const c = await t.login('resident');
    // Not listed before the roll's publication, and refused with the window's dates.
    expect((await c.get('/api/me/elections')).json().items.map((x: { id: string }) => x.id)).not.toContain(early);
    const closed = await c.post(`/api/me/elections/${early}/objections`, { kind: 'include', reason: '名单上没有我' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('OBJECTION_WINDOW_CLOSED');
    const opens = addDays(today(), 20);
    expect(closed.json().error.message).toContain(opens);
    const foreign = await c.post(`/api/me/elections/${xi}/objections`, { kind: 'include', reason: '名单上没有我' });
    expect(foreign.statusCode).toBe(404);
    expect((await worker.post(`/api/me/elections/${xi}/objections`, { kind: 'include', reason: '代为提出' })).statusCode).toBe(403);
    await link('resident', null);
    expect((await (await t.login('resident')).get('/api/me/elections')).statusCode).toBe(404);
  });
});
