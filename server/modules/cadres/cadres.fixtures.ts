import { today } from '../../lib/clock';
import { freshIdNumber, freshName, type PlaceObjects } from '../../security/world';
import {
  COMMUNITY_LEVEL,
  cross,
  type Ctx,
  DAY,
  each,
  once,
  route,
  type RouteFixture,
  serverPicks,
  keeps,
  type Mass,
  type WorldObjects,
} from '../../security/fixture-kit';

/**
 * A recruitment posting of the place's community in a stage, written straight to the tables: `open` (the
 * window runs today), `closed` (one eligible applicant with a written score), `scored` (both scores),
 * `notice` (on notice since yesterday), `ended` (the notice ended yesterday, the applicant proposed).
 */
async function postingIn(
  c: Ctx,
  p: PlaceObjects,
  stage: 'open' | 'closed' | 'scored' | 'notice' | 'ended',
): Promise<{ postingId: string; applicationId: string }> {
  const dates =
    stage === 'open'
      ? `current_date - 5, current_date + 5, NULL::date, NULL::date`
      : stage === 'notice'
        ? `current_date - 30, current_date - 20, current_date - 1, current_date + 6`
        : stage === 'ended'
          ? `current_date - 40, current_date - 30, current_date - 8, current_date - 1`
          : `current_date - 20, current_date - 10, NULL::date, NULL::date`;
  const [posting] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO cadre_postings (community_id, title, post, quota, opens_on, closes_on, notice_start, notice_end)
     SELECT $1, '矩阵招聘', 'full_time_worker', 1, ${dates} RETURNING id`,
    [p.communityId],
  );
  const scored = stage !== 'open';
  const [application] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO cadre_applications (community_id, posting_id, name, id_cipher, id_hash, id_masked, sex, birth_date, education, eligibility, written_score, interview_score)
     VALUES ($1, $2, $3, decode('00', 'hex'), md5(random()::text), '110101********0011', 'M', '1990-01-01', 'bachelor', $4, $5, $6) RETURNING id`,
    [p.communityId, posting.id, freshName('聘'), scored ? 'pass' : null, scored ? 80 : null, stage === 'closed' ? null : scored ? 85 : null],
  );
  return { postingId: posting.id, applicationId: application.id };
}

