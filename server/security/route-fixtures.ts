/**
 * The authorization matrix's table: for every route in app.routeTable (METHOD + url pattern), the policy
 * it must declare and how to call it on an object in each place (城东 grid 1, 城东 grid 2, 城西 grid 1),
 * plus IDOR variants that smuggle another place's ids into bodies and filters. A new route without an
 * entry here fails authorization-matrix.test.ts; the fuzz suite reuses the valid calls as seeds.
 *
 * Expectations are not written here: they come from the policy, the caller's permissions
 * (permissionsOf) and whether the caller's grant covers the places a variant names (world.ts covers()).
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Permission } from '../../shared/domain/permissions';
import type { Policy } from '../plugins/auth';
import type { Client } from '../test/app';
import { COMMUNITIES } from '../db/seed/demo-city';
import { today } from '../lib/clock';
import { addDays } from '../../shared/domain/dates';
import {
  freshGridCode,
  freshIdNumber,
  freshName,
  importCsv,
  multipart,
  PLACE_KEYS,
  PLACES,
  type Level,
  type PlaceKey,
  type PlaceObjects,
  type World,
} from './world';

/** One concrete request. */
export interface Call {
  /** The path with its parameters filled. */
  url: string;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** A raw body with its content type (multipart uploads). */
  raw?: { payload: Buffer; contentType: string };
  /** Sign in anew for this call (it ends the session). */
  freshSession?: boolean;
  /** An id the answer contains when the call is allowed; a 2xx without it is a deny (filters, lists). */
  expectId?: string;
}

/** What a fixture's builder gets. */
export interface Ctx {
  w: World;
  /** The caller; null when unauthenticated. */
  username: string | null;
  /** True when the call may reach the handler: what it changes must then be made fresh for it. */
  fresh: boolean;
}

/** One way of calling a route. */
export interface Variant {
  name: string;
  /** The places the call reaches into: allowed only when the caller's grant covers every one. [] = no object scope. */
  places: PlaceKey[];
  /** How the places are covered (default `grid`). */
  level?: Level;
  /** Permissions needed besides the route's policy (e.g. reveal=true, a justice care group). */
  needs?: Permission[];
  /** Wrong for everybody (ids that do not belong together): must be denied; 400 counts as a deny. */
  never?: boolean;
  /** Allowed to these accounts only, within scope (an object only its creator reads); others get 404. */
  only?: string[];
  /** Statuses that mean allowed (default: any 2xx). */
  ok?: number[];
  /** Statuses that mean denied for a caller with the permission but outside the scope (default 403, 404). */
  deny?: number[];
  /** For answers without ids (exports): whether the object was found. A 2xx without it is a deny. */
  found?: (res: LightMyRequestResponse) => boolean;
  /** The answer may name regions outside the caller's scope (the far end of a re-division), never registry objects. */
  regionRefs?: boolean;
  build: (c: Ctx) => Call | Promise<Call>;
  /** Runs after an allowed call (waits for background work). */
  after?: (c: Ctx) => Promise<void>;
}

export interface RouteFixture {
  /** METHOD and url pattern as app.routeTable lists them. */
  route: string;
  /** The policy the route must declare. */
  policy: Policy;
  /** A multipart upload: the JSON fuzzer leaves it to its dedicated tests. */
  multipart?: boolean;
  variants: Variant[];
}

type VariantOptions = Omit<Variant, 'name' | 'places' | 'build'>;

/** One variant per place (or per listed place). */
function each(name: string, build: (c: Ctx, p: PlaceObjects) => Call | Promise<Call>, opts: VariantOptions & { places?: PlaceKey[] } = {}): Variant[] {
  const { places = PLACE_KEYS, ...rest } = opts;
  return places.map((key) => ({ ...rest, name: `${name} @${key}`, places: [key], build: (c: Ctx) => build(c, c.w.places[key]) }));
}

/** Calls that start in one place and reach into another (from → to). */
const PAIRS: [PlaceKey, PlaceKey][] = [
  ['dong1', 'xi'],
  ['xi', 'dong1'],
  ['dong1', 'dong2'],
];
function cross(
  name: string,
  build: (c: Ctx, from: PlaceObjects, to: PlaceObjects) => Call | Promise<Call>,
  opts: VariantOptions & { pairs?: [PlaceKey, PlaceKey][] } = {},
): Variant[] {
  const { pairs = PAIRS, ...rest } = opts;
  return pairs.map(([a, b]) => ({ ...rest, name: `${name} @${a}→${b}`, places: [a, b], build: (c: Ctx) => build(c, c.w.places[a], c.w.places[b]) }));
}

/** A call without an object. */
function once(name: string, build: (c: Ctx) => Call | Promise<Call>, opts: VariantOptions = {}): Variant[] {
  return [{ ...opts, name, places: [], build }];
}

function route(routeKey: string, policy: Policy, ...variants: Variant[][]): RouteFixture {
  return { route: routeKey, policy, variants: variants.flat() };
}

/** A new pending grant (a worker of 城东) on the spare account, for one approval or rejection. */
async function pendingGrant(c: Ctx): Promise<string> {
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO user_grants (user_id, role, region_id, pending) VALUES ($1, 'worker', $2, true) RETURNING id`,
    [c.w.spareUserId, c.w.places.dong1.communityId],
  );
  return row.id;
}

/** A new session of the spare account; returns the id the security administrator's list gives it. */
async function spareSession(c: Ctx): Promise<string> {
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO sessions (token_hash, user_id, csrf_token) VALUES (md5(random()::text) || md5(random()::text), $1, 'matrix')
     RETURNING left(encode(sha256(convert_to('sid:' || token_hash, 'UTF8')), 'hex'), 32) AS id`,
    [c.w.spareUserId],
  );
  return row.id;
}

const DAY = '2024-05-01';
/** Organisations and cadres belong to a community: a grid worker's grant covers none of them. */
const COMMUNITY_LEVEL: VariantOptions & { places: PlaceKey[] } = { places: ['dong1', 'xi'], level: 'community' };
const STRONG_PASSWORD = 'Qz7#wLp2&vRt9!';
let accountSeq = 0;

/** The neighbour community a grid is moved to (same street). */
const NEIGHBOUR: Record<PlaceKey, string> = { dong1: COMMUNITIES[1].code, dong2: COMMUNITIES[1].code, xi: COMMUNITIES[4].code };

/** A resident the call may change: fresh when it may reach the handler, else the shared head. */
async function person(c: Ctx, p: PlaceObjects) {
  return c.fresh ? (await c.w.resident(p)).id : p.headId;
}
async function familyOf(c: Ctx, p: PlaceObjects) {
  return c.fresh ? c.w.family(p) : { householdId: p.householdId, headId: p.headId, memberIds: p.memberIds };
}
async function householdOf(c: Ctx, p: PlaceObjects) {
  return c.fresh ? (await c.w.household(p)).id : p.householdId;
}

/** One import row naming the place's grid by its full code. */
function uploadTo(communityId: string, gridOf: PlaceKey, bad = false): Call {
  const rows = [{ 姓名: freshName('导'), 身份证号: freshIdNumber(), 网格: PLACES[gridOf].gridCode, 住址: '矩阵路导入1号' }];
  if (bad) rows.push({ 姓名: freshName('导'), 身份证号: '110101199001011230', 网格: PLACES[gridOf].gridCode, 住址: '矩阵路导入1号' });
  const body = multipart({ name: 'matrix.csv', data: importCsv(rows) });
  return { url: '/api/imports/residents', query: { communityId }, raw: body };
}

const rowsFound = (res: LightMyRequestResponse) => Number(res.headers['x-row-count'] ?? 0) > 0;
const drainImports = async (c: Ctx) => {
  await c.w.t.app.services.imports.drain();
};

/** A premises row of the place's community, written straight to the table (matrix objects carry no audit). */
async function premisesIn(c: Ctx, p: PlaceObjects): Promise<string> {
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO premises (community_id, name, use, area_m2, ownership, state) VALUES ($1, '矩阵活动室', 'activity', 120, 'owned', 'in_use') RETURNING id`,
    [p.communityId],
  );
  return row.id;
}
/** A photo of a premises row of the place's community, written straight to the table. */
async function premisesFileIn(c: Ctx, p: PlaceObjects): Promise<string> {
  const premisesId = await premisesIn(c, p);
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO premises_files (premises_id, community_id, kind, content_type, file_name, size_bytes, sha256, data)
     VALUES ($1, $2, 'photo', 'image/jpeg', '矩阵照片.jpg', 4, 'x', '\xffd8ffe0'::bytea) RETURNING id`,
    [premisesId, p.communityId],
  );
  return row.id;
}
/** A JPEG's first bytes: enough for the upload's content check. */
const MATRIX_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

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

