/**
 * The authorization matrix: every route in app.routeTable × every demo account (and no account) × objects
 * inside and outside the account's scope. The expected answer comes from the route's policy, the
 * account's permissions (permissionsOf) and whether its grant covers the object; the calls come from
 * route-fixtures.ts. Besides each call's own verdict, every 2xx answer is searched for ids of objects the
 * caller may not see.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '../../shared/domain/permissions';
import { createTestApp, type Client, type TestApp } from '../test/app';
import { prepare, ROUTE_FIXTURES, type Call, type Ctx, type RouteFixture, type Variant } from './route-fixtures';
import { buildWorld, covers, freshIdNumber, freshName, importCsv, multipart, permissionsOfAccount, PLACES, USERNAMES, type World } from './world';

let t: TestApp;
let w: World;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  for (const u of USERNAMES) clients[u] = await t.login(u);
  await prepare(w, clients.mzj);
});
afterAll(async () => {
  await t.app.services.imports.drain();
  await t.close();
});

type Expectation = { allow: true } | { allow: false; statuses: number[]; why: 'unauthenticated' | 'permission' | 'inner permission' | 'scope' };

/** What the matrix expects of one caller on one variant. */
function expectation(policy: string, variant: Variant, username: string | null): Expectation {
  if (policy === 'public') return { allow: true };
  if (!username) return { allow: false, statuses: [401], why: 'unauthenticated' };
  const perms = permissionsOfAccount(username);
  if (policy !== 'authenticated' && !perms.has(policy as Permission)) return { allow: false, statuses: [403], why: 'permission' };
  const inScope = variant.places.every((p) => covers(username, p, variant.level));
  // A permission the handler checks: 403 in scope; out of scope the object may be hidden first (404).
  if (variant.needs && !variant.needs.every((p) => perms.has(p))) return { allow: false, statuses: inScope ? [403] : [403, 404], why: 'inner permission' };
  if (variant.never) return { allow: false, statuses: variant.deny ?? [400, 403, 404, 409], why: 'scope' };
  if (!inScope) return { allow: false, statuses: variant.deny ?? [403, 404], why: 'scope' };
  if (variant.only && !variant.only.includes(username)) return { allow: false, statuses: variant.deny ?? [404], why: 'scope' };
  return { allow: true };
}

/** A url pattern as a regular expression (to check that a fixture calls the route it names). */
function patternOf(url: string) {
  return new RegExp(
    `^${url
      .replace(/[.]/g, '\\.')
      .replace(/:[A-Za-z]+/g, '[^/]+')
      .replace(/\*/g, '.+')}$`,
  );
}

async function send(method: string, call: Call, username: string | null, csrf?: string): Promise<LightMyRequestResponse> {
  const url = call.query ? `${call.url}?${new URLSearchParams(call.query)}` : call.url;
  const headers: Record<string, string> = {};
  let payload: unknown;
  if (call.raw) {
    payload = call.raw.payload;
    headers['content-type'] = call.raw.contentType;
  } else if (call.body !== undefined) payload = call.body;
  if (csrf !== undefined) headers['x-csrf-token'] = csrf;
  if (!username) return t.app.inject({ method: method as 'GET', url, payload: payload as string, headers });
  const client = call.freshSession ? await t.login(username) : clients[username];
  return client.request({ method: method as 'GET', url, payload: payload as string, headers });
}

/** Ids in a 2xx answer that the caller may not see. */
function leaks(username: string, res: LightMyRequestResponse, regionRefs = false): string[] {
  const perms = permissionsOfAccount(username);
  return w.markers
    .filter((m) => !(regionRefs && m.region))
    .filter((m) => (!covers(username, m.place) || (m.needs && !perms.has(m.needs))) && res.body.includes(m.id))
    .map((m) => m.what);
}

interface Outcome {
  route: string;
  variant: string;
  caller: string;
  expected: string;
  got: number;
  problem: 'unexpected allow' | 'unexpected deny' | 'wrong status' | 'leak' | 'error shape';
  detail?: string;
}
const outcomes = { checked: 0, allowed: 0, deniedByScope: 0, problems: [] as Outcome[] };

const is2xx = (s: number) => s >= 200 && s < 300;
const CALLERS: (string | null)[] = [null, ...USERNAMES];

