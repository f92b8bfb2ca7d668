/**
 * The authorization matrix's table: for every route in app.routeTable (METHOD + url pattern), the policy
 * it must declare and how to call it on an object in each place (城东 grid 1, 城东 grid 2, 城西 grid 1),
 * plus IDOR variants that smuggle another place's ids into bodies and filters. A new route without an
 * entry fails authorization-matrix.test.ts; the fuzz suite reuses the valid calls as seeds.
 *
 * Each module keeps the fixtures of its routes in `<module>.fixtures.ts` and names them in its manifest
 * (`fixtures`); this file adds the routes the app itself registers (the API document) and loads the rest
 * from MODULES. The building blocks are in fixture-kit.ts.
 *
 * Expectations are not written here: they come from the policy, the caller's permissions
 * (permissionsOf) and whether the caller's grant covers the places a variant names (world.ts covers()).
 */
import { MODULES } from '../modules';
import type { Client } from '../test/app';
import { type Mass, type ModuleFixtures, once, route, uploadTo, type RouteFixture } from './fixture-kit';
import type { World } from './world';

export type { Call, Ctx, RouteFixture, Variant } from './fixture-kit';

/** Routes the app registers outside the modules: the API document (public). */
const APP_FIXTURES: RouteFixture[] = [
  route(
    'GET /api/docs',
    'public',
    once('the API documentation', () => ({ url: '/api/docs' }), { ok: [200, 302] }),
  ),
  route(
    'GET /api/docs/static/index.html',
    'public',
    once('the documentation page', () => ({ url: '/api/docs/static/index.html' }), { ok: [200, 302] }),
  ),
  route(
    'GET /api/docs/static/swagger-initializer.js',
    'public',
    once('its script', () => ({ url: '/api/docs/static/swagger-initializer.js' })),
  ),
  route(
    'GET /api/docs/json',
    'public',
    once('the OpenAPI JSON', () => ({ url: '/api/docs/json' })),
  ),
  route(
    'GET /api/docs/yaml',
    'public',
    once('the OpenAPI YAML', () => ({ url: '/api/docs/yaml' })),
  ),
  route(
    'GET /api/docs/static/*',
    'public',
    once('a static file', () => ({ url: '/api/docs/static/swagger-ui.css' })),
  ),
  route(
    'GET /api/openapi.json',
    'public',
    once('the OpenAPI document', () => ({ url: '/api/openapi.json' })),
  ),
];

/** One module's fixtures file, with what the guards need to know of its manifest. */
export interface LoadedModuleFixtures extends ModuleFixtures {
  module: string;
  /** Whether a table of the module carries a scope key (its manifest's `scopeKeys` is not empty). */
  scoped: boolean;
}

/** Every module's fixtures file (from its manifest), in MODULES order. */
export async function loadModuleFixtures(): Promise<LoadedModuleFixtures[]> {
  return Promise.all(
    MODULES.map(async (m) => {
      const loaded: ModuleFixtures = (await m.fixtures?.()) ?? { fixtures: [] };
      return { module: m.name, scoped: Object.keys(m.scopeKeys ?? {}).length > 0, fixtures: loaded.fixtures, mass: loaded.mass, world: loaded.world };
    }),
  );
}

/** Every route's fixture: the app's own, then each module's, in MODULES order. */
export async function loadRouteFixtures(): Promise<RouteFixture[]> {
  return [...APP_FIXTURES, ...(await loadModuleFixtures()).flatMap((m) => m.fixtures)];
}

/** The modules' fixtures files, loaded once for the suites that import them. */
export const MODULE_FIXTURES: LoadedModuleFixtures[] = await loadModuleFixtures();

/** The fixtures, loaded once for the suites that import them. */
export const ROUTE_FIXTURES: RouteFixture[] = [...APP_FIXTURES, ...MODULE_FIXTURES.flatMap((m) => m.fixtures)];

/** Every module's mass-assignment targets (and reasoned exemptions), by route. */
export const MASS: Map<string, Mass> = new Map(MODULE_FIXTURES.flatMap((m) => Object.entries(m.mass ?? {})));

/** Objects that only HTTP can make: an import job with a report in 城东 and in 城西, uploaded by mzj. */
export async function prepare(w: World, mzj: Client) {
  for (const key of ['dong1', 'xi'] as const) {
    const call = uploadTo(w.places[key].communityId, key, true);
    const res = await mzj.request({
      method: 'POST',
      url: `${call.url}?${new URLSearchParams(call.query)}`,
      payload: call.raw!.payload,
      headers: { 'content-type': call.raw!.contentType },
    });
    if (res.statusCode !== 202) throw new Error(`import setup failed: ${res.statusCode} ${res.body}`);
    w.jobs[key] = res.json().jobId;
  }
  await w.t.app.services.imports.drain();
}
