import {
  type Call,
  COMMUNITY_LEVEL,
  type Ctx,
  DAY,
  each,
  once,
  route,
  type RouteFixture,
  rowsFound,
  type Variant,
  type Mass,
} from '../../security/fixture-kit';

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

/** The matrix fixtures of the awards module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
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
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'POST /api/award-rounds': { none: 'a round belongs to the whole city (no scope key); its scores and payments are history rows' },
  'PATCH /api/award-rounds/:id': { none: 'a round belongs to the whole city (no scope key)' },
  'PUT /api/award-rounds/:id/scores/:communityId': { none: 'the community is the url parameter, checked by the matrix; no row id of its own to check' },
  'POST /api/award-rounds/:id/payments': { none: 'answers the round (201), not the payment: no row id to check' },
};