async function runRoute(f: RouteFixture): Promise<Outcome[]> {
  const [method, pattern] = f.route.split(' ');
  const entry = t.app.routeTable.find((r) => r.method === method && r.url === pattern);
  if (!entry)
    return [{ route: f.route, variant: '-', caller: '-', expected: 'a route', got: 0, problem: 'wrong status', detail: 'no such route in app.routeTable' }];
  const policy = entry.policy ?? '(none)';
  const problems: Outcome[] = [];
  for (const variant of f.variants) {
    for (const username of CALLERS) {
      const exp = expectation(policy, variant, username);
      const ctx: Ctx = { w, username, fresh: exp.allow || exp.why === 'scope' || exp.why === 'inner permission' };
      const call = await variant.build(ctx);
      expect(call.url, `${f.route}: fixture ${variant.name} calls ${call.url}`).toMatch(patternOf(pattern));
      const res = await send(method, call, username);
      outcomes.checked++;
      const status = res.statusCode;
      const tracked = variant.found !== undefined || call.expectId !== undefined;
      const found = variant.found ? variant.found(res) : call.expectId ? res.body.includes(call.expectId) : true;
      const base = { route: f.route, variant: variant.name, caller: username ?? '(anonymous)', got: status };
      if (exp.allow) outcomes.allowed++;
      else if (exp.why === 'scope') outcomes.deniedByScope++;
      if (exp.allow) {
        const okStatus = variant.ok ? variant.ok.includes(status) : is2xx(status);
        if (!okStatus)
          problems.push({ ...base, expected: variant.ok ? variant.ok.join('/') : '2xx', problem: 'unexpected deny', detail: res.body.slice(0, 300) });
        else if (!found)
          problems.push({ ...base, expected: '2xx with the object', problem: 'unexpected deny', detail: 'the object is missing from the answer' });
        else if (variant.after) await variant.after(ctx);
      } else {
        const denied = exp.statuses.includes(status) || (is2xx(status) && tracked && !found);
        if (!denied)
          problems.push({
            ...base,
            expected: `${exp.statuses.join('/')} (${exp.why})`,
            problem: is2xx(status) ? 'unexpected allow' : 'wrong status',
            detail: res.body.slice(0, 300),
          });
        if (is2xx(status) && variant.after) await variant.after(ctx);
      }
      if (status >= 400) {
        const body = safeJson(res);
        if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')
          problems.push({ ...base, expected: '{error:{code,message}}', problem: 'error shape', detail: res.body.slice(0, 200) });
        else if (!exp.allow && exp.why === 'permission' && body.error.code !== 'FORBIDDEN')
          problems.push({ ...base, expected: 'FORBIDDEN', problem: 'wrong status', detail: body.error.code });
        else if (!exp.allow && exp.why === 'unauthenticated' && body.error.code !== 'AUTH_REQUIRED')
          problems.push({ ...base, expected: 'AUTH_REQUIRED', problem: 'wrong status', detail: body.error.code });
      }
      if (username && is2xx(status)) {
        const leaked = leaks(username, res, variant.regionRefs);
        if (leaked.length) problems.push({ ...base, expected: 'no foreign ids', problem: 'leak', detail: leaked.join(', ') });
      }
    }
  }
  // State-changing calls need the CSRF token, whoever makes them.
  if (method !== 'GET' && policy !== 'public') {
    const variant = f.variants[0];
    const call = await variant.build({ w, username: 'mzj', fresh: false });
    const res = await send(method, { ...call, freshSession: false }, 'mzj', 'not-the-token');
    outcomes.checked++;
    if (res.statusCode !== 403 || safeJson(res)?.error?.code !== 'AUTH_CSRF_INVALID')
      problems.push({
        route: f.route,
        variant: variant.name,
        caller: 'mzj without CSRF token',
        expected: '403 AUTH_CSRF_INVALID',
        got: res.statusCode,
        problem: 'unexpected allow',
      });
  }
  return problems;
}

function safeJson(res: LightMyRequestResponse): { error?: { code?: unknown; message?: unknown } } | undefined {
  try {
    return res.json();
  } catch {
    return undefined;
  }
}

describe('the route table', () => {
  it('has a fixture for every API route, and no fixture for a route that is gone', () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    const fixtures = ROUTE_FIXTURES.map((f) => f.route);
    expect(
      routes.filter((r) => !fixtures.includes(r)),
      'routes without an entry in server/security/route-fixtures.ts',
    ).toEqual([]);
    expect(
      fixtures.filter((f) => !routes.includes(f)),
      'fixtures of routes that no longer exist',
    ).toEqual([]);
    expect(new Set(fixtures).size).toBe(fixtures.length);
  });

  it('gives every route the policy its fixture declares (loosening one is a deliberate change here)', () => {
    const declared = Object.fromEntries(ROUTE_FIXTURES.map((f) => [f.route, f.policy]));
    const differing = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/'))
      .filter((r) => declared[`${r.method} ${r.url}`] !== undefined && declared[`${r.method} ${r.url}`] !== r.policy)
      .map((r) => `${r.method} ${r.url}: ${r.policy} (fixture says ${declared[`${r.method} ${r.url}`]})`);
    expect(differing).toEqual([]);
  });

  it('serves nothing but public GET files outside /api', () => {
    const others = t.app.routeTable.filter((r) => !r.url.startsWith('/api/'));
    expect(others.filter((r) => r.method !== 'GET' || r.policy !== 'public')).toEqual([]);
  });
});

