import { freshName } from '../../security/world';
import {
  COMMUNITY_LEVEL,
  cross,
  DAY,
  each,
  once,
  route,
  type RouteFixture,
  rowsFound,
  serverPicks,
  keeps,
  type Mass,
  type WorldObjects,
} from '../../security/fixture-kit';

/** The matrix fixtures of the organisations module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
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
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'POST /api/organisations': serverPicks('organisations', { community: 'body' }),
  'PATCH /api/organisations/:id': keeps('organisations'),
  'POST /api/organisations/:id/members': serverPicks('organisation_members', { extras: (w) => ({ organisationId: w.places.xi.organisationId }) }),
  'POST /api/organisations/:id/honours': serverPicks('organisation_honours', { extras: (w) => ({ organisationId: w.places.xi.organisationId }) }),
};

/** The place's culture team and its member (world.ts makes them for the typed PlaceObjects fields): ids that must not leak. */
export const world: WorldObjects = async (_w, p) => [
  { id: p.organisationId, place: p.key, what: `${p.key} organisation` },
  { id: p.memberId, place: p.key, what: `${p.key} organisation member` },
];