/** An unanswered objection to a posting on notice in the place's community. */
async function postingObjectionIn(c: Ctx, p: PlaceObjects): Promise<string> {
  const { postingId, applicationId } = await postingIn(c, p, 'notice');
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO cadre_posting_objections (community_id, posting_id, application_id, text, received_on) VALUES ($1, $2, $3, '矩阵异议', current_date) RETURNING id`,
    [p.communityId, postingId, applicationId],
  );
  return row.id;
}

/** The matrix fixtures of the cadres module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'GET /api/cadres',
    'cadres.read',
    each('by name', (_c, p) => ({ url: '/api/cadres', query: { q: p.cadreName }, expectId: p.cadreId }), COMMUNITY_LEVEL),
    each(
      'filtered by community',
      (_c, p) => ({ url: '/api/cadres', query: { communityId: p.communityId, pageSize: '200' }, expectId: p.cadreId }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/cadres/staffing',
    'cadres.read',
    once('the whole scope', () => ({ url: '/api/cadres/staffing' })),
  ),
  route(
    'GET /api/cadres/training-due',
    'cadres.read',
    each('a cadre never trained', (_c, p) => ({ url: '/api/cadres/training-due', expectId: p.cadreId }), COMMUNITY_LEVEL),
  ),
  route(
    'GET /api/cadres/analytics',
    'cadres.read',
    once('the whole scope', () => ({ url: '/api/cadres/analytics' })),
    each('a community', (_c, p) => ({ url: '/api/cadres/analytics', query: { communityId: p.communityId } }), COMMUNITY_LEVEL),
  ),
  route(
    'GET /api/cadres/settings',
    'cadres.read',
    once('the standard', () => ({ url: '/api/cadres/settings' })),
  ),
  route(
    'PUT /api/cadres/settings',
    'cadres.configure',
    // The standard as it is, at the version stored now (each allowed call moves it on).
    once('the same standard again', async (c) => {
      const view = await c.w.t.app.services.cadres.settings();
      return { url: '/api/cadres/settings', body: view };
    }),
  ),
  route(
    'GET /api/cadres/:id',
    'cadres.read',
    each('a cadre', (_c, p) => ({ url: `/api/cadres/${p.cadreId}` }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/cadres',
    'cadres.write',
    each(
      'a full-time worker',
      (_c, p) => ({
        url: '/api/cadres',
        body: {
          communityId: p.communityId,
          name: freshName('干'),
          sex: 'M',
          birthDate: '1988-02-03',
          post: 'full_time_worker',
          source: 'recruited',
          startDate: DAY,
        },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PATCH /api/cadres/:id',
    'cadres.write',
    each(
      'the pay grade',
      async (c, p) => ({ url: `/api/cadres/${c.fresh ? (await c.w.cadre(p)).id : p.cadreId}`, body: { version: 1, payGrade: '矩阵' } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'POST /api/cadres/:id/trainings',
    'cadres.write',
    each(
      '以会代训',
      (_c, p) => ({ url: `/api/cadres/${p.cadreId}/trainings`, body: { course: '矩阵培训', form: 'meeting', hours: 2, date: DAY } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/cadre-postings',
    'cadres.read',
    each(
      'filtered by community',
      async (c, p) => ({ url: '/api/cadre-postings', query: { communityId: p.communityId }, expectId: (await postingIn(c, p, 'open')).postingId }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'POST /api/cadre-postings',
    'cadres.write',
    each(
      'a posting',
      (_c, p) => ({
        url: '/api/cadre-postings',
        body: { communityId: p.communityId, title: '矩阵招聘公告', post: 'full_time_worker', quota: 2, opensOn: DAY, closesOn: DAY },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/cadre-postings/:id',
    'cadres.read',
    each('a posting', async (c, p) => ({ url: `/api/cadre-postings/${(await postingIn(c, p, 'scored')).postingId}` }), COMMUNITY_LEVEL),
  ),
  route(
    'PATCH /api/cadre-postings/:id',
    'cadres.write',
    each(
      'the title and quota',
      async (c, p) => ({
        url: `/api/cadre-postings/${(await postingIn(c, p, 'open')).postingId}`,
        body: { version: 1, title: '矩阵招聘（修订）', quota: 2 },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'POST /api/cadre-postings/:id/withdraw',
    'cadres.write',
    each(
      'with a reason',
      async (c, p) => ({ url: `/api/cadre-postings/${(await postingIn(c, p, 'open')).postingId}/withdraw`, body: { version: 1, reason: '矩阵撤回原因' } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'POST /api/cadre-postings/:id/applications',
    'cadres.write',
    each(
      'an applicant',
      async (c, p) => ({
        url: `/api/cadre-postings/${(await postingIn(c, p, 'open')).postingId}/applications`,
        body: { name: freshName('聘'), idNumber: freshIdNumber(), education: 'bachelor' },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'POST /api/cadre-postings/:id/eligibility',
    'cadres.write',
    each('the check', async (c, p) => ({ url: `/api/cadre-postings/${(await postingIn(c, p, 'open')).postingId}/eligibility` }), COMMUNITY_LEVEL),
  ),
  route(
    'PUT /api/cadre-postings/:id/scores',
    'cadres.write',
    each(
      'an interview score',
      async (c, p) => {
        const { postingId, applicationId } = await postingIn(c, p, 'closed');
        return { url: `/api/cadre-postings/${postingId}/scores`, body: { test: 'interview', scores: [{ applicationId, score: 75 }] } };
      },
      COMMUNITY_LEVEL,
    ),
    cross(
      "another place's applicant smuggled in",
      async (c, from, to) => {
        const { postingId } = await postingIn(c, from, 'closed');
        const { applicationId } = await postingIn(c, to, 'closed');
        return { url: `/api/cadre-postings/${postingId}/scores`, body: { test: 'interview', scores: [{ applicationId, score: 75 }] } };
      },
      {
        never: true,
        level: 'community',
        pairs: [
          ['dong1', 'xi'],
          ['xi', 'dong1'],
        ],
      },
    ),
  ),
  route(
    'POST /api/cadre-postings/:id/notice',
    'cadres.write',
    each(
      'from today',
      async (c, p) => ({ url: `/api/cadre-postings/${(await postingIn(c, p, 'scored')).postingId}/notice`, body: { version: 1, startDate: today() } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'POST /api/cadre-postings/:id/objections',
    'cadres.write',
    each(
      'about the result',
      async (c, p) => ({
        url: `/api/cadre-postings/${(await postingIn(c, p, 'notice')).postingId}/objections`,
        body: { text: '矩阵异议', receivedOn: today() },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PUT /api/cadre-posting-objections/:id/answer',
    'cadres.write',
    each(
      'not upheld',
      async (c, p) => ({ url: `/api/cadre-posting-objections/${await postingObjectionIn(c, p)}/answer`, body: { answer: '矩阵答复', upheld: false } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PUT /api/cadre-applications/:id/eligibility',
    'cadres.write',
    each(
      'admitted with a reason',
      async (c, p) => ({
        url: `/api/cadre-applications/${(await postingIn(c, p, 'open')).applicationId}/eligibility`,
        body: { version: 1, eligibility: 'pass', reason: '矩阵理由' },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PUT /api/cadre-applications/:id/outcome',
    'cadres.write',
    each(
      'entered into the election',
      async (c, p) => ({
        url: `/api/cadre-applications/${(await postingIn(c, p, 'ended')).applicationId}/outcome`,
        body: { outcome: 'candidate', version: 1 },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'POST /api/cadres': serverPicks('cadres', { community: 'body' }),
  'PATCH /api/cadres/:id': keeps('cadres'),
  'POST /api/cadres/:id/trainings': {
    none: 'answers the cadre (201), not the training: no row id to check; its community comes from the parent :id, whose smuggling the cross variants of the matrix cover; target not written yet',
  },
  'POST /api/cadre-postings': serverPicks('cadre_postings', { community: 'body', extras: () => ({ state: 'closed', status: 'closed' }) }),
  'PATCH /api/cadre-postings/:id': keeps('cadre_postings'),
  'POST /api/cadre-postings/:id/applications': {
    none: 'answers the posting (201), not the application: no row id to check; its community comes from the parent :id, whose smuggling the cross variants of the matrix cover; target not written yet',
  },
  'POST /api/cadre-postings/:id/objections': {
    none: 'answers the posting (201), not the objection: no row id to check; its community comes from the parent :id, whose smuggling the cross variants of the matrix cover; target not written yet',
  },
};

/** The place's cadre (world.ts makes it for the typed PlaceObjects fields): an id that must not leak. */
export const world: WorldObjects = async (_w, p) => [{ id: p.cadreId, place: p.key, what: `${p.key} cadre` }];
