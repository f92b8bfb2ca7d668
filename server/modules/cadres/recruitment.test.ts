import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import { makeIdNumber } from '../../../shared/domain/id-number';
import { today } from '../../lib/clock';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from '../households/registry.factory';
import { MODULES } from '../index';
import { seedRecruitment } from './cadres.seed';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
let dong: string;
let street: Client;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
  dong = await f.regionId(COMMUNITY.城东);
  street = await t.login('street1');
});
afterAll(() => t.close());

const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as never });
let seq = 100;
const idOf = (birth: string, sex: 'M' | 'F' = 'F') => makeIdNumber('110101', birth, (seq += 2), sex);
const posting = (communityId: string, extra: Record<string, unknown> = {}) => ({
  communityId,
  title: '城东社区公开招聘专职社区工作者',
  post: 'full_time_worker',
  quota: 3,
  ageMax: 35,
  educationMin: 'college',
  otherConditions: '热爱社区工作，身体健康',
  opensOn: addDays(today(), -10),
  closesOn: today(),
  ...extra,
});
/** Time passes: the window closed yesterday. */
const closeWindow = (id: string) => t.database.query(`UPDATE cadre_postings SET closes_on = $2 WHERE id = $1`, [id, addDays(today(), -1)]);
type Applicant = { id: string; name: string; eligibility: string | null; shortlisted: boolean; rank: number | null; proposed: boolean; outcome: string | null };
const by = (detail: { applicants: Applicant[] }, name: string) => detail.applicants.find((a) => a.name === name)!;

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
const todosOf = async (username: string) => {
  const module = MODULES.find((m) => m.name === 'cadres')!;
  return (await module.workbench!(t.app.services, { actor: await actorOf(username), ip: null }, today())).todos ?? [];
};

describe('the demo seed', () => {
  it('leaves one posting of 城东 scored and in its notice period, two proposed of three interviewed, two refused', async () => {
    await seedRecruitment(t.database, 20261126, t.app.services.crypto);
    const mzj = await t.login('mzj');
    const [item] = (await mzj.get('/api/cadre-postings')).json().items;
    expect(item).toMatchObject({ communityId: dong, stage: 'notice', quota: 2, applications: 8, unchecked: 0, noticeEnd: addDays(today(), 4) });
    const d = (await mzj.get(`/api/cadre-postings/${item.id}`)).json();
    expect(d.applicants.filter((a: Applicant) => a.shortlisted)).toHaveLength(3);
    expect(d.applicants.filter((a: Applicant) => a.proposed)).toHaveLength(2);
    expect(d.applicants.filter((a: Applicant) => a.eligibility === 'fail')).toHaveLength(2);
    // A second run adds nothing.
    await seedRecruitment(t.database, 20261126, t.app.services.crypto);
    expect((await mzj.get('/api/cadre-postings')).json().items).toHaveLength(1);
  });
});

