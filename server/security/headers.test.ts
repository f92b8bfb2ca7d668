/**
 * What every answer tells the browser (helmet in server/app.ts, plus Cache-Control on the API), and
 * CSRF on every state-changing route. A wrong token on every route is covered by the authorization
 * matrix (authorization-matrix.test.ts, "allows and denies every caller as policy and scope say");
 * here the header is missing altogether, or belongs to another session.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident, demoPlaces } from '../modules/residents/residents.factory';
import { createTestApp, type Client, type TestApp } from '../test/app';

let t: TestApp;
let worker: Client;
/** A resident in the worker's community. */
let residentId: string;
beforeAll(async () => {
  t = await createTestApp();
  const places = await demoPlaces(t);
  residentId = (await createResident(t, { name: '头部测', communityId: places.chengdong.id, gridId: places.chengdong.grids[0], phone: '13812345678' })).id;
  worker = await t.login('chengdong');
});
afterAll(() => t.close());

/** The CSP directives of an answer, by name. */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(typeof header, 'Content-Security-Policy is sent').toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/** A few answers of different kinds: public, signed-in with personal data, an error, outside the API. */
async function sampleAnswers(): Promise<[string, LightMyRequestResponse][]> {
  return [
    ['GET /api/health', await t.app.inject({ url: '/api/health' })],
    ['GET /api/residents (signed in)', await worker.get('/api/residents?pageSize=1')],
    ['GET /api/auth/me without a session (401)', await t.app.inject({ url: '/api/auth/me' })],
    ['GET /api/nope (404)', await t.app.inject({ url: '/api/nope' })],
    ['GET /residents (outside the API)', await t.app.inject({ url: '/residents' })],
  ];
}

describe('security headers', () => {
  it('sends a CSP that allows scripts from the site only, no plugins, and no framing', async () => {
    for (const [what, res] of await sampleAnswers()) {
      const d = csp(res);
      expect(d.get('default-src'), what).toEqual(["'self'"]);
      expect(d.get('script-src'), what).toEqual(["'self'"]);
      expect(d.get('script-src-attr') ?? ["'none'"], what).toEqual(["'none'"]);
      expect(d.get('object-src'), what).toEqual(["'none'"]);
      expect(d.get('frame-ancestors'), what).toEqual(["'none'"]);
      expect(d.get('base-uri'), what).toEqual(["'self'"]);
      expect(d.get('form-action'), what).toEqual(["'self'"]);
      // Inline styles are allowed (antd, ECharts); inline and remote scripts are not.
      for (const directive of ['default-src', 'script-src']) {
        expect(d.get(directive), `${what}: ${directive}`).not.toContain("'unsafe-inline'");
        expect(d.get(directive), `${what}: ${directive}`).not.toContain("'unsafe-eval'");
        expect(d.get(directive), `${what}: ${directive}`).not.toContain('*');
      }
    }
  });

  it('forbids MIME sniffing and framing, and sends no referrer', async () => {
    for (const [what, res] of await sampleAnswers()) {
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      expect(['DENY', 'SAMEORIGIN'], what).toContain(res.headers['x-frame-options']);
      expect(res.headers['referrer-policy'], what).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], what).toBe('same-origin');
      expect(res.headers['x-powered-by'], what).toBeUndefined();
    }
  });

  it('marks every API answer not cacheable, errors included', async () => {
    const answers = (await sampleAnswers()).filter(([what]) => what.includes('/api/'));
    answers.push(['GET /api/residents/:id', await worker.get(`/api/residents/${residentId}`)]);
    answers.push(['POST /api/residents/:id/reveal (full ID number)', await worker.post(`/api/residents/${residentId}/reveal`)]);
    answers.push([
      'POST /api/auth/login',
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'mzj', password: t.config.demoPassword } }),
    ]);
    for (const [what, res] of answers) {
      expect(res.statusCode, what).toBeLessThan(500);
      expect(res.headers['cache-control'], what).toBe('no-store');
    }
  });

  it('keeps no-store on the export download, which sets its own headers', async () => {
    const res = await worker.get('/api/residents/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment/);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('CSRF', () => {
  const stateChanging = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !['GET', 'HEAD', 'OPTIONS'].includes(r.method));

  it('leaves only sign-in without a token (there is no session to ride yet)', () => {
    expect(
      stateChanging()
        .filter((r) => r.policy === 'public')
        .map((r) => `${r.method} ${r.url}`),
    ).toEqual(['POST /api/auth/login']);
  });

  it('refuses a signed-in request without x-csrf-token on every state-changing route, before anything else', async () => {
    const routes = stateChanging().filter((r) => r.policy !== 'public');
    expect(routes.length).toBeGreaterThan(20);
    const accepted: string[] = [];
    for (const r of routes) {
      const url = r.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace('*', 'x');
      // The cookie alone, as a forged cross-site form would send it; a body that would be valid JSON.
      const res = await t.app.inject({ method: r.method as 'POST', url, headers: { cookie: worker.cookie }, payload: {} });
      if (res.statusCode !== 403 || res.json().error?.code !== 'AUTH_CSRF_INVALID')
        accepted.push(`${r.method} ${r.url}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(accepted).toEqual([]);
  });

  it('refuses the token of another session, and an empty one', async () => {
    const other = await t.login('chengdong');
    expect(other.csrfToken).not.toBe(worker.csrfToken);
    for (const token of [other.csrfToken, '']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: worker.cookie, 'x-csrf-token': token } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH_CSRF_INVALID');
    }
    // Nothing happened: the session is still open.
    expect((await worker.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('changes nothing when the token is missing: the resident keeps its notes and version', async () => {
    const detail = (await worker.get(`/api/residents/${residentId}`)).json() as { version: number; notes: string | null };
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/residents/${residentId}`,
      headers: { cookie: worker.cookie },
      payload: { version: detail.version, notes: 'forged' },
    });
    expect(res.statusCode).toBe(403);
    const after = (await worker.get(`/api/residents/${residentId}`)).json() as { version: number; notes: string | null };
    expect(after).toMatchObject({ version: detail.version, notes: detail.notes });
  });
});
