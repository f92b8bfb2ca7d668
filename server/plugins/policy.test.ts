import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../shared/domain/permissions';
import { createTestApp, type TestApp } from '../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'none' });
});
afterAll(() => t.close());

describe('route policies', () => {
  it('every registered route names a policy that exists', () => {
    const allowed = new Set<string>(['public', 'authenticated', ...PERMISSIONS]);
    const missing = t.app.routeTable.filter((r) => !r.policy || !allowed.has(r.policy));
    expect(missing).toEqual([]);
    expect(t.app.routeTable.length).toBeGreaterThan(10);
  });

  it('only sign-in, health and documentation are public under /api', () => {
    const publicApi = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.policy === 'public' && !r.url.startsWith('/api/docs'));
    expect(publicApi.map((r) => `${r.method} ${r.url}`).sort()).toEqual(['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login'].sort());
  });

  it('refuses every non-public API route without a session', async () => {
    for (const r of t.app.routeTable.filter((x) => x.url.startsWith('/api/') && x.policy !== 'public')) {
      const url = r.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({ method: r.method as 'GET', url });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    }
  });
});

describe('OpenAPI', () => {
  it('serves the document at /api/openapi.json and the browsable page at /api/docs', async () => {
    const doc = await t.app.inject({ url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toContain('/api/auth/login');
    const page = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });
});

describe('unknown routes', () => {
  it('answer 404 with the error shape', async () => {
    const res = await t.app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('security headers', () => {
  it('sends CSP with frame-ancestors none and nosniff', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