describe('the recruitment pipeline (公开招聘、定岗竞争、择优入围、依法选举)', () => {
  it('runs a posting from applications through eligibility, scores, ranking and notice to appointment and candidacy', async () => {
    const created = await street.post('/api/cadre-postings', posting(dong));
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ stage: 'open', writtenWeight: 40, interviewWeight: 60, shortlistRatio: 1.5, noticeDays: 7, shortlistSize: 5 });

    // Applications while the window is open; the ID number gives sex and birth date and is shown masked.
    const people: [string, string, string][] = [
      ['甲', '1995-03-01', 'bachelor'],
      ['乙', '1992-05-01', 'master'],
      ['丙', '1980-01-01', 'bachelor'],
      ['丁', '1996-07-01', 'senior'],
      ['戊', '1994-09-01', 'college'],
      ['己', '1998-02-01', 'bachelor'],
      ['庚', '1997-04-01', 'college'],
    ];
    const ids = new Map<string, string>();
    for (const [name, birth, education] of people) {
      const idNumber = idOf(birth);
      ids.set(name, idNumber);
      const res = await street.post(`/api/cadre-postings/${p.id}/applications`, { name: `应聘${name}`, idNumber, education, phone: '13912345678' });
      expect(res.statusCode).toBe(201);
    }
    const dup = await street.post(`/api/cadre-postings/${p.id}/applications`, { name: '重复', idNumber: ids.get('甲') });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE');
    const bad = await street.post(`/api/cadre-postings/${p.id}/applications`, { name: '错号', idNumber: '110101199001011230' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('idNumber');
    let d = (await street.get(`/api/cadre-postings/${p.id}`)).json();
    expect(d.applications).toBe(7);
    expect(d.capabilities).toEqual({ canEdit: true });
    expect((await (await t.login('chengdong')).get(`/api/cadre-postings/${p.id}`)).json().capabilities).toEqual({ canEdit: false });
    expect(by(d, '应聘甲')).toMatchObject({ idMasked: `${ids.get('甲')!.slice(0, 6)}********${ids.get('甲')!.slice(-4)}`, phoneMasked: '139****5678' });
    expect(JSON.stringify(d)).not.toContain(ids.get('甲'));
    expect(by(d, '应聘甲')).not.toHaveProperty('birthDate');

    // Scores wait for the window to close.
    expect(
      (await put(street, `/api/cadre-postings/${p.id}/scores`, { test: 'written', scores: [{ applicationId: by(d, '应聘甲').id, score: 80 }] })).statusCode,
    ).toBe(409);
    await closeWindow(p.id);
    expect(await todosOf('street1')).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: `cadres:posting:check:${p.id}`, link: `/cadres/recruitment/${p.id}` })]),
    );

    // Eligibility: 丙 is over 35, 丁 below college; an official admits 丁 with a reason.
    d = (await street.post(`/api/cadre-postings/${p.id}/eligibility`)).json();
    expect(by(d, '应聘丙')).toMatchObject({ eligibility: 'fail' });
    expect(by(d, '应聘丁')).toMatchObject({ eligibility: 'fail' });
    expect(d.applicants.filter((a: Applicant) => a.eligibility === 'pass')).toHaveLength(5);
    const ding = by(d, '应聘丁') as Applicant & { version: number };
    const noReason = await put(street, `/api/cadre-applications/${ding.id}/eligibility`, { version: ding.version, eligibility: 'pass', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('reason');
    const over = await put(street, `/api/cadre-applications/${ding.id}/eligibility`, {
      version: ding.version,
      eligibility: 'pass',
      reason: '退役军人，学历条件放宽',
    });
    expect(over.statusCode).toBe(200);
    expect(by(over.json(), '应聘丁')).toMatchObject({ eligibility: 'pass', eligibilityOverridden: true, eligibilityReason: '退役军人，学历条件放宽' });
    // A re-check keeps the official's decision.
    d = (await street.post(`/api/cadre-postings/${p.id}/eligibility`)).json();
    expect(by(d, '应聘丁').eligibility).toBe('pass');

    // Written scores: the ineligible one is refused, naming the row.
    const written = (name: string, score: number) => ({ applicationId: by(d, `应聘${name}`).id, score });
    const refused = await put(street, `/api/cadre-postings/${p.id}/scores`, { test: 'written', scores: [written('丙', 90)] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ path: 'scores.0.applicationId', code: 'not_eligible' });
    d = (
      await put(street, `/api/cadre-postings/${p.id}/scores`, {
        test: 'written',
        scores: [written('甲', 85), written('乙', 80), written('丁', 78), written('戊', 80), written('己', 78), written('庚', 78)],
      })
    ).json();
    // 3 × 1.5 = 5 invited; 丁, 己 and 庚 tie on 78 at the cut: all three go (6 in all).
    expect(
      d.applicants
        .filter((a: Applicant) => a.shortlisted)
        .map((a: Applicant) => a.name)
        .sort(),
    ).toEqual(['应聘丁', '应聘乙', '应聘己', '应聘庚', '应聘戊', '应聘甲'].sort());
    const notShort = await put(street, `/api/cadre-postings/${p.id}/scores`, { test: 'interview', scores: [written('丙', 90)] });
    expect(notShort.json().error.details[0].code).toBe('not_shortlisted');
    const early = await street.post(`/api/cadre-postings/${p.id}/notice`, { version: d.version, startDate: today() });
    expect(early.statusCode).toBe(409);

    // Interviews: totals 乙 86, 戊 80, 丁 77.4, 甲 76, 庚 73.2, 己 67.2 → 乙, 戊, 丁 proposed.
    d = (
      await put(street, `/api/cadre-postings/${p.id}/scores`, {
        test: 'interview',
        scores: [written('甲', 70), written('乙', 90), written('丁', 77), written('戊', 80), written('庚', 70), written('己', 60)],
      })
    ).json();
    expect(d.applicants.slice(0, 6).map((a: Applicant & { total: number }) => [a.name, a.total, a.rank, a.proposed])).toEqual([
      ['应聘乙', 86, 1, true],
      ['应聘戊', 80, 2, true],
      ['应聘丁', 77.4, 3, true],
      ['应聘甲', 76, 4, false],
      ['应聘庚', 73.2, 5, false],
      ['应聘己', 67.2, 6, false],
    ]);
    expect((await put(street, `/api/cadre-postings/${p.id}/scores`, { test: 'written', scores: [written('甲', 99)] })).statusCode).toBe(409);
    expect((await street.post(`/api/cadre-postings/${p.id}/eligibility`)).json().error.details.reason).toBe('interview_started');

    // Public notice from today for 7 days; no appointment before it ends.
    const notice = await street.post(`/api/cadre-postings/${p.id}/notice`, { version: d.version, startDate: today() });
    expect(notice.statusCode).toBe(200);
    d = notice.json();
    expect(d).toMatchObject({ stage: 'notice', noticeStart: today(), noticeEnd: addDays(today(), 7) });
    const yi = by(d, '应聘乙') as Applicant & { version: number };
    const tooEarly = await put(street, `/api/cadre-applications/${yi.id}/outcome`, { outcome: 'candidate', version: yi.version });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.details.reason).toBe('notice_not_ended');

    // Objections: one about 乙 upheld, one about 戊 not.
    await street.post(`/api/cadre-postings/${p.id}/objections`, { applicationId: yi.id, text: '该人员有违纪记录', receivedOn: today() });
    d = (await street.post(`/api/cadre-postings/${p.id}/objections`, { applicationId: by(d, '应聘戊').id, text: '笔试成绩存疑', receivedOn: today() })).json();
    const outside = await street.post(`/api/cadre-postings/${p.id}/objections`, { text: '公示前的异议', receivedOn: addDays(today(), -1) });
    expect(outside.json().error.details[0]).toMatchObject({ path: 'receivedOn', code: 'outside_notice' });
    const [aboutYi, aboutWu] = d.objections;
    expect((await put(street, `/api/cadre-posting-objections/${aboutYi.id}/answer`, { answer: '经核实属实', upheld: true })).statusCode).toBe(200);
    expect((await put(street, `/api/cadre-posting-objections/${aboutWu.id}/answer`, { answer: '经复核成绩无误', upheld: false })).statusCode).toBe(200);
    expect((await put(street, `/api/cadre-posting-objections/${aboutWu.id}/answer`, { answer: '再答', upheld: true })).statusCode).toBe(409);

    // Time passes: the notice ended yesterday.
    await t.database.query(`UPDATE cadre_postings SET notice_start = $2, notice_end = $3 WHERE id = $1`, [p.id, addDays(today(), -8), addDays(today(), -1)]);
    expect(await todosOf('street1')).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: `cadres:posting:appoint:${p.id}`, dueDate: addDays(today(), -1) })]),
    );
    d = (await street.get(`/api/cadre-postings/${p.id}`)).json();
    expect(d.stage).toBe('noticeEnded');
    const decide = (name: string, body: Record<string, unknown>) => {
      const a = by(d, name) as Applicant & { version: number };
      return put(street, `/api/cadre-applications/${a.id}/outcome`, { version: a.version, ...body });
    };
    const upheld = await decide('应聘乙', { outcome: 'appointed', startDate: today() });
    expect(upheld.json().error.details.reason).toBe('objection_upheld');
    expect((await decide('应聘甲', { outcome: 'candidate' })).json().error.details.reason).toBe('not_proposed');
    const appointed = await decide('应聘戊', { outcome: 'appointed', startDate: today() });
    expect(appointed.statusCode).toBe(200);
    const wu = by(appointed.json(), '应聘戊') as Applicant & { cadreId: string };
    expect(wu.outcome).toBe('appointed');
    const cadre = (await street.get(`/api/cadres/${wu.cadreId}`)).json();
    expect(cadre).toMatchObject({ name: '应聘戊', source: 'recruited', post: 'full_time_worker', communityId: dong, startDate: today(), education: 'college' });
    d = (await decide('应聘丁', { outcome: 'candidate' })).json();
    expect(by(d, '应聘丁')).toMatchObject({ outcome: 'candidate' });
    expect(by(d, '应聘丁')).toHaveProperty('cadreId', null);
    expect((await decide('应聘丁', { outcome: 'candidate' })).statusCode).toBe(409);
    expect(d.decided).toBe(2);

    const audit = await t.database.query<{ action: string }>(`SELECT DISTINCT action FROM audit_log WHERE object_type = 'cadre_posting' AND object_id = $1`, [
      p.id,
    ]);
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'cadres.posting.create',
        'cadres.application.create',
        'cadres.eligibility.check',
        'cadres.eligibility.override',
        'cadres.scores',
        'cadres.notice',
        'cadres.objection.create',
        'cadres.objection.answer',
        'cadres.appoint',
        'cadres.candidate',
      ].sort(),
    );
  });

  it('refuses a posting whose weights do not add up to 100 or whose window closes before it opens, naming the field', async () => {
    const w = await street.post('/api/cadre-postings', posting(dong, { writtenWeight: 50, interviewWeight: 60 }));
    expect(w.statusCode).toBe(400);
    expect(w.json().error.details[0].path).toBe('interviewWeight');
    const c = await street.post('/api/cadre-postings', posting(dong, { opensOn: today(), closesOn: addDays(today(), -1) }));
    expect(c.json().error.details[0].path).toBe('closesOn');
  });
});

