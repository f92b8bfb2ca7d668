import type { PlaceObjects } from '../../security/world';
import { COMMUNITY_LEVEL, cross, type Ctx, DAY, each, route, type RouteFixture, rowsFound, serverPicks, keeps, type Mass } from '../../security/fixture-kit';

/** A planned construction project of the place's community, written straight to the table. */
async function projectIn(c: Ctx, p: PlaceObjects): Promise<string> {
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO projects (community_id, name, kind, budget_fen) VALUES ($1, '矩阵建设项目', 'renovation', 1000000) RETURNING id`,
    [p.communityId],
  );
  return row.id;
}

/** A milestone not done of a fresh project of the place's community. */
async function milestoneIn(c: Ctx, p: PlaceObjects): Promise<{ projectId: string; milestoneId: string }> {
  const projectId = await projectIn(c, p);
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO project_milestones (project_id, community_id, name, planned_on) VALUES ($1, $2, '矩阵节点', '2024-05-01') RETURNING id`,
    [projectId, p.communityId],
  );
  return { projectId, milestoneId: row.id };
}

/** The matrix fixtures of the projects module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'GET /api/projects',
    'fourhaves.read',
    each(
      'filtered by community',
      async (c, p) => ({ url: '/api/projects', query: { communityId: p.communityId }, expectId: await projectIn(c, p) }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'GET /api/projects/export',
    'fourhaves.read',
    each(
      'filtered by community',
      async (c, p) => {
        await projectIn(c, p);
        return { url: '/api/projects/export', query: { communityId: p.communityId } };
      },
      { ...COMMUNITY_LEVEL, found: rowsFound },
    ),
  ),
  route(
    'GET /api/projects/:id',
    'fourhaves.read',
    each('a project', async (c, p) => ({ url: `/api/projects/${await projectIn(c, p)}` }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/projects',
    'fourhaves.write',
    each(
      'a renovation',
      (_c, p) => ({ url: '/api/projects', body: { communityId: p.communityId, name: '矩阵建设项目', kind: 'renovation', budget: 10_000, plannedStart: DAY } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'PATCH /api/projects/:id',
    'fourhaves.write',
    each(
      'its progress',
      async (c, p) => ({ url: `/api/projects/${await projectIn(c, p)}`, body: { version: 1, state: 'under_way', progressPercent: 10 } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'DELETE /api/projects/:id',
    'fourhaves.write',
    each('a planned project', async (c, p) => ({ url: `/api/projects/${await projectIn(c, p)}`, query: { version: '1' } }), COMMUNITY_LEVEL),
  ),
  route(
    'POST /api/projects/:id/milestones',
    'fourhaves.write',
    each(
      'a milestone',
      async (c, p) => ({ url: `/api/projects/${await projectIn(c, p)}/milestones`, body: { name: '矩阵节点', plannedOn: DAY } }),
      COMMUNITY_LEVEL,
    ),
  ),
  route(
    'POST /api/projects/:id/milestones/:milestoneId/complete',
    'fourhaves.write',
    each(
      'a milestone done',
      async (c, p) => {
        const { projectId, milestoneId } = await milestoneIn(c, p);
        return { url: `/api/projects/${projectId}/milestones/${milestoneId}/complete`, body: { doneOn: DAY } };
      },
      COMMUNITY_LEVEL,
    ),
    cross(
      'a milestone of another project',
      async (c, from, to) => {
        const projectId = await projectIn(c, from);
        const { milestoneId } = await milestoneIn(c, to);
        return { url: `/api/projects/${projectId}/milestones/${milestoneId}/complete`, body: { doneOn: DAY } };
      },
      { never: true, level: 'community', pairs: [['dong1', 'xi']] },
    ),
  ),
];

/** The fuzzer's mass-assignment targets of its write routes (see server/security/fuzz.test.ts). */
export const mass: Record<string, Mass> = {
  'POST /api/projects': serverPicks('projects', { community: 'body' }),
  'PATCH /api/projects/:id': keeps('projects'),
  'POST /api/projects/:id/milestones': {
    none: 'answers the project (201), not the milestone: no row id to check; its community comes from the parent :id, whose smuggling the cross variants of the matrix cover; target not written yet',
  },
};
