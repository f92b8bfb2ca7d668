import { expect } from 'vitest';
import { cross, DAY, each, person, route, type RouteFixture, FORGED_ID, fromAnswer, type Mass, segment } from '../../security/fixture-kit';

/** The matrix fixtures of the care module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'GET /api/residents/:id/care-records',
    'residents.read',
    each('a resident in two groups', (_c, p) => ({ url: `/api/residents/${p.memberIds[1]}/care-records` })),
  ),
  route(
    'POST /api/residents/:id/care-records',
    'care.write',
    each('独居老人', async (c, p) => ({ url: `/api/residents/${await person(c, p)}/care-records`, body: { groupType: 'elderly_alone', startDate: DAY } })),
    each(
      '刑满释放',
      async (c, p) => ({
        url: `/api/residents/${await person(c, p)}/care-records`,
        body: { groupType: 'released', startDate: DAY, attributes: { releaseDate: '2024-04-01' } },
      }),
      { needs: ['care.justice.read'] },
    ),
  ),
  route(
    'PATCH /api/residents/:id/care-records/:recordId',
    'care.write',
    each('notes', async (c, p) => {
      if (!c.fresh) return { url: `/api/residents/${p.headId}/care-records/${p.basicCareId}`, body: { version: 1, notes: '矩阵' } };
      const r = await c.w.resident(p);
      const record = await c.w.care({ id: r.id, communityId: p.communityId }, 'elderly_alone');
      return { url: `/api/residents/${r.id}/care-records/${record.id}`, body: { version: 1, notes: '矩阵' } };
    }),
    cross(
      'a record of a resident elsewhere, under this resident',
      (_c, a, b) => ({ url: `/api/residents/${a.headId}/care-records/${b.basicCareId}`, body: { version: 1, notes: '矩阵' } }),
      {
        pairs: [
          ['dong1', 'xi'],
          ['xi', 'dong1'],
        ],
        never: true,
      },
    ),
  ),
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'POST /api/residents/:id/care-records': {
    table: 'care_records',
    rowId: fromAnswer,
    extras: (w) => ({ id: FORGED_ID, residentId: w.places.xi.headId, communityId: w.places.xi.communityId, version: 5 }),
    created: (row, w, sent) => {
      expect(row.id).not.toBe(FORGED_ID);
      expect(row.resident_id).not.toBe(w.places.xi.headId);
      expect(row.community_id).toBe(w.places.dong1.communityId);
      expect(row.version).toBe(1);
      expect(sent).toBeDefined();
    },
  },
  'PATCH /api/residents/:id/care-records/:recordId': {
    table: 'care_records',
    rowId: segment(5),
    extras: (w) => ({ residentId: w.places.xi.headId, communityId: w.places.xi.communityId, groupType: 'released', id: FORGED_ID }),
    frozen: ['id', 'resident_id', 'community_id', 'group_type'],
  },
};
