import { freshGridCode, PLACES } from '../../security/world';
import { each, once, route, type RouteFixture, FORGED_ID, type Mass, segment, serverPicks } from '../../security/fixture-kit';

/** The matrix fixtures of the regions module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
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
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'PATCH /api/regions/:id': {
    table: 'regions',
    rowId: segment(3),
    extras: (w) => ({ parentId: w.places.xi.communityId, code: '999999', path: 'hijacked', level: 'city', id: FORGED_ID }),
    frozen: ['id', 'parent_id', 'code', 'path', 'level'],
  },
  'POST /api/regions': serverPicks('regions', {
    community: 'body',
    extras: () => ({ path: 'hijacked', level: 'city' }),
    created: (row) => {
      if (row.path === 'hijacked' || row.level !== 'grid') throw new Error(`regions: a smuggled path or level was stored (${row.path}, ${row.level})`);
    },
  }),
};
