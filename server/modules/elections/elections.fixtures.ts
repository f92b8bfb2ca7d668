import type { PlaceObjects } from '../../security/world';
import { COMMUNITY_PLACES, cross, type Ctx, each, once, route, type RouteFixture, rowsFound, keeps, type Mass } from '../../security/fixture-kit';

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

/** The matrix fixtures of the elections module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
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

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  // A target (serverPicks('elections', { community: 'body', extras: status }), status stays 'preparing') passes
  // alone, but after the fuzz runs every community holds an open election and each valid create gets 400.
  'POST /api/elections': { none: 'after the fuzz runs a community already holds an open election, so no valid create gets through' },
  'PATCH /api/elections/:id': keeps('elections', { extras: () => ({ status: 'counted' }), frozen: ['status', 'created_by'] }),
  'POST /api/elections/:id/candidates': {
    none: 'its community comes from the parent :id, whose smuggling the cross variants of the matrix cover; target not written yet',
  },
  'POST /api/elections/:id/objections': {
    none: 'its community comes from the parent :id, whose smuggling the cross variants of the matrix cover; target not written yet',
  },
  'POST /api/elections/:id/recalls': {
    none: 'its community comes from the parent :id, whose smuggling the cross variants of the matrix cover; target not written yet',
  },
};
