import { each, once, route, type RouteFixture, rowsFound } from '../../security/fixture-kit';

/** The matrix fixtures of the statistics module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
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
];
