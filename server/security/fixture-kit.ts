/**
 * The building blocks of the authorization matrix's fixtures (route-fixtures.ts and every module's
 * `<module>.fixtures.ts`): the shape of a fixture and its variants, the helpers that make variants per
 * place (`each`), across places (`cross`) or once, the fuzzer's mass-assignment targets (`MassTarget`), and
 * what a module's fixtures file exports (`ModuleFixtures`).
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Permission } from '../../shared/domain/permissions';
import type { Policy } from '../plugins/auth';
import {
  freshIdNumber,
  freshName,
  importCsv,
  type Level,
  type Marker,
  multipart,
  PLACE_KEYS,
  type PlaceKey,
  type PlaceObjects,
  PLACES,
  type World,
} from './world';

/** One concrete request. */
export interface Call {
  /** The path with its parameters filled. */
  url: string;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** A raw body with its content type (multipart uploads). */
  raw?: { payload: Buffer; contentType: string };
  /** Sign in anew for this call (it ends the session). */
  freshSession?: boolean;
  /** An id the answer contains when the call is allowed; a 2xx without it is a deny (filters, lists). */
  expectId?: string;
}

/** What a fixture's builder gets. */
export interface Ctx {
  w: World;
  /** The caller; null when unauthenticated. */
  username: string | null;
  /** True when the call may reach the handler: what it changes must then be made fresh for it. */
  fresh: boolean;
}

/** One way of calling a route. */
export interface Variant {
  name: string;
  /** The places the call reaches into: allowed only when the caller's grant covers every one. [] = no object scope. */
  places: PlaceKey[];
  /** How the places are covered (default `grid`). */
  level?: Level;
  /** Permissions needed besides the route's policy (e.g. reveal=true, a justice care group). */
  needs?: Permission[];
  /** Wrong for everybody (ids that do not belong together): must be denied; 400 counts as a deny. */
  never?: boolean;
  /** Allowed to these accounts only, within scope (an object only its creator reads); others get 404. */
  only?: string[];
  /** Statuses that mean allowed (default: any 2xx). */
  ok?: number[];
  /** Statuses that mean denied for a caller with the permission but outside the scope (default 403, 404). */
  deny?: number[];
  /** For answers without ids (exports): whether the object was found. A 2xx without it is a deny. */
  found?: (res: LightMyRequestResponse) => boolean;
  /** The answer may name regions outside the caller's scope (the far end of a re-division), never registry objects. */
  regionRefs?: boolean;
  build: (c: Ctx) => Call | Promise<Call>;
  /** Runs after an allowed call (waits for background work). */
  after?: (c: Ctx) => Promise<void>;
}

export interface RouteFixture {
  /** METHOD and url pattern as app.routeTable lists them. */
  route: string;
  /** The policy the route must declare. */
  policy: Policy;
  /** A multipart upload: the JSON fuzzer leaves it to its dedicated tests. */
  multipart?: boolean;
  variants: Variant[];
}

/**
 * Mass assignment (fuzz.test.ts): a valid call of a create or update route plus fields the caller may not
 * set. Whatever the answer, the stored row keeps its protected columns (PATCH/PUT) or gets them from the
 * server (POST).
 */
export interface MassTarget {
  /** The table the route writes. */
  table: string;
  /** The changed row: from the url (PATCH/PUT) or from the answer (POST). */
  rowId: (call: Call, res: LightMyRequestResponse) => string | undefined;
  /** Smuggled fields, by name: one run sends a subset of them. */
  extras: (w: World) => Record<string, unknown>;
  /** Columns that must not change (PATCH/PUT). */
  frozen?: string[];
  /** What a created row must hold whatever was smuggled (POST); throws (expect) when it does not. */
  created?: (row: Record<string, unknown>, w: World, sent: Record<string, unknown>) => void;
}

/**
 * A route's mass-assignment target, or why it has none (`{ none: 'reason' }`: no body field it could
 * smuggle, the row is not the caller's to scope …). fuzz.test.ts requires one for every create route (201)
 * and every PATCH/PUT of an object of a module whose tables carry a scope key.
 */
export type Mass = MassTarget | { none: string };

/** A module's objects in one place of the test world: creates them and returns the ids that must not leak. */
export type WorldObjects = (w: World, p: PlaceObjects) => Promise<Marker[]>;

/** What a module's `<module>.fixtures.ts` exports (its manifest's `fixtures` loads it). */
export interface ModuleFixtures {
  /** One fixture per route of the module. */
  fixtures: RouteFixture[];
  /** Mass-assignment targets by route (`METHOD pattern`, as in `fixtures`). */
  mass?: Record<string, Mass>;
  /** Objects the module adds to every place of the test world, and their leak markers. */
  world?: WorldObjects;
}

/** An id no row has: a smuggled `id` must not be stored. */
export const FORGED_ID = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
/** The row id at url segment n (`/api/residents/:id` → 3). */
export const segment = (n: number) => (call: Call) => call.url.split('/')[n];
/** The created row's id from a 2xx answer. */
export const fromAnswer = (_call: Call, res: LightMyRequestResponse) => (res.statusCode < 300 ? (res.json() as { id?: string }).id : undefined);

const LONG_AGO = '2000-01-01T00:00:00Z';

/**
 * A create route's target on a table of the module: the server picks the row's id, version, author and
 * creation time, and the community comes from the route's parent object or body, never from a smuggled
 * `communityId` (城西's; `community: 'body'` when the body names it legitimately, so it is not smuggled).
 * `more` adds fields and checks of its own.
 */
