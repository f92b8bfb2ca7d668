/**
 * Property-based fuzzing of every JSON route from its contract. The body and query schemas come from the
 * OpenAPI document (generated from the routes' zod contracts, so a new route is fuzzed without an edit
 * here); the valid calls that mutations start from come from route-fixtures.ts. Each route is sent hostile
 * input as the most privileged account that may call it, with the CSRF token, and must answer without a
 * 5xx, every 4xx in the shape { error: { code, message } }. A second part checks that fields a caller
 * may not set (ids, scope keys, derived columns) are not stored when smuggled into a valid request.
 *
 * Runs are bounded (FUZZ_RUNS, default 25 per route) and seeded per route (FUZZ_SEED to explore).
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '../../shared/domain/permissions';
import { createTestApp, type Client } from '../test/app';
import { encodeLoose, fromSchema, hostileString, hostileValue, MASS_ASSIGNMENT_KEYS, type JsonSchema } from './hostile';
import { FORGED_ID, type MassTarget } from './fixture-kit';
import { MASS, MODULE_FIXTURES, prepare, ROUTE_FIXTURES, type Call, type RouteFixture } from './route-fixtures';
import { buildWorld, permissionsOfAccount, type World } from './world';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20261126);

// Top-level: the routes and their schemas decide which tests exist.
const t = await createTestApp();
const doc = t.app.swagger() as unknown as {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
        parameters?: { in: string; name: string; schema: JsonSchema }[];
        responses?: Record<string, unknown>;
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
};
const refs = doc.components?.schemas ?? {};
let w: World;
const clients: Record<string, Client> = {};

// A valid mutation of PUT /api/security/settings (a lockout after one failure, a second factor required of
// the administrators the fuzzer signs in as) would change how every later call is treated: back to the defaults.
afterEach(async () => {
  await t.database.query('DELETE FROM security_settings');
  t.app.services.securitySettings.forget();
});

beforeAll(async () => {
  w = await buildWorld(t);
  for (const u of ['mzj', 'admin', 'auditor', 'security']) clients[u] = await t.login(u);
  await prepare(w, clients.mzj);
});
afterAll(async () => {
  await t.app.services.imports.drain();
  await t.close();
});

/** The most privileged demo account the policy lets in (null: anonymous). */
function actorFor(policy: string): string | null {
  if (policy === 'public') return null;
  if (policy === 'authenticated') return 'mzj';
  return ['mzj', 'admin', 'auditor', 'security'].find((u) => permissionsOfAccount(u).has(policy as Permission)) ?? null;
}

interface Target {
  route: string;
  method: string;
  policy: string;
  fixture: RouteFixture | undefined;
  body?: JsonSchema;
  query: { name: string; schema: JsonSchema }[];
}

/** Every API route with a JSON body or a query string. */
const targets: Target[] = t.app.routeTable
  .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
  .map((r) => {
    const op = doc.paths[r.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()];
    const body = op?.requestBody?.content?.['application/json']?.schema;
    const query = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema }));
    const route = `${r.method} ${r.url}`;
    return { route, method: r.method, policy: r.policy ?? 'public', fixture: ROUTE_FIXTURES.find((f) => f.route === route), body, query };
  })
  .filter((x) => x.body || x.query.length);

/** Top-level property names of a body schema (all branches of a union). */
function keysOf(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  if (schema.$ref) return keysOf(refs[schema.$ref.split('/').pop()!]);
  const branches = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (branches) return [...new Set(branches.flatMap(keysOf))];
  return Object.keys(schema.properties ?? {});
}

type BodyPlan =
  | { kind: 'mutate'; replace: [string, unknown][]; drop: string[]; extras: [string, unknown][] }
  | { kind: 'schema'; body: unknown }
  | { kind: 'whole'; body: unknown }
  | { kind: 'raw'; payload: string; contentType: string };
type QueryPlan = { replace: [string, string | string[]][]; drop: string[]; extras: [string, string][]; junk?: string };
interface Plan {
  body?: BodyPlan;
  query?: QueryPlan;
  /** Replaces the first path parameter. */
  path?: string;
}

const queryValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: hostileNumberString() },
);
function hostileNumberString() {
  return fc.constantFrom('-1', '0', '1.5', '1e3', '99999999999999999999', '-0', '0x10', ' 1', '1 ', 'Infinity', '', '2147483648');
}

