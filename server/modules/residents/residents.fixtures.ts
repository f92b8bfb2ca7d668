import { expect } from 'vitest';
import { freshIdNumber, freshName } from '../../security/world';
import {
  cross,
  DAY,
  each,
  householdOf,
  person,
  route,
  type RouteFixture,
  rowsFound,
  FORGED_ID,
  fromAnswer,
  type Mass,
  segment,
} from '../../security/fixture-kit';

/** The matrix fixtures of the residents module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
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
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'POST /api/residents': {
    table: 'residents',
    rowId: fromAnswer,
    extras: (w) => ({
      id: FORGED_ID,
      communityId: w.places.xi.communityId,
      version: 77,
      status: 'deceased',
      idHash: 'forged',
      idMasked: 'forged',
      namePinyin: 'forged',
      createdAt: '2000-01-01T00:00:00Z',
    }),
    created: (row, w) => {
      expect(row.id).not.toBe(FORGED_ID);
      expect(row.community_id).toBe(w.places.dong1.communityId);
      expect(row.version).toBe(1);
      expect(row.status).toBe('active');
      expect(row.id_hash).not.toBe('forged');
      expect(row.id_masked).not.toBe('forged');
      expect(row.name_pinyin).not.toBe('forged');
    },
  },
  'PATCH /api/residents/:id': {
    table: 'residents',
    rowId: segment(3),
    extras: (w) => ({
      id: FORGED_ID,
      communityId: w.places.xi.communityId,
      gridId: w.places.xi.gridId,
      householdId: w.places.xi.householdId,
      idHash: 'forged',
      birthDate: '1900-01-01',
      sex: 'F',
      createdAt: '2000-01-01T00:00:00Z',
    }),
    frozen: ['id', 'community_id', 'grid_id', 'household_id', 'id_hash', 'id_cipher', 'birth_date', 'sex', 'created_at'],
  },
};
