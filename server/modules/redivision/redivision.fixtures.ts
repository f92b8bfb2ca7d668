import { COMMUNITIES } from '../../db/seed/demo-city';
import type { PlaceKey } from '../../security/world';
import { cross, DAY, each, once, route, type RouteFixture } from '../../security/fixture-kit';

/** The neighbour community a grid is moved to (same street). */
const NEIGHBOUR: Record<PlaceKey, string> = { dong1: COMMUNITIES[1].code, dong2: COMMUNITIES[1].code, xi: COMMUNITIES[4].code };

/** The matrix fixtures of the redivision module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
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
];
