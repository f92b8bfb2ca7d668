import { expect } from 'vitest';
import { freshName } from '../../security/world';
import { each, route, type RouteFixture, rowsFound, FORGED_ID, fromAnswer, type Mass, segment } from '../../security/fixture-kit';

/** The matrix fixtures of the buildings module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
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
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'POST /api/buildings': {
    table: 'buildings',
    rowId: fromAnswer,
    extras: (w) => ({ id: FORGED_ID, communityId: w.places.xi.communityId, version: 50 }),
    created: (row, w) => {
      expect(row.id).not.toBe(FORGED_ID);
      expect(row.community_id).toBe(w.places.dong1.communityId);
      expect(row.version).toBe(1);
    },
  },
  'PATCH /api/buildings/:id': {
    table: 'buildings',
    rowId: segment(3),
    extras: (w) => ({ communityId: w.places.xi.communityId, gridId: w.places.xi.gridId, id: FORGED_ID }),
    frozen: ['id', 'community_id', 'grid_id'],
  },
};