function planOf(target: Target): fc.Arbitrary<Plan> {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  if (target.body) {
    const keys = keysOf(target.body);
    const key = keys.length ? fc.constantFrom(...keys) : fc.constantFrom(...MASS_ASSIGNMENT_KEYS);
    const propSchema = (k: string) => target.body?.properties?.[k] ?? {};
    parts.body = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          kind: fc.constant('mutate' as const),
          replace: fc.array(
            key.chain((k) => fc.tuple(fc.constant(k), fc.oneof(hostileValue, fromSchema(propSchema(k), refs, 0.5)))),
            { minLength: 1, maxLength: 3 },
          ),
          drop: fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
          extras: fc.array(fc.tuple(fc.constantFrom(...MASS_ASSIGNMENT_KEYS), hostileValue), { maxLength: 3 }),
        }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('schema' as const), body: fromSchema(target.body, refs, 0.25) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), body: hostileValue }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('raw' as const),
          payload: fc.constantFrom('{', '{"a":', '', '\u0000', '[]'.repeat(5000), '{"__proto__":{"admin":true}}', `{"x":"${'a'.repeat(1_100_000)}"}`),
          contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
        }),
      },
    );
  }
  if (target.query.length) {
    const names = target.query.map((q) => q.name);
    parts.query = fc.record(
      {
        replace: fc.array(fc.tuple(fc.constantFrom(...names), queryValue), { minLength: 1, maxLength: 3 }),
        drop: fc.subarray(names, { maxLength: Math.min(2, names.length) }),
        extras: fc.array(fc.tuple(fc.constantFrom(...MASS_ASSIGNMENT_KEYS, 'page', 'pageSize', 'cursor'), hostileString), { maxLength: 2 }),
        junk: fc.constantFrom('%', '%zz', '%00', '&&==&', '%ED%A0%80', 'a[b]=1', 'a[__proto__][x]=1'),
      },
      { requiredKeys: ['replace', 'drop', 'extras'] },
    );
  }
  // Path junk the router itself refuses (bad UTF-8, over 100 characters) has its own test below.
  if (/:[A-Za-z]/.test(target.route)) parts.path = hostileString.filter((v) => encodeLoose(v).length <= 100 && !encodeLoose(v).includes('%ED%A0%80'));
  return fc.record(parts, { requiredKeys: [] }) as fc.Arbitrary<Plan>;
}

