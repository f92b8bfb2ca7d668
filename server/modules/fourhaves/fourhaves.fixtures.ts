import { multipart, type PlaceObjects } from '../../security/world';
import { COMMUNITY_LEVEL, type Ctx, DAY, each, once, route, type RouteFixture, serverPicks, keeps, type Mass } from '../../security/fixture-kit';

/** A premises row of the place's community, written straight to the table (matrix objects carry no audit). */
async function premisesIn(c: Ctx, p: PlaceObjects): Promise<string> {
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO premises (community_id, name, use, area_m2, ownership, state) VALUES ($1, '矩阵活动室', 'activity', 120, 'owned', 'in_use') RETURNING id`,
    [p.communityId],
  );
  return row.id;
}

/** A photo of a premises row of the place's community, written straight to the table. */
async function premisesFileIn(c: Ctx, p: PlaceObjects): Promise<string> {
  const premisesId = await premisesIn(c, p);
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO premises_files (premises_id, community_id, kind, content_type, file_name, size_bytes, sha256, data)
     VALUES ($1, $2, 'photo', 'image/jpeg', '矩阵照片.jpg', 4, 'x', '\xffd8ffe0'::bytea) RETURNING id`,
    [premisesId, p.communityId],
  );
  return row.id;
}

/** A JPEG's first bytes: enough for the upload's content check. */
const MATRIX_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

/** The community's head-count version, so that each allowed caller's PUT is not stale. */
async function staffingVersion(c: Ctx, p: PlaceObjects): Promise<number | undefined> {
  const rows = await c.w.t.database.query<{ version: number }>(`SELECT version FROM community_staffing WHERE community_id = $1`, [p.communityId]);
  return rows[0]?.version;
}

