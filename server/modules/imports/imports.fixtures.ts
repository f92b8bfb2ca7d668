import { type Ctx, each, once, route, type RouteFixture, uploadTo } from '../../security/fixture-kit';

const drainImports = async (c: Ctx) => {
  await c.w.t.app.services.imports.drain();
};

/** The matrix fixtures of the imports module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'GET /api/imports/template',
    'residents.import',
    once('the template', () => ({ url: '/api/imports/template' })),
  ),
  route(
    'GET /api/imports/targets',
    'residents.import',
    // A grid worker's community is named (not a registry object), with their grid only.
    once('the communities to import into', () => ({ url: '/api/imports/targets' }), { regionRefs: true }),
  ),
  {
    ...route(
      'POST /api/imports/residents',
      'residents.import',
      // The default community must be covered (a grid worker covers theirs); rows outside the scope fail inside the job (dedicated test).
      each('one row into the community', (_c, p) => uploadTo(p.communityId, p.key), {
        places: ['dong1', 'xi'],
        level: 'community-partial',
        ok: [202],
        after: drainImports,
      }),
    ),
    multipart: true,
  },
  route(
    'GET /api/imports',
    'residents.import',
    once('recent jobs', () => ({ url: '/api/imports' })),
  ),
  route(
    'GET /api/imports/:id',
    'residents.import',
    // A job is a community's: a grid worker sees their own jobs only.
    each('a job of another user', (c, p) => ({ url: `/api/imports/${c.w.jobs[p.key]}` }), { places: ['dong1', 'xi'], level: 'community' }),
  ),
  route(
    'GET /api/imports/:id/report',
    'residents.import',
    // A job's rows may belong to any community its creator covers: only the creator (mzj) reads the report.
    each('the report of mzj’s job', (c, p) => ({ url: `/api/imports/${c.w.jobs[p.key]}/report` }), {
      places: ['dong1', 'xi'],
      level: 'community',
      only: ['mzj'],
    }),
  ),
];
