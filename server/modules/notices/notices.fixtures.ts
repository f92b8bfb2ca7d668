import { freshName, type PlaceKey, type PlaceObjects } from '../../security/world';
import {
  COMMUNITY_LEVEL,
  cross,
  type Ctx,
  each,
  route,
  type RouteFixture,
  type VariantOptions,
  serverPicks,
  keeps,
  type Mass,
} from '../../security/fixture-kit';

/**
 * A published notice for all addressed to the place's community, written straight to the table, with a
 * unique title (list searches find it by that). Readers reach it from above and below (community-partial).
 */
async function noticeIn(c: Ctx, p: PlaceObjects): Promise<{ id: string; title: string }> {
  const title = freshName('告');
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO notices (region_id, community_id, title, body, audience, publish_from, author_name) VALUES ($1, $1, $2, '矩阵通知正文', 'all', '2024-01-01', '矩阵') RETURNING id`,
    [p.communityId, title],
  );
  return { id: row.id, title };
}

/** Notices reach the regions above and below them: a grid worker and a resident read their community's. */
const NOTICE_READ: VariantOptions & { places: PlaceKey[] } = { places: ['dong1', 'xi'], level: 'community-partial' };

/** The matrix fixtures of the notices module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'GET /api/notices',
    'notices.read',
    each(
      'by title',
      async (c, p) => {
        const n = await noticeIn(c, p);
        return { url: '/api/notices', query: { q: n.title }, expectId: n.id };
      },
      NOTICE_READ,
    ),
  ),
  route(
    'GET /api/notices/:id',
    'notices.read',
    each('a community notice', async (c, p) => ({ url: `/api/notices/${(await noticeIn(c, p)).id}` }), NOTICE_READ),
  ),
  route(
    'POST /api/notices/:id/read',
    'notices.read',
    each('a community notice', async (c, p) => ({ url: `/api/notices/${(await noticeIn(c, p)).id}/read` }), NOTICE_READ),
  ),
  route(
    'POST /api/notices',
    'notices.write',
    each(
      'to a community',
      (_c, p) => ({ url: '/api/notices', body: { regionId: p.communityId, title: '矩阵停水通知', body: '矩阵通知正文' } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PATCH /api/notices/:id',
    'notices.write',
    each('its title', async (c, p) => ({ url: `/api/notices/${(await noticeIn(c, p)).id}`, body: { version: 1, title: '矩阵通知（更正）' } }), COMMUNITY_LEVEL),
    cross(
      'moved to another community',
      async (c, from, to) => ({ url: `/api/notices/${(await noticeIn(c, from)).id}`, body: { version: 1, regionId: to.communityId } }),
      {
        level: 'community',
        pairs: [
          ['dong1', 'xi'],
          ['xi', 'dong1'],
        ],
      },
    ),
  ),
  route(
    'POST /api/notices/:id/withdraw',
    'notices.write',
    each(
      'with a reason',
      async (c, p) => ({ url: `/api/notices/${(await noticeIn(c, p)).id}/withdraw`, body: { version: 1, reason: '矩阵撤回' } }),
      COMMUNITY_LEVEL,
    ),
  ),
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'POST /api/notices': serverPicks('notices', { community: 'not-xi' }),
  'PATCH /api/notices/:id': keeps('notices'),
};