/** A planned construction project of the place's community, written straight to the table. */
async function projectIn(c: Ctx, p: PlaceObjects): Promise<string> {
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO projects (community_id, name, kind, budget_fen) VALUES ($1, '矩阵建设项目', 'renovation', 1000000) RETURNING id`,
    [p.communityId],
  );
  return row.id;
}
/** A milestone not done of a fresh project of the place's community. */
async function milestoneIn(c: Ctx, p: PlaceObjects): Promise<{ projectId: string; milestoneId: string }> {
  const projectId = await projectIn(c, p);
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO project_milestones (project_id, community_id, name, planned_on) VALUES ($1, $2, '矩阵节点', '2024-05-01') RETURNING id`,
    [projectId, p.communityId],
  );
  return { projectId, milestoneId: row.id };
}
/**
 * A published notice for all addressed to the place's community, written straight to the table, with a
 * unique title (list searches find it by that). Readers reach it from above and below (community-partial).
 */
async function noticeIn(c: Ctx, p: PlaceObjects): Promise<{ id: string; title: string }> {
  const title = freshName('告');
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO notices (region_id, community_id, title, body, audience, publish_from, author_name) VALUES ($1, $1, $2, '矩阵通知正文', 'all', '2024-01-01', '矩阵') RETURNING id`,
    [p.communityId, title],
  );
  return { id: row.id, title };
}
/** Notices reach the regions above and below them: a grid worker and a resident read their community's. */
const NOTICE_READ: VariantOptions & { places: PlaceKey[] } = { places: ['dong1', 'xi'], level: 'community-partial' };
/** The community's head-count version, so that each allowed caller's PUT is not stale. */
async function staffingVersion(c: Ctx, p: PlaceObjects): Promise<number | undefined> {
  const rows = await c.w.t.database.query<{ version: number }>(`SELECT version FROM community_staffing WHERE community_id = $1`, [p.communityId]);
  return rows[0]?.version;
}

let awardYear = 3000;
/**
 * A 以奖代补 round written straight to the tables (a fresh year each time): a draft, a draft with every
 * community scored, or an approved one with 1,000 yuan frozen for every community.
 */
async function awardRound(c: Ctx, status: 'draft' | 'scored' | 'approved' = 'draft'): Promise<string> {
  const db = c.w.t.database;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO award_rounds (year, pot_fen, floor_score, max_share, status) VALUES ($1, 30000000, 60, 0.5, $2) RETURNING id`,
    [++awardYear, status === 'approved' ? 'approved' : 'draft'],
  );
  if (status !== 'draft')
    await db.query(
      `INSERT INTO award_scores (round_id, community_id, score, inspector, inspected_on) SELECT $1, id, 80, '矩阵考评组', '2024-05-01' FROM regions WHERE level = 'community'`,
      [row.id],
    );
  if (status === 'approved')
    await db.query(
      `INSERT INTO award_allocations (round_id, community_id, score, amount_fen, kind, reason_zh, reason_en)
       SELECT $1, id, 80, 100000, 'proportional', '矩阵', 'matrix' FROM regions WHERE level = 'community'`,
      [row.id],
    );
  return row.id;
}

/** A round belongs to the whole city: changing or approving it needs a grant covering every community (both places). */
function cityWide(name: string, build: (c: Ctx) => Call | Promise<Call>): Variant[] {
  return [{ name: `${name} @dong1+xi`, places: ['dong1', 'xi'], level: 'community', build }];
}

let electionTerm = 500;
/** An election in the place's community, written straight to the table (status and results as given). */
async function electionIn(c: Ctx, p: PlaceObjects, opts: { status?: string; results?: unknown[]; voter?: string; tally?: boolean; groupReps?: boolean } = {}) {
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO elections (community_id, term, mode, seats_director, seats_deputy, seats_member, election_date, law_code, status, results)
     VALUES ($1, $2, $5, 1, 1, 3, '2026-05-16', '2026', $3, $4::jsonb) RETURNING id`,
    [p.communityId, ++electionTerm, opts.status ?? 'preparing', JSON.stringify(opts.results ?? []), opts.groupReps ? 'group_reps' : 'all_voters'],
  );
  // groupReps: a residents'-group representative election whose voter is one of the representatives.
  if (opts.voter)
    await c.w.t.database.query(`INSERT INTO election_voters (community_id, election_id, resident_id, source, group_rep) VALUES ($1, $2, $3, 'derived', $4)`, [
      p.communityId,
      row.id,
      opts.voter,
      !!opts.groupReps,
    ]);
  if (opts.tally)
    await c.w.t.database.query(
      `INSERT INTO election_tallies (community_id, election_id, round, station, ballots_issued, ballots_returned, invalid_ballots, votes)
       VALUES ($1, $2, 1, '一站', 0, 0, 0, '{}'::jsonb)`,
      [p.communityId, row.id],
    );
  return row.id;
}
const ANNOUNCED = [
  {
    round: 1,
    seats: 5,
    registeredVoters: 0,
    ballotsIssued: 0,
    ballotsReturned: 0,
    invalidBallots: 0,
    votes: {},
    computedAt: '2026-05-16T10:00:00Z',
    valid: false,
    reasons: [],
    elected: [],
    unfilledSeats: 5,
    runoffCandidates: [],
  },
];
/** An open objection to the roll of a fresh election in the place's community (about its head of household). */
async function objectionIn(c: Ctx, p: PlaceObjects) {
  const electionId = await electionIn(c, p, { voter: p.headId });
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO election_objections (community_id, election_id, kind, resident_id, filed_by, reason, filed_on)
     VALUES ($1, $2, 'exclude', $3, '矩阵测试', '矩阵测试异议', '2026-04-28') RETURNING id`,
    [p.communityId, electionId, p.headId],
  );
  return { electionId, objectionId: row.id };
}
/**
 * A resident's own objection: the demo resident account linked (once) to a fresh resident of its own
 * community (城东, dong1), and a fresh election in the place's community whose derived roll (its head of
 * household) is open to objections today. At 城东 the resident files (201); at 城西 the election is another
 * community's (404).
 */