describe('scope of the recruitment routes', () => {
  it('lets the community worker read but not change; hides a posting from another community (404) and refuses a street outside its street (403)', async () => {
    const p = (await street.post('/api/cadre-postings', posting(dong))).json();
    const a = (await street.post(`/api/cadre-postings/${p.id}/applications`, { name: '范围', idNumber: idOf('1993-01-01'), education: 'bachelor' })).json();
    const app = a.applicants[0];

    // A registry resident may be linked: the same person as the ID number only.
    const resident = await f.resident(await f.grid(COMMUNITY.城东, 1));
    const residentId = idOf('1993-06-15');
    await t.database.query('UPDATE residents SET id_hash = $2 WHERE id = $1', [resident.id, t.app.services.crypto.blindIndex(residentId)]);
    const other = await street.post(`/api/cadre-postings/${p.id}/applications`, { name: '别人', idNumber: idOf('1993-06-16'), residentId: resident.id });
    expect(other.json().error.details[0]).toMatchObject({ path: 'residentId', code: 'other_person' });
    const linked = await street.post(`/api/cadre-postings/${p.id}/applications`, { name: resident.name, idNumber: residentId, residentId: resident.id });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().applicants.find((x: { residentId: string | null }) => x.residentId === resident.id)).toBeTruthy();

    const chengdong = await t.login('chengdong');
    expect((await chengdong.get(`/api/cadre-postings/${p.id}`)).statusCode).toBe(200);
    expect((await chengdong.post(`/api/cadre-postings/${p.id}/applications`, { name: '乙', idNumber: idOf('1993-02-01') })).statusCode).toBe(403);

    const xi = await t.login('chengxi');
    expect((await xi.get(`/api/cadre-postings/${p.id}`)).statusCode).toBe(404);
    expect((await xi.get('/api/cadre-postings')).json().items.some((i: { id: string }) => i.id === p.id)).toBe(false);
    // A posting of 城西 (opened by the bureau) is invisible to the 东城 street office, its application untouchable.
    const mzj = await t.login('mzj');
    const xp = (await mzj.post('/api/cadre-postings', posting(await f.regionId(COMMUNITY.城西), { title: '城西社区招聘' }))).json();
    const xa = (await mzj.post(`/api/cadre-postings/${xp.id}/applications`, { name: '城西人', idNumber: idOf('1991-01-01'), education: 'bachelor' })).json()
      .applicants[0];
    expect((await street.get(`/api/cadre-postings/${xp.id}`)).statusCode).toBe(404);
    expect(
      (await put(street, `/api/cadre-applications/${xa.id}/eligibility`, { version: xa.version, eligibility: 'fail', reason: '越权尝试' })).statusCode,
    ).toBe(404);
    expect((await street.post(`/api/cadre-postings/${xp.id}/eligibility`)).statusCode).toBe(404);
    expect((await mzj.get(`/api/cadre-postings/${xp.id}`)).json().applicants[0]).toMatchObject({ eligibility: null, eligibilityOverridden: false });
    expect((await street.get(`/api/cadre-postings?communityId=${dong}`)).json().items.some((i: { id: string }) => i.id === p.id)).toBe(true);
    expect((await street.post('/api/cadre-postings', posting(await f.regionId(COMMUNITY.城西)))).statusCode).toBe(403);
    expect((await street.get(`/api/cadre-postings/${p.id}`)).json().applicants.find((x: { id: string }) => x.id === app.id)).toMatchObject({
      eligibility: null,
    });
  });
});