export function serverPicks(
  table: string,
  more: { extras?: (w: World) => Record<string, unknown>; created?: MassTarget['created']; community?: 'dong1' | 'not-xi' | 'body' } = {},
): MassTarget {
  const fail = (what: string, row: Record<string, unknown>) => {
    throw new Error(`${table}: ${what} (${JSON.stringify(row).slice(0, 300)})`);
  };
  return {
    table,
    rowId: fromAnswer,
    extras: (w) => ({
      id: FORGED_ID,
      ...(more.community === 'body' ? {} : { communityId: w.places.xi.communityId }),
      version: 42,
      createdBy: FORGED_ID,
      createdAt: LONG_AGO,
      ...more.extras?.(w),
    }),
    created: (row, w, sent) => {
      if (row.id === FORGED_ID) fail('the smuggled id was stored', row);
      if ('version' in row && row.version !== 1) fail('the smuggled version was stored', row);
      if ('created_by' in row && row.created_by === FORGED_ID) fail('the smuggled author was stored', row);
      if (row.created_at instanceof Date ? row.created_at.getUTCFullYear() === 2000 : String(row.created_at).startsWith('2000-'))
        fail('the smuggled creation time was stored', row);
      if ('community_id' in row && more.community !== 'body') {
        const expected = more.community ?? 'dong1';
        if (expected === 'dong1' ? row.community_id !== w.places.dong1.communityId : row.community_id === w.places.xi.communityId)
          fail('the smuggled community was stored', row);
      }
      more.created?.(row, w, sent);
    },
  };
}

/** An update route's target: the row's id, community, author and creation time never change, nor `frozen`. */
export function keeps(table: string, more: { extras?: (w: World) => Record<string, unknown>; frozen?: string[]; idAt?: number } = {}): MassTarget {
  return {
    table,
    rowId: segment(more.idAt ?? 3),
    extras: (w) => ({ id: FORGED_ID, communityId: w.places.xi.communityId, createdBy: FORGED_ID, createdAt: LONG_AGO, ...more.extras?.(w) }),
    frozen: ['id', 'community_id', 'created_at', ...(more.frozen ?? [])],
  };
}

export type VariantOptions = Omit<Variant, 'name' | 'places' | 'build'>;

/** One variant per place (or per listed place). */
export function each(name: string, build: (c: Ctx, p: PlaceObjects) => Call | Promise<Call>, opts: VariantOptions & { places?: PlaceKey[] } = {}): Variant[] {
  const { places = PLACE_KEYS, ...rest } = opts;
  return places.map((key) => ({ ...rest, name: `${name} @${key}`, places: [key], build: (c: Ctx) => build(c, c.w.places[key]) }));
}

/** Calls that start in one place and reach into another (from → to). */
export const PAIRS: [PlaceKey, PlaceKey][] = [
  ['dong1', 'xi'],
  ['xi', 'dong1'],
  ['dong1', 'dong2'],
];

export function cross(
  name: string,
  build: (c: Ctx, from: PlaceObjects, to: PlaceObjects) => Call | Promise<Call>,
  opts: VariantOptions & { pairs?: [PlaceKey, PlaceKey][] } = {},
): Variant[] {
  const { pairs = PAIRS, ...rest } = opts;
  return pairs.map(([a, b]) => ({ ...rest, name: `${name} @${a}→${b}`, places: [a, b], build: (c: Ctx) => build(c, c.w.places[a], c.w.places[b]) }));
}

/** A call without an object. */
export function once(name: string, build: (c: Ctx) => Call | Promise<Call>, opts: VariantOptions = {}): Variant[] {
  return [{ ...opts, name, places: [], build }];
}

export function route(routeKey: string, policy: Policy, ...variants: Variant[][]): RouteFixture {
  return { route: routeKey, policy, variants: variants.flat() };
}

export const DAY = '2024-05-01';

/** Organisations and cadres belong to a community: a grid worker's grant covers none of them. */
export const COMMUNITY_LEVEL: VariantOptions & { places: PlaceKey[] } = { places: ['dong1', 'xi'], level: 'community' };

export const STRONG_PASSWORD = 'Qz7#wLp2&vRt9!';

/** A resident the call may change: fresh when it may reach the handler, else the shared head. */
export async function person(c: Ctx, p: PlaceObjects) {
  return c.fresh ? (await c.w.resident(p)).id : p.headId;
}

export async function householdOf(c: Ctx, p: PlaceObjects) {
  return c.fresh ? (await c.w.household(p)).id : p.householdId;
}

export const rowsFound = (res: LightMyRequestResponse) => Number(res.headers['x-row-count'] ?? 0) > 0;

/** One import row naming the place's grid by its full code. */
export function uploadTo(communityId: string, gridOf: PlaceKey, bad = false): Call {
  const rows = [{ 姓名: freshName('导'), 身份证号: freshIdNumber(), 网格: PLACES[gridOf].gridCode, 住址: '矩阵路导入1号' }];
  if (bad) rows.push({ 姓名: freshName('导'), 身份证号: '110101199001011230', 网格: PLACES[gridOf].gridCode, 住址: '矩阵路导入1号' });
  const body = multipart({ name: 'matrix.csv', data: importCsv(rows) });
  return { url: '/api/imports/residents', query: { communityId }, raw: body };
}

export const COMMUNITY_PLACES: PlaceKey[] = ['dong1', 'xi'];