let linkedResident: string | undefined;
async function openRollFor(c: Ctx, p: PlaceObjects) {
  if (!linkedResident) {
    linkedResident = (await c.w.resident({ communityId: c.w.places.dong1.communityId, gridId: c.w.places.dong1.gridId })).id;
    await c.w.t.database.query(`UPDATE users SET resident_id = $1 WHERE username = 'resident'`, [linkedResident]);
  }
  // Election day 18 days ahead: the roll was published two days ago and objections close in three.
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO elections (community_id, term, mode, seats_director, seats_deputy, seats_member, election_date, law_code, status)
     VALUES ($1, $2, 'all_voters', 1, 1, 3, $3, '2026', 'preparing') RETURNING id`,
    [p.communityId, ++electionTerm, addDays(today(), 18)],
  );
  await c.w.t.database.query(`INSERT INTO election_voters (community_id, election_id, resident_id, source) VALUES ($1, $2, $3, 'derived')`, [
    p.communityId,
    row.id,
    p.headId,
  ]);
  return row.id;
}
/** A completed election in the place's community whose head of household was elected (the only voter). */
async function electedIn(c: Ctx, p: PlaceObjects) {
  const electionId = await electionIn(c, p, { voter: p.headId });
  const [cand] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO election_candidates (community_id, election_id, resident_id, post, nominator_count) VALUES ($1, $2, $3, 'director', 10) RETURNING id`,
    [p.communityId, electionId, p.headId],
  );
  const results = [{ ...ANNOUNCED[0], registeredVoters: 1, valid: true, elected: [cand.id], unfilledSeats: 4 }];
  await c.w.t.database.query(`UPDATE elections SET status = 'completed', results = $2::jsonb WHERE id = $1`, [electionId, JSON.stringify(results)]);
  return { electionId, candidateId: cand.id };
}
/** A proposed recall of the elected head of household. */
async function recallIn(c: Ctx, p: PlaceObjects) {
  const { electionId, candidateId } = await electedIn(c, p);
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO election_recalls (community_id, election_id, candidate_id, proposer_count, registered_voters, reason, proposed_on)
     VALUES ($1, $2, $3, 1, 1, '矩阵测试罢免', '2026-09-01') RETURNING id`,
    [p.communityId, electionId, candidateId],
  );
  return { electionId, recallId: row.id };
}
const RECALL_VOTE = { voteDate: '2026-10-01', ballotsIssued: 1, ballotsReturned: 1, invalidBallots: 0, votesFor: 1 };
const COMMUNITY_PLACES: PlaceKey[] = ['dong1', 'xi'];
const TALLY = {
  seats: 2,
  registeredVoters: 10,
  ballotsIssued: 8,
  ballotsReturned: 8,
  invalidBallots: 0,
  requireWoman: true,
  candidates: [
    { id: '1', name: '甲', sex: 'M' },
    { id: '2', name: '乙', sex: 'F' },
    { id: '3', name: '丙', sex: 'M' },
  ],
  votes: { '1': 6, '2': 5, '3': 4 },
};

export const ROUTE_FIXTURES: RouteFixture[] = [
  // ------------------------------------------------------------------ public
  route(
    'GET /api/docs',
    'public',
    once('the API documentation', () => ({ url: '/api/docs' }), { ok: [200, 302] }),
  ),
  route(
    'GET /api/docs/static/index.html',
    'public',
    once('the documentation page', () => ({ url: '/api/docs/static/index.html' }), { ok: [200, 302] }),
  ),
  route(
    'GET /api/docs/static/swagger-initializer.js',
    'public',
    once('its script', () => ({ url: '/api/docs/static/swagger-initializer.js' })),
  ),
  route(
    'GET /api/docs/json',
    'public',
    once('the OpenAPI JSON', () => ({ url: '/api/docs/json' })),
  ),
  route(
    'GET /api/docs/yaml',
    'public',
    once('the OpenAPI YAML', () => ({ url: '/api/docs/yaml' })),
  ),
  route(
    'GET /api/docs/static/*',
    'public',
    once('a static file', () => ({ url: '/api/docs/static/swagger-ui.css' })),
  ),
  route(
    'GET /api/openapi.json',
    'public',
    once('the OpenAPI document', () => ({ url: '/api/openapi.json' })),
  ),
  route(
    'GET /api/health',
    'public',
    once('health', () => ({ url: '/api/health' })),
  ),

  // ------------------------------------------------------------------ auth
  route(
    'POST /api/auth/login',
    'public',
    once('own credentials', (c) => ({ url: '/api/auth/login', body: { username: c.username ?? 'resident', password: c.w.t.config.demoPassword } })),
  ),
  route(
    'GET /api/auth/me',
    'authenticated',
    once('own session', () => ({ url: '/api/auth/me' })),
  ),
  route(
    'GET /api/auth/preferences',
    'authenticated',
    once('own preferences', () => ({ url: '/api/auth/preferences' })),
  ),
  route(
    'PUT /api/auth/preferences',
    'authenticated',
    once('own preferences', () => ({ url: '/api/auth/preferences', body: { textSize: 'standard' } })),
  ),
  route(
    'POST /api/auth/logout',
    'authenticated',
    once('a session of its own', () => ({ url: '/api/auth/logout', freshSession: true })),
  ),
  route(
    'POST /api/auth/password',
    'authenticated',
    // Allowed callers reach the check of the current password (400), which this suite never passes.
    once(
      'with a wrong current password',
      () => ({ url: '/api/auth/password', body: { currentPassword: 'Not-the-password-1', newPassword: STRONG_PASSWORD } }),
      {
        ok: [400],
      },
    ),
  ),

  route(
    'POST /api/auth/totp/setup',
    'authenticated',
    // The password again (13): a secret to enrol; the factor in force (none here) would stay until enabled.
    once('a new secret for oneself', (c) => ({ url: '/api/auth/totp/setup', body: { password: c.w.t.config.demoPassword } })),
  ),
  route(
    'POST /api/auth/totp/enable',
    'authenticated',
    // Allowed callers reach the check of the code: 400 (wrong code) or 409 (no setup started).
    once('with a code that does not match', () => ({ url: '/api/auth/totp/enable', body: { code: '000000' } }), { ok: [400, 409] }),
  ),

  // ------------------------------------------------------------------ regions
  route(
    'GET /api/regions/tree',
    'regions.read',
    once('own subtree', () => ({ url: '/api/regions/tree' })),
  ),
  route(
    'GET /api/regions/boundaries',
    'regions.read',
    once('community boundaries', () => ({ url: '/api/regions/boundaries', query: { level: 'community' } })),
    once('grid boundaries', () => ({ url: '/api/regions/boundaries', query: { level: 'grid' } })),
  ),
  route(
    'GET /api/regions/:id',
    'regions.read',
    each('a grid', (_c, p) => ({ url: `/api/regions/${p.gridId}` })),
    // A grid worker sees the community their grid is in (breadcrumbs).
    each('a community', (_c, p) => ({ url: `/api/regions/${p.communityId}` }), { places: ['dong1', 'xi'], level: 'community-partial' }),
  ),
  route(
    'POST /api/regions',
    'regions.manage',
    each(
      'a grid under the community',
      (_c, p) => ({ url: '/api/regions', body: { parentId: p.communityId, code: freshGridCode(PLACES[p.key].communityCode), name: '矩阵新网格' } }),
      { places: ['dong1', 'xi'], level: 'community' },
    ),
  ),
  route(
    'PATCH /api/regions/:id',
    'regions.manage',
    each('the English name of a grid', async (c, p) => ({
      url: `/api/regions/${p.gridId}`,
      body: { version: await c.w.version('regions', p.gridId), nameEn: 'Matrix grid' },
    })),
  ),

  // ------------------------------------------------------------------ accounts (三员: the system administrator)
  route(
    'GET /api/accounts',
    'accounts.manage',
    once('the list', () => ({ url: '/api/accounts' })),
  ),
  route(
    'GET /api/accounts/:id',
    'accounts.manage',
    once('an account', (c) => ({ url: `/api/accounts/${c.w.spareUserId}` })),
  ),
  route(
    'POST /api/accounts',
    'accounts.manage',
    once('a community worker', (c) => ({
      url: '/api/accounts',
      body: {
        username: `matrix-${++accountSeq}`,
        displayName: '矩阵账户',
        password: STRONG_PASSWORD,
        grants: [{ role: 'worker', regionId: c.w.places.dong1.communityId }],
      },
    })),
  ),
  route(
    'PATCH /api/accounts/:id',
    'accounts.manage',
    once('a display name', async (c) => ({
      url: `/api/accounts/${c.w.spareUserId}`,
      body: { version: await c.w.version('users', c.w.spareUserId), displayName: '矩阵备用账户' },
    })),
  ),
  route(
    'POST /api/accounts/:id/reset-password',
    'accounts.manage',
    once('a password', (c) => ({ url: `/api/accounts/${c.w.spareUserId}/reset-password`, body: { newPassword: STRONG_PASSWORD } })),
  ),
  route(
    'POST /api/accounts/:id/reset-totp',
    'accounts.manage',
    once('an account', (c) => ({ url: `/api/accounts/${c.w.spareUserId}/reset-totp` })),
  ),
  route(
    'POST /api/accounts/:id/unlock',
    'accounts.manage',
    once('an account', (c) => ({ url: `/api/accounts/${c.w.spareUserId}/unlock` })),
  ),
  // 三员: the security administrator approves grants that carry personal data.
  route(
    'GET /api/accounts/pending-grants',
    'accounts.approve',
    once('the list', () => ({ url: '/api/accounts/pending-grants' })),
  ),
  route(
    'POST /api/accounts/pending-grants/:id/approve',
    'accounts.approve',
    once('a pending grant of the spare account', async (c) => ({ url: `/api/accounts/pending-grants/${await pendingGrant(c)}/approve` })),
  ),
  route(
    'POST /api/accounts/pending-grants/:id/reject',
    'accounts.approve',
    once('a pending grant of the spare account', async (c) => ({ url: `/api/accounts/pending-grants/${await pendingGrant(c)}/reject` })),
  ),

  // ------------------------------------------------------------------ audit
  route(
    'GET /api/audit',
    'audit.read',
    once('the log', () => ({ url: '/api/audit', query: { pageSize: '5' } })),
  ),
  route(
    'GET /api/security/alerts',
    'security.manage',
    once('the security alerts', () => ({ url: '/api/security/alerts', query: { pageSize: '5' } })),
  ),
  route(
    'GET /api/audit/verify',
    'audit.verify',
    once('the hash chain', () => ({ url: '/api/audit/verify' })),
  ),
  route(
    'GET /api/audit/labels',
    'authenticated',
    once('the labels', () => ({ url: '/api/audit/labels' })),
  ),
  route(
    'GET /api/audit/export',
    'audit.read',
    once('the sign-ins', () => ({ url: '/api/audit/export', query: { actionText: '登录' } })),
  ),

  // ------------------------------------------------------------------ security (三员: the security administrator)
  route(
    'GET /api/security/settings',
    'security.manage',
    once('the settings', () => ({ url: '/api/security/settings' })),
  ),
  route(
    'PUT /api/security/settings',
    'security.manage',
    // The settings as they are (a change here would alter the lockout of the other calls).
    once('the same settings again', async (c) => {
      const view = await c.w.t.app.services.securitySettings.view();
      return { url: '/api/security/settings', body: { ...view.settings, version: view.version } };
    }),
  ),
  route(
    'GET /api/security/locked-accounts',
    'security.manage',
    once('the list', () => ({ url: '/api/security/locked-accounts' })),
  ),
  route(
    'POST /api/security/locked-accounts/:id/unlock',
    'security.manage',
    once('the spare account', (c) => ({ url: `/api/security/locked-accounts/${c.w.spareUserId}/unlock` })),
  ),
  route(
    'GET /api/security/sessions',
    'security.manage',
    once('the list', () => ({ url: '/api/security/sessions' })),
  ),
  route(
    'DELETE /api/security/sessions/:id',
    'security.manage',
    once('a session of the spare account', async (c) => ({ url: `/api/security/sessions/${await spareSession(c)}` })),
  ),

  // ------------------------------------------------------------------ imports
  route(
    'GET /api/imports/template',
    'residents.import',
    once('the template', () => ({ url: '/api/imports/template' })),
  ),
  route(
    'GET /api/imports/targets',
    'residents.import',
    // A grid worker's community is named (not a registry object), with their grid only.
    once('the communities to import into', () => ({ url: '/api/imports/targets' }), { regionRefs: true }),
  ),
  {
    ...route(
      'POST /api/imports/residents',
      'residents.import',
      // The default community must be covered (a grid worker covers theirs); rows outside the scope fail inside the job (dedicated test).
      each('one row into the community', (_c, p) => uploadTo(p.communityId, p.key), {
        places: ['dong1', 'xi'],
        level: 'community-partial',
        ok: [202],
        after: drainImports,
      }),
    ),
    multipart: true,
  },
  route(
    'GET /api/imports',
    'residents.import',
    once('recent jobs', () => ({ url: '/api/imports' })),
  ),
  route(
    'GET /api/imports/:id',
    'residents.import',
    // A job is a community's: a grid worker sees their own jobs only.
    each('a job of another user', (c, p) => ({ url: `/api/imports/${c.w.jobs[p.key]}` }), { places: ['dong1', 'xi'], level: 'community' }),
  ),
  route(
    'GET /api/imports/:id/report',
    'residents.import',
    // A job's rows may belong to any community its creator covers: only the creator (mzj) reads the report.
    each('the report of mzj’s job', (c, p) => ({ url: `/api/imports/${c.w.jobs[p.key]}/report` }), {
      places: ['dong1', 'xi'],
      level: 'community',
      only: ['mzj'],
    }),
  ),

  // ------------------------------------------------------------------ residents
  route(
    'GET /api/residents',
    'residents.read',
    each('by name', (_c, p) => ({ url: '/api/residents', query: { q: p.headName }, expectId: p.headId })),
    each('filtered by grid', (_c, p) => ({ url: '/api/residents', query: { q: p.headName, gridId: p.gridId }, expectId: p.headId })),
    each('filtered by community', (_c, p) => ({ url: '/api/residents', query: { q: p.headName, communityId: p.communityId }, expectId: p.headId })),
    each('filtered by region', (_c, p) => ({ url: '/api/residents', query: { q: p.headName, regionId: p.gridId }, expectId: p.headId })),
    each(
      'in the 刑满释放 group',
      (_c, p) => ({ url: '/api/residents', query: { careGroup: 'released', gridId: p.gridId, pageSize: '200' }, expectId: p.memberIds[1] }),
      {
        needs: ['care.justice.read'],
      },
    ),
  ),
  route(
    'GET /api/residents/export',
    'residents.export',
    each('by name', (_c, p) => ({ url: '/api/residents/export', query: { q: p.headName } }), { found: rowsFound }),
    each('filtered by grid', (_c, p) => ({ url: '/api/residents/export', query: { q: p.headName, gridId: p.gridId } }), { found: rowsFound }),
    each('filtered by community', (_c, p) => ({ url: '/api/residents/export', query: { q: p.headName, communityId: p.communityId } }), { found: rowsFound }),
    each('filtered by region', (_c, p) => ({ url: '/api/residents/export', query: { q: p.headName, regionId: p.gridId } }), { found: rowsFound }),
  ),
  route(
    'POST /api/residents/export',
    'residents.export',
    each('masked, filtered by grid', (_c, p) => ({ url: '/api/residents/export', body: { q: p.headName, gridId: p.gridId } }), { found: rowsFound }),
    each('with full identity', (_c, p) => ({ url: '/api/residents/export', body: { q: p.headName, reveal: true } }), {
      found: rowsFound,
      needs: ['residents.reveal'],
    }),
  ),
  route(
    'GET /api/residents/:id',
    'residents.read',
    each('a head of household', (_c, p) => ({ url: `/api/residents/${p.headId}` })),
  ),
  route(
    'POST /api/residents',
    'residents.write',
    each('in a grid', (_c, p) => ({ url: '/api/residents', body: { name: freshName(), idNumber: freshIdNumber(), gridId: p.gridId } })),
    each('into a household', async (c, p) => ({
      url: '/api/residents',
      body: { name: freshName(), idNumber: freshIdNumber(), gridId: p.gridId, householdId: await householdOf(c, p), relationToHead: 'other' },
    })),
    cross(
      'in a grid, into a household elsewhere',
      (_c, a, b) => ({ url: '/api/residents', body: { name: freshName(), idNumber: freshIdNumber(), gridId: a.gridId, householdId: b.householdId } }),
      {
        pairs: [
          ['dong1', 'xi'],
          ['xi', 'dong1'],
        ],
        never: true,
        deny: [400, 403, 404],
      },
    ),
  ),
  route(
    'PATCH /api/residents/:id',
    'residents.write',
    each('notes', async (c, p) => ({ url: `/api/residents/${await person(c, p)}`, body: { version: 1, notes: '矩阵测试' } })),
    each('a status change', async (c, p) => ({ url: `/api/residents/${await person(c, p)}`, body: { version: 1, status: 'moved_out', statusDate: DAY } })),
  ),
  route(
    'POST /api/residents/:id/place',
    'residents.write',
    each(
      'a resident an import could not place',
      async (c, p) => ({
        url: `/api/residents/${(await c.w.resident({ communityId: p.communityId, gridId: null })).id}/place`,
        body: { gridId: p.gridId, version: 1 },
      }),
      { level: 'community' },
    ),
  ),
  route(
    'POST /api/residents/:id/reveal',
    'residents.reveal',
    each('a head of household', (_c, p) => ({ url: `/api/residents/${p.headId}/reveal` })),
  ),

  // ------------------------------------------------------------------ care records
  route(
    'GET /api/residents/:id/care-records',
    'residents.read',
    each('a resident in two groups', (_c, p) => ({ url: `/api/residents/${p.memberIds[1]}/care-records` })),
  ),
  route(
    'POST /api/residents/:id/care-records',
    'care.write',
    each('独居老人', async (c, p) => ({ url: `/api/residents/${await person(c, p)}/care-records`, body: { groupType: 'elderly_alone', startDate: DAY } })),
    each(
      '刑满释放',
      async (c, p) => ({
        url: `/api/residents/${await person(c, p)}/care-records`,
        body: { groupType: 'released', startDate: DAY, attributes: { releaseDate: '2024-04-01' } },
      }),
      { needs: ['care.justice.read'] },
    ),
  ),
  route(
    'PATCH /api/residents/:id/care-records/:recordId',
    'care.write',
    each('notes', async (c, p) => {
      if (!c.fresh) return { url: `/api/residents/${p.headId}/care-records/${p.basicCareId}`, body: { version: 1, notes: '矩阵' } };
      const r = await c.w.resident(p);
      const record = await c.w.care({ id: r.id, communityId: p.communityId }, 'elderly_alone');
      return { url: `/api/residents/${r.id}/care-records/${record.id}`, body: { version: 1, notes: '矩阵' } };
    }),
    cross(
      'a record of a resident elsewhere, under this resident',
      (_c, a, b) => ({ url: `/api/residents/${a.headId}/care-records/${b.basicCareId}`, body: { version: 1, notes: '矩阵' } }),
      {
        pairs: [
          ['dong1', 'xi'],
          ['xi', 'dong1'],
        ],
        never: true,
      },
    ),
  ),

  // ------------------------------------------------------------------ buildings
  route(
    'GET /api/buildings',
    'buildings.read',
    each('by name', (_c, p) => ({ url: '/api/buildings', query: { q: p.buildingName }, expectId: p.buildingId })),
    each('filtered by grid', (_c, p) => ({ url: '/api/buildings', query: { q: p.buildingName, gridId: p.gridId }, expectId: p.buildingId })),
    each('filtered by region', (_c, p) => ({ url: '/api/buildings', query: { q: p.buildingName, regionId: p.gridId }, expectId: p.buildingId })),
  ),
  route(
    'GET /api/buildings/export',
    'buildings.read',
    each('by name', (_c, p) => ({ url: '/api/buildings/export', query: { q: p.buildingName } }), { found: rowsFound }),
    each('filtered by region', (_c, p) => ({ url: '/api/buildings/export', query: { q: p.buildingName, regionId: p.gridId } }), { found: rowsFound }),
  ),
  route(
    'GET /api/buildings/:id',
    'buildings.read',
    each('a building', (_c, p) => ({ url: `/api/buildings/${p.buildingId}` })),
  ),
  route(
    'POST /api/buildings',
    'buildings.write',
    each('in a grid', (_c, p) => ({ url: '/api/buildings', body: { gridId: p.gridId, name: freshName('楼'), address: '矩阵路9号' } })),
  ),
  route(
    'PATCH /api/buildings/:id',
    'buildings.write',
    each('its name', async (c, p) => ({
      url: `/api/buildings/${c.fresh ? (await c.w.building(p)).id : p.buildingId}`,
      body: { version: 1, name: freshName('楼') },
    })),
  ),

  // ------------------------------------------------------------------ households
  route(
    'GET /api/households',
    'households.read',
    each('by number', (_c, p) => ({ url: '/api/households', query: { q: p.householdNumber }, expectId: p.householdId })),
    each('filtered by grid', (_c, p) => ({ url: '/api/households', query: { q: p.householdNumber, gridId: p.gridId }, expectId: p.householdId })),
    each('filtered by region', (_c, p) => ({ url: '/api/households', query: { q: p.householdNumber, regionId: p.gridId }, expectId: p.householdId })),
    each('filtered by building', (_c, p) => ({ url: '/api/households', query: { buildingId: p.buildingId }, expectId: p.householdId })),
  ),
  route(
    'GET /api/households/export',
    'households.read',
    each('by number', (_c, p) => ({ url: '/api/households/export', query: { q: p.householdNumber } }), { found: rowsFound }),
    each('filtered by region', (_c, p) => ({ url: '/api/households/export', query: { q: p.householdNumber, regionId: p.gridId } }), { found: rowsFound }),
  ),
  route(
    'GET /api/households/:id',
    'households.read',
    each('a household', (_c, p) => ({ url: `/api/households/${p.householdId}` })),
  ),
  route(
    'POST /api/households',
    'households.write',
    each('in a grid', (_c, p) => ({ url: '/api/households', body: { gridId: p.gridId, address: '矩阵路新户1号' } })),
    each('in a building', (_c, p) => ({ url: '/api/households', body: { buildingId: p.buildingId, address: '矩阵路新户2号' } })),
    cross(
      'in a grid, with a building elsewhere',
      (_c, a, b) => ({ url: '/api/households', body: { gridId: a.gridId, buildingId: b.buildingId, address: '矩阵路新户3号' } }),
      {
        never: true,
        deny: [400, 403, 404],
      },
    ),
  ),
  route(
    'PATCH /api/households/:id',
    'households.write',
    each('its address', async (c, p) => ({ url: `/api/households/${await householdOf(c, p)}`, body: { version: 1, address: '矩阵路改址1号' } })),
  ),
  route(
    'POST /api/households/:id/move-member',
    'households.write',
    each('a member to a household of the same grid', async (c, p) => {
      const f = await familyOf(c, p);
      return {
        url: `/api/households/${f.householdId}/move-member`,
        body: { residentId: f.memberIds[2], toHouseholdId: await householdOf(c, p), relationToHead: 'other', effectiveDate: DAY },
      };
    }),
    cross('a member to a household elsewhere', async (c, a, b) => {
      const f = await familyOf(c, a);
      return {
        url: `/api/households/${f.householdId}/move-member`,
        body: { residentId: f.memberIds[2], toHouseholdId: await householdOf(c, b), relationToHead: 'other', effectiveDate: DAY },
      };
    }),
    cross(
      'a resident of another household',
      async (c, a, b) => ({
        url: `/api/households/${await householdOf(c, a)}/move-member`,
        body: { residentId: b.memberIds[2], toHouseholdId: await householdOf(c, a), relationToHead: 'other', effectiveDate: DAY },
      }),
      {
        pairs: [
          ['dong1', 'xi'],
          ['xi', 'dong1'],
        ],
        never: true,
        deny: [400, 403, 404],
      },
    ),
  ),
  route(
    'POST /api/households/:id/split',
    'households.write',
    each('one member leaves', async (c, p) => {
      const f = await familyOf(c, p);
      const leaver = f.memberIds[2];
      return {
        url: `/api/households/${f.householdId}/split`,
        body: { residentIds: [leaver], newHousehold: { address: '矩阵路分户1号' }, newHeadId: leaver, effectiveDate: DAY },
      };
    }),
    cross('one member leaves for a building elsewhere', async (c, a, b) => {
      const f = await familyOf(c, a);
      const leaver = f.memberIds[2];
      return {
        url: `/api/households/${f.householdId}/split`,
        body: { residentIds: [leaver], newHousehold: { address: '矩阵路分户2号', buildingId: b.buildingId }, newHeadId: leaver, effectiveDate: DAY },
      };
    }),
    cross(
      'residents of another household',
      async (c, a, b) => ({
        url: `/api/households/${(await familyOf(c, a)).householdId}/split`,
        body: { residentIds: [b.memberIds[2]], newHousehold: { address: '矩阵路分户3号' }, newHeadId: b.memberIds[2], effectiveDate: DAY },
      }),
      {
        pairs: [
          ['dong1', 'xi'],
          ['xi', 'dong1'],
        ],
        never: true,
        deny: [400, 403, 404],
      },
    ),
  ),
  route(
    'POST /api/households/:id/merge',
    'households.write',
    each('into a household of the same grid', async (c, p) => ({
      url: `/api/households/${(await familyOf(c, p)).householdId}/merge`,
      body: { intoHouseholdId: (await familyOf(c, p)).householdId, effectiveDate: DAY },
    })),
    cross('into a household elsewhere', async (c, a, b) => ({
      url: `/api/households/${(await familyOf(c, a)).householdId}/merge`,
      body: { intoHouseholdId: (await familyOf(c, b)).householdId, effectiveDate: DAY },
    })),
  ),

  // ------------------------------------------------------------------ statistics
  route(
    'GET /api/statistics/overview',
    'stats.read',
    once('the whole scope', () => ({ url: '/api/statistics/overview' })),
    each('a grid', (_c, p) => ({ url: '/api/statistics/overview', query: { regionId: p.gridId }, expectId: p.gridId })),
    each('a community', (_c, p) => ({ url: '/api/statistics/overview', query: { regionId: p.communityId } }), {
      places: ['dong1', 'xi'],
      level: 'community-partial',
    }),
  ),
  route(
    'GET /api/statistics/export',
    'stats.read',
    once('the whole scope', () => ({ url: '/api/statistics/export' })),
    each('a grid', (_c, p) => ({ url: '/api/statistics/export', query: { regionId: p.gridId } }), { found: rowsFound }),
  ),
  route(
    'GET /api/statistics/communities/:id',
    'stats.read',
    // A grid worker gets their community's page limited to their grid.
    each('a community', (_c, p) => ({ url: `/api/statistics/communities/${p.communityId}` }), { places: ['dong1', 'xi'], level: 'community-partial' }),
  ),

  // ------------------------------------------------------------------ workbench and a resident's own pages
  route(
    'GET /api/workbench',
    'authenticated',
    // Each module's hook limits the numbers to the caller's scope (workbench.test.ts compares two communities).
    once('own workbench', () => ({ url: '/api/workbench' })),
  ),
  route(
    'GET /api/me/resident',
    'self.read',
    // No id in the request: the record is actor.residentId. The matrix's resident account is linked to nobody (404).
    once('own record', () => ({ url: '/api/me/resident' }), { ok: [200, 404] }),
  ),
  route(
    'GET /api/me/household',
    'self.read',
    once('own household', () => ({ url: '/api/me/household' }), { ok: [200, 404] }),
  ),
  route(
    'GET /api/me/elections',
    'self.read',
    // The account's own resident's community only; 404 while the account is linked to nobody.
    once('own elections', () => ({ url: '/api/me/elections' }), { ok: [200, 404] }),
  ),
  route(
    'POST /api/me/elections/:id/objections',
    'self.object',
    each(
      'about oneself, missing from an open roll',
      // A new session for the resident: the account's link to its resident is read when the session starts.
      async (c, p) => ({
        url: `/api/me/elections/${await openRollFor(c, p)}/objections`,
        body: { kind: 'include', reason: '矩阵测试：我应列入' },
        freshSession: c.username === 'resident',
      }),
      { places: COMMUNITY_PLACES, level: 'community', ok: [201] },
    ),
  ),

  // ------------------------------------------------------------------ re-division
  route(
    'POST /api/redivision/move-grid',
    'regions.redivide',
    each(
      'a new grid to the neighbour community',
      async (c, p) => {
        const gridId = c.fresh ? (await c.w.grid(p.key)).id : p.gridId;
        return { url: '/api/redivision/move-grid', body: { gridId, toCommunityId: c.w.regionId(NEIGHBOUR[p.key]), effectiveDate: DAY, reason: '矩阵测试' } };
      },
      { places: ['dong1', 'xi'], level: 'community' },
    ),
  ),
  route(
    'POST /api/redivision/move-building',
    'regions.redivide',
    each('a new building to grid 3', async (c, p) => ({
      url: '/api/redivision/move-building',
      body: { buildingId: c.fresh ? (await c.w.building(p)).id : p.buildingId, toGridId: p.otherGridId, effectiveDate: DAY, reason: '矩阵测试' },
    })),
    cross(
      'a building into a grid elsewhere',
      async (c, a, b) => ({
        url: '/api/redivision/move-building',
        body: { buildingId: c.fresh ? (await c.w.building(a)).id : a.buildingId, toGridId: b.otherGridId, effectiveDate: DAY, reason: '矩阵测试' },
      }),
      { pairs: [['dong1', 'xi']] },
    ),
  ),
  route(
    'GET /api/redivision/history',
    'regions.read',
    // A move between communities is listed on both sides, naming the region at the other end.
    once('the whole scope', () => ({ url: '/api/redivision/history' }), { regionRefs: true }),
    each('a grid', (_c, p) => ({ url: '/api/redivision/history', query: { regionId: p.gridId } }), { regionRefs: true }),
  ),

  // ------------------------------------------------------------------ organisations (a community's, not a grid's)
  route(
    'GET /api/organisations',
    'orgs.read',
    each('by name', (_c, p) => ({ url: '/api/organisations', query: { q: p.organisationName }, expectId: p.organisationId }), COMMUNITY_LEVEL),
    each(
      'filtered by community and type',
      (_c, p) => ({ url: '/api/organisations', query: { communityId: p.communityId, type: 'culture_team', pageSize: '200' }, expectId: p.organisationId }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/organisations/counts',
    'orgs.read',
    once('the whole scope', () => ({ url: '/api/organisations/counts' })),
  ),
  route(
    'GET /api/organisations/export',
    'orgs.read',
    each('by name', (_c, p) => ({ url: '/api/organisations/export', query: { q: p.organisationName } }), { ...COMMUNITY_LEVEL, found: rowsFound }),
  ),
  route(
    'GET /api/organisations/:id',
    'orgs.read',
    each('a culture team', (_c, p) => ({ url: `/api/organisations/${p.organisationId}` }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/organisations',
    'orgs.write',
    each(
      'a volunteer team',
      (_c, p) => ({ url: '/api/organisations', body: { communityId: p.communityId, type: 'volunteer_team', name: freshName('队') } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PATCH /api/organisations/:id',
    'orgs.write',
    each(
      'its contact',
      async (c, p) => ({
        url: `/api/organisations/${c.fresh ? (await c.w.organisation(p)).id : p.organisationId}`,
        body: { version: 1, contactPerson: '矩阵联系人' },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'DELETE /api/organisations/:id',
    'orgs.write',
    each(
      'a team',
      async (c, p) => ({ url: `/api/organisations/${c.fresh ? (await c.w.organisation(p)).id : p.organisationId}`, query: { version: '1' } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'POST /api/organisations/:id/members',
    'orgs.write',
    each(
      'someone not in the registry',
      (_c, p) => ({ url: `/api/organisations/${p.organisationId}/members`, body: { name: freshName('员'), startDate: DAY } }),
      COMMUNITY_LEVEL,
    ),
    each(
      'a resident of the community',
      async (c, p) => ({
        url: `/api/organisations/${p.organisationId}/members`,
        body: { residentId: c.fresh ? (await c.w.resident(p)).id : p.headId, startDate: DAY },
      }),
      COMMUNITY_LEVEL,
    ),
    cross(
      'a resident of another community',
      (_c, a, b) => ({ url: `/api/organisations/${a.organisationId}/members`, body: { residentId: b.memberIds[2], startDate: DAY } }),
      {
        pairs: [
          ['dong1', 'xi'],
          ['xi', 'dong1'],
        ],
        never: true,
        deny: [400, 403, 404],
      },
    ),
  ),
  route(
    'POST /api/organisations/:id/members/:memberId/end',
    'orgs.write',
    each(
      'a member',
      async (c, p) => {
        if (!c.fresh) return { url: `/api/organisations/${p.organisationId}/members/${p.memberId}/end`, body: { version: 1, endDate: DAY } };
        const m = await c.w.member({ id: p.organisationId, communityId: p.communityId });
        return { url: `/api/organisations/${p.organisationId}/members/${m.id}/end`, body: { version: 1, endDate: DAY } };
      },
      COMMUNITY_LEVEL,
    ),
    cross(
      'a member of an organisation elsewhere, under this organisation',
      (_c, a, b) => ({ url: `/api/organisations/${a.organisationId}/members/${b.memberId}/end`, body: { version: 1, endDate: DAY } }),
      {
        pairs: [
          ['dong1', 'xi'],
          ['xi', 'dong1'],
        ],
        never: true,
      },
    ),
  ),
  route(
    'POST /api/organisations/:id/honours',
    'orgs.write',
    each(
      '先进集体',
      (_c, p) => ({ url: `/api/organisations/${p.organisationId}/honours`, body: { title: '先进集体', year: 2024, issuer: '矩阵街道' } }),
      COMMUNITY_LEVEL,
    ),
  ),

  // ------------------------------------------------------------------ cadres (a community's team)
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

  // ------------------------------------------------------------------ the four haves (四有)
  route(
    'POST /api/awards/preview',
    'fourhaves.read',
    once('a hypothetical distribution', () => ({
      url: '/api/awards/preview',
      body: {
        pot: 300000,
        floorScore: 60,
        maxShare: 0.5,
        communities: [
          { id: 'a', score: 90 },
          { id: 'b', score: 70 },
          { id: 'c', score: 50 },
        ],
      },
    })),
  ),
  route(
    'GET /api/four-haves',
    'fourhaves.read',
    once('the whole scope', () => ({ url: '/api/four-haves' })),
  ),
  route(
    'GET /api/four-haves/communities/:id',
    'fourhaves.read',
    each('a community', (_c, p) => ({ url: `/api/four-haves/communities/${p.communityId}` }), COMMUNITY_LEVEL),
  ),
  route(
    'PUT /api/four-haves/communities/:id/staffing',
    'fourhaves.write',
    each(
      'its head-count',
      async (c, p) => ({
        url: `/api/four-haves/communities/${p.communityId}/staffing`,
        body: { fullTime: 5, partTime: 1, police: 3, version: await staffingVersion(c, p) },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/four-haves/standards',
    'fourhaves.read',
    once('the standards', () => ({ url: '/api/four-haves/standards' })),
  ),
  route(
    'PATCH /api/four-haves/standards',
    'fourhaves.settings',
    once('the lease warning (unchanged)', () => ({ url: '/api/four-haves/standards', body: { leaseWarningDays: 90 } })),
    once('the tier table (the default again)', () => ({
      url: '/api/four-haves/standards',
      body: {
        premisesTiers: [
          { maxFloorAreaM2: 30_000, premisesM2: 300 },
          { maxFloorAreaM2: 100_000, premisesM2: 800 },
          { maxFloorAreaM2: 180_000, premisesM2: 1_700 },
          { maxFloorAreaM2: 280_000, premisesM2: 2_500 },
          { maxFloorAreaM2: null, premisesM2: 4_800 },
        ],
      },
    })),
  ),
  route(
    'GET /api/premises',
    'fourhaves.read',
    each(
      'filtered by community',
      async (c, p) => ({ url: '/api/premises', query: { communityId: p.communityId }, expectId: await premisesIn(c, p) }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/premises/:id',
    'fourhaves.read',
    each('a room', async (c, p) => ({ url: `/api/premises/${await premisesIn(c, p)}` }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/premises',
    'fourhaves.write',
    each(
      'an activity room',
      (_c, p) => ({
        url: '/api/premises',
        body: { communityId: p.communityId, name: '矩阵活动室', use: 'activity', areaM2: 80, ownership: 'owned', state: 'in_use' },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PATCH /api/premises/:id',
    'fourhaves.write',
    each(
      'a hand-over',
      async (c, p) => ({ url: `/api/premises/${await premisesIn(c, p)}`, body: { version: 1, state: 'in_use', areaM2: 130 } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/premises/:id/files',
    'fourhaves.read',
    each('the photos of a room', async (c, p) => ({ url: `/api/premises/${await premisesIn(c, p)}/files` }), COMMUNITY_LEVEL),
  ),
  {
    ...route(
      'POST /api/premises/:id/files',
      'fourhaves.write',
      each(
        'a photo of a room',
        async (c, p) => ({
          url: `/api/premises/${await premisesIn(c, p)}/files`,
          raw: multipart({ name: '矩阵照片.jpg', data: MATRIX_JPEG, type: 'image/jpeg' }),
        }),
        { ...COMMUNITY_LEVEL, ok: [201] },
      ),
    ),
    multipart: true,
  },
  route(
    'GET /api/premises-files/:id',
    'fourhaves.read',
    each('a photo', async (c, p) => ({ url: `/api/premises-files/${await premisesFileIn(c, p)}` }), COMMUNITY_LEVEL),
  ),
  route(
    'DELETE /api/premises-files/:id',
    'fourhaves.write',
    each('a photo', async (c, p) => ({ url: `/api/premises-files/${await premisesFileIn(c, p)}` }), COMMUNITY_LEVEL),
  ),
  route(
    'GET /api/housing-projects',
    'fourhaves.read',
    each('filtered by community', (_c, p) => ({ url: '/api/housing-projects', query: { communityId: p.communityId } }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/housing-projects',
    'fourhaves.write',
    each(
      'a project at 立项',
      (_c, p) => ({
        url: '/api/housing-projects',
        body: { communityId: p.communityId, name: '矩阵花园', developer: '矩阵置业', floorAreaM2: 50_000, approvalOn: DAY },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PATCH /api/housing-projects/:id',
    'fourhaves.write',
    each(
      'its planning approval',
      async (c, p) => {
        const [row] = await c.w.t.database.query<{ id: string }>(
          `INSERT INTO housing_projects (community_id, name, developer, floor_area_m2) VALUES ($1, '矩阵花园', '矩阵置业', 50000) RETURNING id`,
          [p.communityId],
        );
        return { url: `/api/housing-projects/${row.id}`, body: { version: 1, planningOn: DAY, plannedPremisesM2: 800 } };
      },
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/community-rules',
    'fourhaves.read',
    each('filtered by community', (_c, p) => ({ url: '/api/community-rules', query: { communityId: p.communityId } }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/community-rules',
    'fourhaves.write',
    each(
      'a residents’ convention',
      (_c, p) => ({ url: '/api/community-rules', body: { communityId: p.communityId, kind: 'residents_convention', title: '矩阵居民公约', adoptedOn: DAY } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/funding',
    'fourhaves.read',
    each('filtered by community', (_c, p) => ({ url: '/api/funding', query: { communityId: p.communityId } }), COMMUNITY_LEVEL),
  ),
  route(
    'GET /api/funding/export',
    'fourhaves.read',
    each('filtered by community', (_c, p) => ({ url: '/api/funding/export', query: { communityId: p.communityId } }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/funding',
    'funding.write',
    each(
      'a spending with its voucher',
      (_c, p) => ({
        url: '/api/funding',
        body: { communityId: p.communityId, year: 2024, kind: 'spending', amount: 123.45, entryDate: DAY, description: '矩阵支出', voucher: 'MX-1' },
      }),
      COMMUNITY_LEVEL,
    ),
  ),

  // ------------------------------------------------------------------ construction projects
  route(
    'GET /api/projects',
    'fourhaves.read',
    each(
      'filtered by community',
      async (c, p) => ({ url: '/api/projects', query: { communityId: p.communityId }, expectId: await projectIn(c, p) }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/projects/export',
    'fourhaves.read',
    each(
      'filtered by community',
      async (c, p) => {
        await projectIn(c, p);
        return { url: '/api/projects/export', query: { communityId: p.communityId } };
      },
      { ...COMMUNITY_LEVEL, found: rowsFound },
    ),
  ),
  route(
    'GET /api/projects/:id',
    'fourhaves.read',
    each('a project', async (c, p) => ({ url: `/api/projects/${await projectIn(c, p)}` }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/projects',
    'fourhaves.write',
    each(
      'a renovation',
      (_c, p) => ({ url: '/api/projects', body: { communityId: p.communityId, name: '矩阵建设项目', kind: 'renovation', budget: 10_000, plannedStart: DAY } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PATCH /api/projects/:id',
    'fourhaves.write',
    each(
      'its progress',
      async (c, p) => ({ url: `/api/projects/${await projectIn(c, p)}`, body: { version: 1, state: 'under_way', progressPercent: 10 } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'DELETE /api/projects/:id',
    'fourhaves.write',
    each('a planned project', async (c, p) => ({ url: `/api/projects/${await projectIn(c, p)}`, query: { version: '1' } }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/projects/:id/milestones',
    'fourhaves.write',
    each(
      'a milestone',
      async (c, p) => ({ url: `/api/projects/${await projectIn(c, p)}/milestones`, body: { name: '矩阵节点', plannedOn: DAY } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'POST /api/projects/:id/milestones/:milestoneId/complete',
    'fourhaves.write',
    each(
      'a milestone done',
      async (c, p) => {
        const { projectId, milestoneId } = await milestoneIn(c, p);
        return { url: `/api/projects/${projectId}/milestones/${milestoneId}/complete`, body: { doneOn: DAY } };
      },
      COMMUNITY_LEVEL,
    ),
    cross(
      'a milestone of another project',
      async (c, from, to) => {
        const projectId = await projectIn(c, from);
        const { milestoneId } = await milestoneIn(c, to);
        return { url: `/api/projects/${projectId}/milestones/${milestoneId}/complete`, body: { doneOn: DAY } };
      },
      { never: true, level: 'community', pairs: [['dong1', 'xi']] },
    ),
  ),

  // ------------------------------------------------------------------ 通知公告 (notices)
  route(
    'GET /api/notices',
    'notices.read',
    each(
      'by title',
      async (c, p) => {
        const n = await noticeIn(c, p);
        return { url: '/api/notices', query: { q: n.title }, expectId: n.id };
      },
      NOTICE_READ,
    ),
  ),
  route(
    'GET /api/notices/:id',
    'notices.read',
    each('a community notice', async (c, p) => ({ url: `/api/notices/${(await noticeIn(c, p)).id}` }), NOTICE_READ),
  ),
  route(
    'POST /api/notices/:id/read',
    'notices.read',
    each('a community notice', async (c, p) => ({ url: `/api/notices/${(await noticeIn(c, p)).id}/read` }), NOTICE_READ),
  ),
  route(
    'POST /api/notices',
    'notices.write',
    each(
      'to a community',
      (_c, p) => ({ url: '/api/notices', body: { regionId: p.communityId, title: '矩阵停水通知', body: '矩阵通知正文' } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PATCH /api/notices/:id',
    'notices.write',
    each('its title', async (c, p) => ({ url: `/api/notices/${(await noticeIn(c, p)).id}`, body: { version: 1, title: '矩阵通知（更正）' } }), COMMUNITY_LEVEL),
    cross(
      'moved to another community',
      async (c, from, to) => ({ url: `/api/notices/${(await noticeIn(c, from)).id}`, body: { version: 1, regionId: to.communityId } }),
      {
        level: 'community',
        pairs: [
          ['dong1', 'xi'],
          ['xi', 'dong1'],
        ],
      },
    ),
  ),
  route(
    'POST /api/notices/:id/withdraw',
    'notices.write',
    each(
      'with a reason',
      async (c, p) => ({ url: `/api/notices/${(await noticeIn(c, p)).id}/withdraw`, body: { version: 1, reason: '矩阵撤回' } }),
      COMMUNITY_LEVEL,
    ),
  ),

  // ------------------------------------------------------------------ 以奖代补 (awards)
  route(
    'GET /api/award-rounds',
    'awards.read',
    once('the rounds', () => ({ url: '/api/award-rounds' })),
  ),
  route(
    'POST /api/award-rounds',
    'awards.manage',
    once('a year’s round', () => ({ url: '/api/award-rounds', body: { year: 2099 } }), { ok: [201, 409] }),
  ),
  route(
    'GET /api/award-rounds/:id',
    'awards.read',
    each('its community’s line', async (c, p) => ({ url: `/api/award-rounds/${await awardRound(c, 'scored')}`, expectId: p.communityId }), COMMUNITY_LEVEL),
  ),
  route(
    'PATCH /api/award-rounds/:id',
    'awards.manage',
    cityWide('the floor of a draft', async (c) => ({ url: `/api/award-rounds/${await awardRound(c)}`, body: { version: 1, floorScore: 50 } })),
  ),
  route(
    'PUT /api/award-rounds/:id/scores/:communityId',
    'awards.write',
    each(
      'an inspection score',
      async (c, p) => ({
        url: `/api/award-rounds/${await awardRound(c)}/scores/${p.communityId}`,
        body: { score: 80, inspector: '矩阵考评组', inspectedOn: DAY },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'POST /api/award-rounds/:id/approve',
    'awards.approve',
    cityWide('a draft with every community scored', async (c) => ({ url: `/api/award-rounds/${await awardRound(c, 'scored')}/approve`, body: { version: 1 } })),
  ),
  route(
    'POST /api/award-rounds/:id/payments',
    'awards.manage',
    each(
      'a payment of its award',
      async (c, p) => ({
        url: `/api/award-rounds/${await awardRound(c, 'approved')}/payments`,
        body: { communityId: p.communityId, paidOn: DAY, amount: 1, voucher: 'MX-JB-1' },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/award-rounds/:id/export',
    'awards.read',
    each(
      'filtered by community',
      async (c, p) => ({ url: `/api/award-rounds/${await awardRound(c, 'scored')}/export`, query: { communityId: p.communityId } }),
      { ...COMMUNITY_LEVEL, found: rowsFound },
    ),
  ),

  // ------------------------------------------------------------------ elections
  route(
    'POST /api/elections/tally-preview',
    'elections.read',
    once('a hand count', () => ({ url: '/api/elections/tally-preview', body: TALLY })),
  ),
  route(
    'GET /api/elections/law-versions',
    'elections.read',
    once('the law versions', () => ({ url: '/api/elections/law-versions' })),
  ),
  route(
    'GET /api/elections',
    'elections.read',
    each(
      'filtered by community',
      async (c, p) => ({ url: '/api/elections', query: { communityId: p.communityId, pageSize: '200' }, expectId: await electionIn(c, p) }),
      {
        places: COMMUNITY_PLACES,
        level: 'community',
      },
    ),
  ),
  route(
    'POST /api/elections',
    'elections.write',
    each(
      'in a community',
      (_c, p) => ({
        url: '/api/elections',
        body: {
          communityId: p.communityId,
          term: ++electionTerm,
          mode: 'all_voters',
          seatsDirector: 1,
          seatsDeputy: 1,
          seatsMember: 3,
          electionDate: '2026-05-16',
        },
      }),
      { places: COMMUNITY_PLACES, level: 'community' },
    ),
  ),
  route(
    'GET /api/elections/:id',
    'elections.read',
    each('an election', async (c, p) => ({ url: `/api/elections/${await electionIn(c, p)}` }), { places: COMMUNITY_PLACES, level: 'community' }),
  ),
  route(
    'POST /api/elections/:id/derive-roll',
    'elections.write',
    each('its roll', async (c, p) => ({ url: `/api/elections/${await electionIn(c, p)}/derive-roll` }), { places: COMMUNITY_PLACES, level: 'community' }),
  ),
  route(
    'GET /api/elections/:id/voters',
    'elections.read',
    each('its roll', async (c, p) => ({ url: `/api/elections/${await electionIn(c, p, { voter: p.headId })}/voters`, expectId: p.headId }), {
      places: COMMUNITY_PLACES,
      level: 'community',
    }),
    each(
      'its residents’-group representatives',
      async (c, p) => ({
        url: `/api/elections/${await electionIn(c, p, { voter: p.headId, groupReps: true })}/voters`,
        query: { view: 'group_reps' },
        expectId: p.headId,
      }),
      { places: COMMUNITY_PLACES, level: 'community' },
    ),
  ),
  route(
    'GET /api/elections/:id/voters/export',
    'elections.read',
    each('its roll', async (c, p) => ({ url: `/api/elections/${await electionIn(c, p, { voter: p.headId })}/voters/export` }), {
      places: COMMUNITY_PLACES,
      level: 'community',
      found: rowsFound,
    }),
    each(
      'its residents’-group representatives',
      async (c, p) => ({ url: `/api/elections/${await electionIn(c, p, { voter: p.headId, groupReps: true })}/voters/export`, query: { view: 'group_reps' } }),
      { places: COMMUNITY_PLACES, level: 'community', found: rowsFound },
    ),
  ),
  route(
    'POST /api/elections/:id/voters',
    'elections.write',
    each(
      'a resident of the community',
      async (c, p) => ({ url: `/api/elections/${await electionIn(c, p)}/voters`, body: { residentId: p.headId, reason: '矩阵测试补登' } }),
      {
        places: COMMUNITY_PLACES,
        level: 'community',
      },
    ),
    cross(
      'a resident of another community',
      async (c, a, b) => ({ url: `/api/elections/${await electionIn(c, a)}/voters`, body: { residentId: b.headId, reason: '矩阵测试补登' } }),
      { pairs: [['dong1', 'xi']], never: true, level: 'community', deny: [400, 403, 404] },
    ),
  ),
  route(
    'POST /api/elections/:id/voters/remove',
    'elections.write',
    each(
      'a voter',
      async (c, p) => ({
        url: `/api/elections/${await electionIn(c, p, { voter: p.headId })}/voters/remove`,
        body: { residentId: p.headId, reason: '矩阵测试移出' },
      }),
      { places: COMMUNITY_PLACES, level: 'community' },
    ),
  ),
  route(
    'POST /api/elections/:id/candidates',
    'elections.write',
    each(
      'a voter',
      async (c, p) => ({
        url: `/api/elections/${await electionIn(c, p, { voter: p.headId })}/candidates`,
        body: { residentId: p.headId, post: 'member', nominatorCount: 10 },
      }),
      { places: COMMUNITY_PLACES, level: 'community' },
    ),
    cross(
      'a resident of another community',
      async (c, a, b) => ({ url: `/api/elections/${await electionIn(c, a)}/candidates`, body: { residentId: b.headId, post: 'member', nominatorCount: 10 } }),
      { pairs: [['dong1', 'xi']], never: true, level: 'community', deny: [400, 403, 404] },
    ),
  ),
  route(
    'POST /api/elections/:id/tallies',
    'elections.write',
    each(
      'a station',
      async (c, p) => ({
        url: `/api/elections/${await electionIn(c, p)}/tallies`,
        body: { station: '一站', ballotsIssued: 0, ballotsReturned: 0, invalidBallots: 0, votes: {} },
      }),
      { places: COMMUNITY_PLACES, level: 'community' },
    ),
  ),
  route(
    'POST /api/elections/:id/result',
    'elections.write',
    each('the first round', async (c, p) => ({ url: `/api/elections/${await electionIn(c, p, { tally: true })}/result`, body: { round: 1 } }), {
      places: COMMUNITY_PLACES,
      level: 'community',
    }),
  ),
  route(
    'PATCH /api/elections/:id',
    'elections.write',
    each('an election not counted', async (c, p) => ({ url: `/api/elections/${await electionIn(c, p)}`, body: { version: 1, seatsMember: 4 } }), {
      places: COMMUNITY_PLACES,
      level: 'community',
    }),
  ),
  route(
    'POST /api/elections/:id/withdraw',
    'elections.write',
    each(
      'an election not counted',
      async (c, p) => ({ url: `/api/elections/${await electionIn(c, p)}/withdraw`, body: { version: 1, reason: '矩阵测试撤销' } }),
      { places: COMMUNITY_PLACES, level: 'community' },
    ),
  ),
  route(
    'POST /api/elections/:id/objections',
    'elections.write',
    each(
      'about a voter',
      async (c, p) => ({
        url: `/api/elections/${await electionIn(c, p, { voter: p.headId })}/objections`,
        body: { kind: 'exclude', residentId: p.headId, filedBy: '矩阵测试', reason: '矩阵测试异议', filedOn: '2026-04-28' },
      }),
      { places: COMMUNITY_PLACES, level: 'community' },
    ),
    cross(
      'about a resident of another community',
      async (c, a, b) => ({
        url: `/api/elections/${await electionIn(c, a)}/objections`,
        body: { kind: 'include', residentId: b.headId, filedBy: '矩阵测试', reason: '矩阵测试异议', filedOn: '2026-04-28' },
      }),
      { pairs: [['dong1', 'xi']], never: true, level: 'community', deny: [400, 403, 404] },
    ),
  ),
  route(
    'POST /api/elections/:id/objections/:objectionId/answer',
    'elections.write',
    each(
      'an open objection',
      async (c, p) => {
        const { electionId, objectionId } = await objectionIn(c, p);
        return {
          url: `/api/elections/${electionId}/objections/${objectionId}/answer`,
          body: { decision: 'rejected', answer: '矩阵测试答复', answeredOn: '2026-05-02' },
        };
      },
      { places: COMMUNITY_PLACES, level: 'community' },
    ),
    cross(
      'an objection of another community’s election',
      async (c, a, b) => {
        const electionId = await electionIn(c, a);
        const { objectionId } = await objectionIn(c, b);
        return {
          url: `/api/elections/${electionId}/objections/${objectionId}/answer`,
          body: { decision: 'rejected', answer: '矩阵测试答复', answeredOn: '2026-05-02' },
        };
      },
      { pairs: [['dong1', 'xi']], never: true, level: 'community' },
    ),
  ),
  route(
    'POST /api/elections/:id/recalls',
    'elections.write',
    each(
      'an elected member',
      async (c, p) => {
        const { electionId, candidateId } = await electedIn(c, p);
        return { url: `/api/elections/${electionId}/recalls`, body: { candidateId, proposerCount: 1, reason: '矩阵测试罢免', proposedOn: '2026-09-01' } };
      },
      { places: COMMUNITY_PLACES, level: 'community' },
    ),
    cross(
      'a member elected in another community',
      async (c, a, b) => {
        const { electionId } = await electedIn(c, a);
        const { candidateId } = await electedIn(c, b);
        return { url: `/api/elections/${electionId}/recalls`, body: { candidateId, proposerCount: 1, reason: '矩阵测试罢免', proposedOn: '2026-09-01' } };
      },
      { pairs: [['dong1', 'xi']], never: true, level: 'community', deny: [400, 403, 404] },
    ),
  ),
  route(
    'POST /api/elections/:id/recalls/:recallId/result',
    'elections.write',
    each(
      'a proposed recall',
      async (c, p) => {
        const { electionId, recallId } = await recallIn(c, p);
        return { url: `/api/elections/${electionId}/recalls/${recallId}/result`, body: RECALL_VOTE };
      },
      { places: COMMUNITY_PLACES, level: 'community' },
    ),
    cross(
      'a recall of another community’s election',
      async (c, a, b) => {
        const { electionId } = await electedIn(c, a);
        const { recallId } = await recallIn(c, b);
        return { url: `/api/elections/${electionId}/recalls/${recallId}/result`, body: RECALL_VOTE };
      },
      { pairs: [['dong1', 'xi']], never: true, level: 'community' },
    ),
  ),
  route(
    'GET /api/elections/:id/announcement',
    'elections.read',
    each('a counted election', async (c, p) => ({ url: `/api/elections/${await electionIn(c, p, { status: 'void', results: ANNOUNCED })}/announcement` }), {
      places: COMMUNITY_PLACES,
      level: 'community',
    }),
  ),
];

/** Objects that only HTTP can make: an import job with a report in 城东 and in 城西, uploaded by mzj. */
export async function prepare(w: World, mzj: Client) {
  for (const key of ['dong1', 'xi'] as const) {
    const call = uploadTo(w.places[key].communityId, key, true);
    const res = await mzj.request({
      method: 'POST',
      url: `${call.url}?${new URLSearchParams(call.query)}`,
      payload: call.raw!.payload,
      headers: { 'content-type': call.raw!.contentType },
    });
    if (res.statusCode !== 202) throw new Error(`import setup failed: ${res.statusCode} ${res.body}`);
    w.jobs[key] = res.json().jobId;
  }
  await w.t.app.services.imports.drain();
}