describe('the authorization matrix', () => {
  for (const f of ROUTE_FIXTURES) {
    it(`${f.route}: allows and denies every caller as policy and scope say`, async () => {
      const problems = await runRoute(f);
      outcomes.problems.push(...problems);
      expect(problems).toEqual([]);
    });
  }

  it('found zero unexpected allows and zero leaks over the whole matrix', () => {
    const bad = outcomes.problems.filter((p) => p.problem === 'unexpected allow' || p.problem === 'leak');
    // The matrix is only as good as its coverage: many calls, with real allows and real out-of-scope denials.
    expect(outcomes.checked).toBeGreaterThan(1500);
    expect(outcomes.allowed).toBeGreaterThan(400);
    expect(outcomes.deniedByScope).toBeGreaterThan(250);
    expect(bad).toEqual([]);
  });
});

describe('imports: what a file carries is checked against the scope too', () => {
  /** Uploads a CSV as `username` into `communityId` and waits for the job. */
  async function importAs(username: string, communityId: string, rows: Parameters<typeof importCsv>[0]) {
    const body = multipart({ name: 'idor.csv', data: importCsv(rows) });
    const res = await clients[username].request({
      method: 'POST',
      url: `/api/imports/residents?communityId=${communityId}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.app.services.imports.drain();
    const job = await clients[username].get(`/api/imports/${res.json().jobId}`);
    expect(job.statusCode).toBe(200);
    return job.json() as { id: string; status: string; created: number; updated: number; failed: number; errors: { code: string }[] };
  }
  const residentsWith = async (name: string) =>
    t.database.query<{ community_id: string; grid_id: string }>('SELECT community_id, grid_id FROM residents WHERE name = $1', [name]);

  it('refuses an upload by chengxi into 城东 before reading the file', async () => {
    const body = multipart({ name: 'idor.csv', data: importCsv([{ 姓名: freshName('导'), 身份证号: freshIdNumber(), 网格: PLACES.dong1.gridCode }]) });
    const res = await clients.chengxi.request({
      method: 'POST',
      url: `/api/imports/residents?communityId=${w.places.dong1.communityId}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(res.statusCode).toBe(403);
  });

  it('fails the rows of a chengxi file that name a 城东 grid, and registers nobody there', async () => {
    const name = freshName('导');
    const job = await importAs('chengxi', w.places.xi.communityId, [
      { 姓名: name, 身份证号: freshIdNumber(), 网格: PLACES.dong1.gridCode, 住址: '矩阵路越权1号' },
    ]);
    expect(job).toMatchObject({ status: 'done', created: 0, failed: 1 });
    expect(job.errors[0].code).toBe('grid_out_of_scope');
    expect(await residentsWith(name)).toEqual([]);
  });

  it('fails the rows of a grid worker that name another grid of the same community', async () => {
    const name = freshName('导');
    const job = await importAs('grid-chengdong', w.places.dong1.communityId, [{ 姓名: name, 身份证号: freshIdNumber(), 网格: PLACES.dong2.gridCode }]);
    expect(job).toMatchObject({ status: 'done', created: 0, failed: 1 });
    expect(await residentsWith(name)).toEqual([]);
  });

  it('does not let chengxi take over a 城东 resident by importing their ID number into 城西', async () => {
    const idNumber = freshIdNumber();
    const created = await clients.chengdong.post('/api/residents', { name: freshName('导'), idNumber, gridId: w.places.dong1.gridId });
    expect(created.statusCode).toBe(201);
    const before = (await t.database.query<Record<string, unknown>>('SELECT * FROM residents WHERE id = $1', [created.json().id]))[0];
    const job = await importAs('chengxi', w.places.xi.communityId, [{ 姓名: '改名者', 身份证号: idNumber, 网格: PLACES.xi.gridCode, 住址: '城西路1号' }]);
    expect(job).toMatchObject({ status: 'done', created: 0, updated: 0, failed: 1 });
    const after = (await t.database.query<Record<string, unknown>>('SELECT * FROM residents WHERE id = $1', [created.json().id]))[0];
    expect(after).toEqual(before);
  });

  it('keeps chengxi out of chengdong’s jobs and their reports', async () => {
    const job = await importAs('chengdong', w.places.dong1.communityId, [
      { 姓名: freshName('导'), 身份证号: '110101199001011230', 网格: PLACES.dong1.gridCode },
    ]);
    expect(job.failed).toBe(1);
    const id = job.id;
    expect((await clients.chengdong.get(`/api/imports/${id}/report`)).statusCode).toBe(200);
    expect((await clients.chengxi.get(`/api/imports/${id}`)).statusCode).toBe(404);
    expect((await clients.chengxi.get(`/api/imports/${id}/report`)).statusCode).toBe(404);
    expect((await clients.chengxi.get('/api/imports')).body).not.toContain(id);
  });
});