/** The matrix fixtures of the fourhaves module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'POST /api/awards/preview',
    'fourhaves.read',
    once('a hypothetical distribution', () => ({
      url: '/api/awards/preview',
      body: {
        pot: 300000,
        floorScore: 60,
        maxShare: 0.5,
        communities: [
          { id: 'a', score: 90 },
          { id: 'b', score: 70 },
          { id: 'c', score: 50 },
        ],
      },
    })),
  ),
  route(
    'GET /api/four-haves',
    'fourhaves.read',
    once('the whole scope', () => ({ url: '/api/four-haves' })),
  ),
  route(
    'GET /api/four-haves/communities/:id',
    'fourhaves.read',
    each('a community', (_c, p) => ({ url: `/api/four-haves/communities/${p.communityId}` }), COMMUNITY_LEVEL),
  ),
  route(
    'PUT /api/four-haves/communities/:id/staffing',
    'fourhaves.write',
    each(
      'its head-count',
      async (c, p) => ({
        url: `/api/four-haves/communities/${p.communityId}/staffing`,
        body: { fullTime: 5, partTime: 1, police: 3, version: await staffingVersion(c, p) },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/four-haves/standards',
    'fourhaves.read',
    once('the standards', () => ({ url: '/api/four-haves/standards' })),
  ),
  route(
    'PATCH /api/four-haves/standards',
    'fourhaves.settings',
    once('the lease warning (unchanged)', () => ({ url: '/api/four-haves/standards', body: { leaseWarningDays: 90 } })),
    once('the tier table (the default again)', () => ({
      url: '/api/four-haves/standards',
      body: {
        premisesTiers: [
          { maxFloorAreaM2: 30_000, premisesM2: 300 },
          { maxFloorAreaM2: 100_000, premisesM2: 800 },
          { maxFloorAreaM2: 180_000, premisesM2: 1_700 },
          { maxFloorAreaM2: 280_000, premisesM2: 2_500 },
          { maxFloorAreaM2: null, premisesM2: 4_800 },
        ],
      },
    })),
  ),
  route(
    'GET /api/premises',
    'fourhaves.read',
    each(
      'filtered by community',
      async (c, p) => ({ url: '/api/premises', query: { communityId: p.communityId }, expectId: await premisesIn(c, p) }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/premises/:id',
    'fourhaves.read',
    each('a room', async (c, p) => ({ url: `/api/premises/${await premisesIn(c, p)}` }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/premises',
    'fourhaves.write',
    each(
      'an activity room',
      (_c, p) => ({
        url: '/api/premises',
        body: { communityId: p.communityId, name: '矩阵活动室', use: 'activity', areaM2: 80, ownership: 'owned', state: 'in_use' },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PATCH /api/premises/:id',
    'fourhaves.write',
    each(
      'a hand-over',
      async (c, p) => ({ url: `/api/premises/${await premisesIn(c, p)}`, body: { version: 1, state: 'in_use', areaM2: 130 } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/premises/:id/files',
    'fourhaves.read',
    each('the photos of a room', async (c, p) => ({ url: `/api/premises/${await premisesIn(c, p)}/files` }), COMMUNITY_LEVEL),
  ),
  {
    ...route(
      'POST /api/premises/:id/files',
      'fourhaves.write',
      each(
        'a photo of a room',
        async (c, p) => ({
          url: `/api/premises/${await premisesIn(c, p)}/files`,
          raw: multipart({ name: '矩阵照片.jpg', data: MATRIX_JPEG, type: 'image/jpeg' }),
        }),
        { ...COMMUNITY_LEVEL, ok: [201] },
      ),
    ),
    multipart: true,
  },
  route(
    'GET /api/premises-files/:id',
    'fourhaves.read',
    each('a photo', async (c, p) => ({ url: `/api/premises-files/${await premisesFileIn(c, p)}` }), COMMUNITY_LEVEL),
  ),
  route(
    'DELETE /api/premises-files/:id',
    'fourhaves.write',
    each('a photo', async (c, p) => ({ url: `/api/premises-files/${await premisesFileIn(c, p)}` }), COMMUNITY_LEVEL),
  ),
  route(
    'GET /api/housing-projects',
    'fourhaves.read',
    each('filtered by community', (_c, p) => ({ url: '/api/housing-projects', query: { communityId: p.communityId } }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/housing-projects',
    'fourhaves.write',
    each(
      'a project at 立项',
      (_c, p) => ({
        url: '/api/housing-projects',
        body: { communityId: p.communityId, name: '矩阵花园', developer: '矩阵置业', floorAreaM2: 50_000, approvalOn: DAY },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PATCH /api/housing-projects/:id',
    'fourhaves.write',
    each(
      'its planning approval',
      async (c, p) => {
        const [row] = await c.w.t.database.query<{ id: string }>(
          `INSERT INTO housing_projects (community_id, name, developer, floor_area_m2) VALUES ($1, '矩阵花园', '矩阵置业', 50000) RETURNING id`,
          [p.communityId],
        );
        return { url: `/api/housing-projects/${row.id}`, body: { version: 1, planningOn: DAY, plannedPremisesM2: 800 } };
      },
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/community-rules',
    'fourhaves.read',
    each('filtered by community', (_c, p) => ({ url: '/api/community-rules', query: { communityId: p.communityId } }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/community-rules',
    'fourhaves.write',
    each(
      'a residents’ convention',
      (_c, p) => ({ url: '/api/community-rules', body: { communityId: p.communityId, kind: 'residents_convention', title: '矩阵居民公约', adoptedOn: DAY } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/funding',
    'fourhaves.read',
    each('filtered by community', (_c, p) => ({ url: '/api/funding', query: { communityId: p.communityId } }), COMMUNITY_LEVEL),
  ),
  route(
    'GET /api/funding/export',
    'fourhaves.read',
    each('filtered by community', (_c, p) => ({ url: '/api/funding/export', query: { communityId: p.communityId } }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/funding',
    'funding.write',
    each(
      'a spending with its voucher',
      (_c, p) => ({
        url: '/api/funding',
        body: { communityId: p.communityId, year: 2024, kind: 'spending', amount: 123.45, entryDate: DAY, description: '矩阵支出', voucher: 'MX-1' },
      }),
      COMMUNITY_LEVEL,
    ),
  ),
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'POST /api/premises': serverPicks('premises', { community: 'body' }),
  'PATCH /api/premises/:id': keeps('premises'),
  'POST /api/housing-projects': serverPicks('housing_projects', { community: 'body' }),
  'PATCH /api/housing-projects/:id': keeps('housing_projects'),
  'POST /api/community-rules': serverPicks('community_rules', { community: 'body' }),
  'POST /api/funding': serverPicks('funding_entries', { community: 'body' }),
};
