import { expect } from 'vitest';
import type { PlaceObjects } from '../../security/world';
import {
  cross,
  type Ctx,
  DAY,
  each,
  householdOf,
  route,
  type RouteFixture,
  rowsFound,
  FORGED_ID,
  fromAnswer,
  type Mass,
  segment,
} from '../../security/fixture-kit';

async function familyOf(c: Ctx, p: PlaceObjects) {
  return c.fresh ? c.w.family(p) : { householdId: p.householdId, headId: p.headId, memberIds: p.memberIds };
}

/** The matrix fixtures of the households module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
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
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'POST /api/households': {
    table: 'households',
    rowId: fromAnswer,
    extras: (w) => ({ id: FORGED_ID, communityId: w.places.xi.communityId, status: 'dissolved', version: 9, headResidentId: w.places.xi.headId }),
    created: (row, w) => {
      expect(row.id).not.toBe(FORGED_ID);
      expect(row.community_id).toBe(w.places.dong1.communityId);
      expect(row.status).toBe('active');
      expect(row.version).toBe(1);
      expect(row.head_resident_id).toBeNull();
    },
  },
  'PATCH /api/households/:id': {
    table: 'households',
    rowId: segment(3),
    extras: (w) => ({ communityId: w.places.xi.communityId, gridId: w.places.xi.gridId, buildingId: w.places.xi.buildingId, status: 'merged', id: FORGED_ID }),
    frozen: ['id', 'community_id', 'grid_id', 'building_id', 'status'],
  },
};
