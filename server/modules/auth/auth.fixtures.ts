import { once, route, type RouteFixture, STRONG_PASSWORD } from '../../security/fixture-kit';

/** The matrix fixtures of the auth module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'POST /api/auth/login',
    'public',
    once('own credentials', (c) => ({ url: '/api/auth/login', body: { username: c.username ?? 'resident', password: c.w.t.config.demoPassword } })),
  ),
  route(
    'GET /api/auth/me',
    'authenticated',
    once('own session', () => ({ url: '/api/auth/me' })),
  ),
  route(
    'GET /api/auth/preferences',
    'authenticated',
    once('own preferences', () => ({ url: '/api/auth/preferences' })),
  ),
  route(
    'PUT /api/auth/preferences',
    'authenticated',
    once('own preferences', () => ({ url: '/api/auth/preferences', body: { textSize: 'standard' } })),
  ),
  route(
    'POST /api/auth/logout',
    'authenticated',
    once('a session of its own', () => ({ url: '/api/auth/logout', freshSession: true })),
  ),
  route(
    'POST /api/auth/password',
    'authenticated',
    // Allowed callers reach the check of the current password (400), which this suite never passes.
    once(
      'with a wrong current password',
      () => ({ url: '/api/auth/password', body: { currentPassword: 'Not-the-password-1', newPassword: STRONG_PASSWORD } }),
      {
        ok: [400],
      },
    ),
  ),
  route(
    'POST /api/auth/totp/setup',
    'authenticated',
    // The password again (13): a secret to enrol; the factor in force (none here) would stay until enabled.
    once('a new secret for oneself', (c) => ({ url: '/api/auth/totp/setup', body: { password: c.w.t.config.demoPassword } })),
  ),
  route(
    'POST /api/auth/totp/enable',
    'authenticated',
    // Allowed callers reach the check of the code: 400 (wrong code) or 409 (no setup started).
    once('with a code that does not match', () => ({ url: '/api/auth/totp/enable', body: { code: '000000' } }), { ok: [400, 409] }),
  ),
];
