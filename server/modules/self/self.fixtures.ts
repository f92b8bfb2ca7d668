import { today } from '../../lib/clock';
import { addDays } from '../../../shared/domain/dates';
import type { PlaceObjects } from '../../security/world';
import { COMMUNITY_PLACES, type Ctx, each, once, route, type RouteFixture } from '../../security/fixture-kit';

/** Terms of the elections made here (apart from elections.fixtures.ts's, which count from 500). */
let electionTerm = 5000;

let linkedResident: string | undefined;

/**
 * A resident's own objection: the demo resident account linked (once) to a fresh resident of its own
 * community (城东, dong1), and a fresh election in the place's community whose derived roll (its head of
 * household) is open to objections today. At 城东 the resident files (201); at 城西 the election is another
 * community's (404).
 */
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

/** The matrix fixtures of the self module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
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
];