describe('PATCH /api/cadre-postings/:id and POST /api/cadre-postings/:id/withdraw', () => {
  type Detail = { id: string; version: number; title: string; quota: number; stage: string; withdrawnOn: string | null; withdrawnReason: string | null };

  it('edits a posting at the version read, answers 409 to a stale edit, and clears the computed checks when the conditions change', async () => {
    const p: Detail = (await street.post('/api/cadre-postings', posting(dong, { title: '待修改的招聘' }))).json();
    await street.post(`/api/cadre-postings/${p.id}/applications`, { name: '改前', idNumber: idOf('1995-03-01'), education: 'bachelor' });
    let d = (await street.post(`/api/cadre-postings/${p.id}/eligibility`)).json();
    expect(d.applicants[0].eligibility).toBe('pass');

    const edited = await street.patch(`/api/cadre-postings/${p.id}`, { version: d.version, title: '修改后的招聘', quota: 2, educationMin: 'master' });
    expect(edited.statusCode).toBe(200);
    d = edited.json();
    expect(d).toMatchObject({ title: '修改后的招聘', quota: 2, educationMin: 'master', version: p.version + 1 });
    // The education asked for changed: the computed check is to be run again.
    expect(d.applicants[0].eligibility).toBeNull();

    const stale = await street.patch(`/api/cadre-postings/${p.id}`, { version: p.version, title: '过期的修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await street.get(`/api/cadre-postings/${p.id}`)).json().title).toBe('修改后的招聘');

    const weights = await street.patch(`/api/cadre-postings/${p.id}`, { version: d.version, writtenWeight: 50 });
    expect(weights.statusCode).toBe(400);
    expect(weights.json().error.details[0].path).toBe('interviewWeight');
    const dates = await street.patch(`/api/cadre-postings/${p.id}`, { version: d.version, closesOn: addDays(today(), -30) });
    expect(dates.json().error.details[0].path).toBe('closesOn');

    const audit = await t.database.query<{ details: { fields: string[]; eligibilityCleared: number } }>(
      `SELECT details FROM audit_log WHERE action = 'cadres.posting.update' AND object_id = $1`,
      [p.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ fields: ['title', 'quota', 'educationMin'], eligibilityCleared: 1 });
  });

  it('refuses an edit once an applicant has a score (409 scores_entered)', async () => {
    const p: Detail = (await street.post('/api/cadre-postings', posting(dong, { title: '已有成绩的招聘' }))).json();
    await street.post(`/api/cadre-postings/${p.id}/applications`, { name: '有成绩', idNumber: idOf('1994-04-01'), education: 'bachelor' });
    await street.post(`/api/cadre-postings/${p.id}/eligibility`);
    await closeWindow(p.id);
    let d = (await street.get(`/api/cadre-postings/${p.id}`)).json();
    d = (await put(street, `/api/cadre-postings/${p.id}/scores`, { test: 'written', scores: [{ applicationId: d.applicants[0].id, score: 80 }] })).json();
    const late = await street.patch(`/api/cadre-postings/${p.id}`, { version: d.version, quota: 5 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('scores_entered');
  });

  it('withdraws a posting with the reason: its stage is withdrawn, nothing more is accepted on it, and the withdrawal is audited', async () => {
    const p: Detail = (await street.post('/api/cadre-postings', posting(dong, { title: '将撤回的招聘' }))).json();
    const noReason = await street.post(`/api/cadre-postings/${p.id}/withdraw`, { version: p.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('reason');
    const stale = await street.post(`/api/cadre-postings/${p.id}/withdraw`, { version: p.version + 5, reason: '岗位调整' });
    expect(stale.statusCode).toBe(409);

    const done = await street.post(`/api/cadre-postings/${p.id}/withdraw`, { version: p.version, reason: '岗位编制调整，暂停招聘' });
    expect(done.statusCode).toBe(200);
    const d: Detail = done.json();
    expect(d).toMatchObject({ stage: 'withdrawn', withdrawnOn: today(), withdrawnReason: '岗位编制调整，暂停招聘' });
    expect((await street.get('/api/cadre-postings')).json().items.find((i: Detail) => i.id === p.id).stage).toBe('withdrawn');

    const apply = await street.post(`/api/cadre-postings/${p.id}/applications`, { name: '撤回后', idNumber: idOf('1996-01-01'), education: 'bachelor' });
    expect(apply.statusCode).toBe(409);
    expect(apply.json().error.details.reason).toBe('posting_withdrawn');
    expect((await street.patch(`/api/cadre-postings/${p.id}`, { version: d.version, title: '撤回后修改' })).statusCode).toBe(409);
    expect((await street.post(`/api/cadre-postings/${p.id}/withdraw`, { version: d.version, reason: '再次撤回' })).statusCode).toBe(409);

    const audit = await t.database.query<{ details: { reason: string } }>(
      `SELECT details FROM audit_log WHERE action = 'cadres.posting.withdraw' AND object_id = $1`,
      [p.id],
    );
    expect(audit.map((a) => a.details.reason)).toEqual(['岗位编制调整，暂停招聘']);
  });

  it('refuses a street office outside the posting’s street (404) and a community worker who only reads (403)', async () => {
    const mzj = await t.login('mzj');
    const xp: Detail = (await mzj.post('/api/cadre-postings', posting(await f.regionId(COMMUNITY.城西), { title: '城西社区招聘（范围）' }))).json();
    expect((await street.patch(`/api/cadre-postings/${xp.id}`, { version: xp.version, title: '越权修改' })).statusCode).toBe(404);
    expect((await street.post(`/api/cadre-postings/${xp.id}/withdraw`, { version: xp.version, reason: '越权撤回' })).statusCode).toBe(404);

    const p: Detail = (await street.post('/api/cadre-postings', posting(dong, { title: '城东社区招聘（范围）' }))).json();
    const chengdong = await t.login('chengdong');
    expect((await chengdong.patch(`/api/cadre-postings/${p.id}`, { version: p.version, title: '社区改' })).statusCode).toBe(403);
    expect((await chengdong.post(`/api/cadre-postings/${p.id}/withdraw`, { version: p.version, reason: '社区撤回' })).statusCode).toBe(403);
    const after = (await mzj.get(`/api/cadre-postings/${xp.id}`)).json();
    expect(after).toMatchObject({ title: '城西社区招聘（范围）', stage: 'open', version: xp.version });
  });
});