/** Applies a plan to a valid call: the request to send. */
function apply(plan: Plan, call: Call, target: Target) {
  let url = call.url;
  if (plan.path !== undefined) {
    const [, , ...rest] = target.route.split(' ')[1].split('/');
    const index = rest.findIndex((s) => s.startsWith(':'));
    const parts = url.split('/');
    parts[index + 2] = encodeLoose(plan.path);
    url = parts.join('/');
  }
  const query: [string, string][] = Object.entries(call.query ?? {});
  let extraQuery = '';
  if (plan.query) {
    const q = new Map<string, string | string[]>(query);
    for (const [k, v] of plan.query.replace) q.set(k, v);
    for (const k of plan.query.drop) q.delete(k);
    for (const [k, v] of plan.query.extras) q.set(k, v);
    query.length = 0;
    for (const [k, v] of q) for (const one of Array.isArray(v) ? v : [v]) query.push([k, one]);
    extraQuery = plan.query.junk ?? '';
  }
  const qs = [...query.map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`), extraQuery].filter(Boolean).join('&');
  if (qs) url += `?${qs}`;
  const headers: Record<string, string> = {};
  let payload: string | Buffer | undefined;
  if (call.raw) {
    payload = call.raw.payload;
    headers['content-type'] = call.raw.contentType;
  } else if (plan.body) {
    const b = plan.body;
    if (b.kind === 'raw') {
      payload = b.payload;
      headers['content-type'] = b.contentType;
    } else {
      let body: unknown;
      if (b.kind === 'mutate') {
        const base = call.body && typeof call.body === 'object' && !Array.isArray(call.body) ? { ...(call.body as Record<string, unknown>) } : {};
        for (const [k, v] of b.replace) base[k] = v;
        for (const k of b.drop) delete base[k];
        for (const [k, v] of b.extras) Object.defineProperty(base, k, { value: v, enumerable: true, configurable: true, writable: true });
        body = base;
      } else body = b.body;
      payload = JSON.stringify(body) ?? 'null';
      headers['content-type'] = 'application/json';
    }
  } else if (call.body !== undefined) {
    payload = JSON.stringify(call.body);
    headers['content-type'] = 'application/json';
  }
  return { url, payload, headers };
}

/** Keeps counterexamples readable: long strings are cut. */
function short(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v))?.slice(0, 600) ??
    String(value)
  );
}

/** The house rule for any answer: no 5xx, and every 4xx in the error shape. */
function problemOf(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode >= 400) {
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      body = res.json();
    } catch {
      return `${res.statusCode} without a JSON body: ${res.body.slice(0, 200)}`;
    }
    if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')
      return `${res.statusCode} not in the error shape: ${res.body.slice(0, 200)}`;
  }
  return null;
}

function seedOf(route: string) {
  let h = BASE_SEED;
  for (const ch of route) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

describe('fuzzing every JSON route from its contract', () => {
  it('finds routes to fuzz, each with a fixture to start from', () => {
    expect(targets.length).toBeGreaterThan(25);
    expect(targets.filter((x) => !x.fixture).map((x) => x.route)).toEqual([]);
  });

  for (const target of targets) {
    it(`${target.route} answers hostile input without a 5xx and with coded 4xx errors`, { timeout: 120_000 }, async () => {
      const fixture = target.fixture!;
      const actor = actorFor(target.policy);
      const variant = fixture.variants.find((v) => !v.never && !v.needs && (v.places.length === 0 || v.places.includes('dong1'))) ?? fixture.variants[0];
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(planOf(target), async (plan) => {
          const call = await variant.build({ w, username: actor, fresh: true });
          const req = apply(plan, call, target);
          const res = actor
            ? await clients[actor].request({ method: target.method as 'GET', url: req.url, payload: req.payload, headers: req.headers })
            : await t.app.inject({ method: target.method as 'GET', url: req.url, payload: req.payload, headers: req.headers });
          if (fixture.multipart) await t.app.services.imports.drain();
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const problem = problemOf(res);
          if (problem) throw new Error(`${target.route} ${short(req.url)} ${short(req.payload?.toString())} → ${problem}`);
        }),
        { numRuns: RUNS, seed: seedOf(target.route), endOnFailure: true },
      );
      // Hostile input must mostly be refused, and the valid seeds must still get through sometimes.
      expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    });
  }
});

/** The values that break servers most often, tried on every field of every route (deterministic). */
const STRING_KILLERS: [string, unknown][] = [
  ['a NUL byte', 'ab\u0000c'],
  ['a lone surrogate', 'ab\ud800c'],
  ['100,000 characters', 'x'.repeat(100_000)],
  ['RTL and zero-width marks', '\u202e\u200f\u200b名'],
  ['an emoji family', '👨‍👩‍👧‍👦'],
  ['an object', { $gt: '' }],
  ['an array', ['a', 'b']],
  ['null', null],
];
const NUMBER_KILLERS: [string, unknown][] = [
  ['2^31', 2 ** 31],
  ['-1', -1],
  ['1e308', 1e308],
  ['1.5', 1.5],
  ['a numeric string', '1'],
  ['null', null],
];

describe('every field of every JSON route against the classic killers', () => {
  for (const target of targets) {
    it(`${target.route}: no field takes the server down`, { timeout: 120_000 }, async () => {
      const fixture = target.fixture!;
      const actor = actorFor(target.policy);
      const variant = fixture.variants.find((v) => !v.never && !v.needs && (v.places.length === 0 || v.places.includes('dong1'))) ?? fixture.variants[0];
      const sample = await variant.build({ w, username: actor, fresh: false });
      const bodyKeys = sample.body && typeof sample.body === 'object' ? Object.keys(sample.body) : [];
      const queryKeys = [...new Set([...Object.keys(sample.query ?? {}), ...target.query.map((q) => q.name)])];
      const failures: string[] = [];
      const attempts: { where: 'body' | 'query'; key: string; label: string; value: unknown }[] = [];
      for (const key of bodyKeys) {
        const current = (sample.body as Record<string, unknown>)[key];
        for (const [label, value] of typeof current === 'number' ? NUMBER_KILLERS : STRING_KILLERS) attempts.push({ where: 'body', key, label, value });
      }
      for (const key of queryKeys) for (const [label, value] of STRING_KILLERS.slice(0, 5)) attempts.push({ where: 'query', key, label, value });
      for (const a of attempts) {
        const call = await variant.build({ w, username: actor, fresh: true });
        const plan: Plan =
          a.where === 'body'
            ? { body: { kind: 'mutate', replace: [[a.key, a.value]], drop: [], extras: [] } }
            : { query: { replace: [[a.key, String(a.value)]], drop: [], extras: [] } };
        const req = apply(plan, call, target);
        const res = actor
          ? await clients[actor].request({ method: target.method as 'GET', url: req.url, payload: req.payload, headers: req.headers })
          : await t.app.inject({ method: target.method as 'GET', url: req.url, payload: req.payload, headers: req.headers });
        if (fixture.multipart) await t.app.services.imports.drain();
        const problem = problemOf(res);
        if (problem) failures.push(`${a.where} ${a.key} = ${a.label} → ${problem.slice(0, 120)}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('what the router refuses before any route runs', () => {
  it('answers a path with invalid UTF-8 or an over-long parameter in the error shape', async () => {
    const urls = ['/api/residents/%ED%A0%80', '/api/households/x%ED%A0%80y/split', `/api/buildings/${'a'.repeat(200)}`, `/api/regions/${'中'.repeat(100)}`];
    const failures: string[] = [];
    for (const url of urls) {
      const res = await clients.mzj.request({ method: 'GET', url });
      const problem = problemOf(res);
      if (problem) failures.push(`${url.slice(0, 40)} → ${problem.slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
  });
});

/**
 * Mass assignment: a valid request plus fields the caller may not set (each module's `mass` targets in its
 * fixtures file). Whatever the answer, the stored row keeps its protected columns (PATCH/PUT) or gets them
 * from the server (POST).
 */
const MASS_TARGETS: (MassTarget & { route: string })[] = [...MASS].flatMap(([route, m]) => ('none' in m ? [] : [{ route, ...m }]));

/**
 * The write routes that need a mass-assignment target: every route that creates an object (a POST
 * answering 201) and every PATCH/PUT of one object (its url ends in a parameter) of a module whose tables
 * carry a scope key.
 */
function needsMassTarget(route: string): boolean {
  const [method, url] = route.split(' ');
  const op = doc.paths[url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];
  if (method === 'POST') return Boolean(op?.responses?.['201']);
  return (method === 'PATCH' || method === 'PUT') && /\/:[A-Za-z]+$/.test(url);
}

describe('mass assignment: smuggled fields are never stored', () => {
  it('covers the write routes that carry scope keys', () => {
    // A target (or a reasoned exemption) names a route of its own module's fixtures.
    const misplaced = MODULE_FIXTURES.flatMap((m) =>
      Object.keys(m.mass ?? {})
        .filter((r) => !m.fixtures.some((f) => f.route === r))
        .map((r) => `${m.module}: ${r}`),
    );
    expect(misplaced).toEqual([]);
    const missing = MODULE_FIXTURES.filter((m) => m.scoped).flatMap((m) =>
      m.fixtures.filter((f) => !f.multipart && needsMassTarget(f.route) && !MASS.has(f.route)).map((f) => `${m.module}: ${f.route}`),
    );
    // Add `mass: { '<route>': { table, rowId, extras, frozen | created } }` to the module's fixtures file, or
    // `{ none: '<why>' }` when nothing can be smuggled.
    expect(missing).toEqual([]);
    for (const [route, m] of MASS) if ('none' in m) expect(m.none.trim(), route).not.toBe('');
  });

  for (const m of MASS_TARGETS) {
    it(`${m.route} ignores or refuses fields the caller may not set`, { timeout: 60_000 }, async () => {
      const fixture = ROUTE_FIXTURES.find((f) => f.route === m.route)!;
      const [method] = m.route.split(' ');
      const actor = actorFor(fixture.policy)!;
      const variant = fixture.variants.find((v) => !v.never && !v.needs && v.places.length <= 1 && (v.places.length === 0 || v.places[0] === 'dong1'))!;
      const all = m.extras(w);
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.subarray(Object.keys(all), { minLength: 1 }), async (keys) => {
          const call = await variant.build({ w, username: actor, fresh: true });
          const sent: Record<string, unknown> = { ...(call.body as Record<string, unknown>) };
          for (const k of keys) sent[k] = all[k];
          const id = method === 'PATCH' || method === 'PUT' ? m.rowId(call, undefined as never) : undefined;
          const before = id ? (await t.database.query<Record<string, unknown>>(`SELECT * FROM ${m.table} WHERE id = $1`, [id]))[0] : undefined;
          const url = call.query ? `${call.url}?${new URLSearchParams(call.query)}` : call.url;
          const res = await clients[actor].request({ method: method as 'POST', url, payload: sent });
          expect(res.statusCode, res.body).toBeLessThan(500);
          expect([200, 201, 400].includes(res.statusCode), `${res.statusCode} ${res.body.slice(0, 200)}`).toBe(true);
          if (res.statusCode < 300) accepted++;
          if (before && id) {
            const after = (await t.database.query<Record<string, unknown>>(`SELECT * FROM ${m.table} WHERE id = $1`, [id]))[0];
            for (const col of m.frozen ?? []) expect(after[col], `${m.table}.${col}`).toEqual(before[col]);
          } else if (res.statusCode < 300) {
            const rowId = m.rowId(call, res)!;
            const [row] = await t.database.query<Record<string, unknown>>(`SELECT * FROM ${m.table} WHERE id = $1`, [rowId]);
            m.created?.(row, w, sent);
          }
          expect(await t.database.query(`SELECT id FROM ${m.table} WHERE id = $1`, [FORGED_ID])).toEqual([]);
        }),
        { numRuns: 8, seed: seedOf(m.route) },
      );
      // The contracts strip unknown keys: the valid part of the request went through, the rest was dropped.
      expect(accepted).toBeGreaterThan(0);
    });
  }
});
