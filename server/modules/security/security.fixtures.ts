import { type Ctx, once, route, type RouteFixture } from '../../security/fixture-kit';

/** A new session of the spare account; returns the id the security administrator's list gives it. */
async function spareSession(c: Ctx): Promise<string> {
  const [row] = await c.w.t.database.query<{ id: string }>(
    `INSERT INTO sessions (token_hash, user_id, csrf_token) VALUES (md5(random()::text) || md5(random()::text), $1, 'matrix')
     RETURNING left(encode(sha256(convert_to('sid:' || token_hash, 'UTF8')), 'hex'), 32) AS id`,
    [c.w.spareUserId],
  );
  return row.id;
}

/** The matrix fixtures of the security module's routes (see server/security/route-fixtures.ts). */
export const fixtures: RouteFixture[] = [
  route(
    'GET /api/security/settings',
    'security.manage',
    once('the settings', () => ({ url: '/api/security/settings' })),
  ),
  route(
    'PUT /api/security/settings',
    'security.manage',
    // The settings as they are (a change here would alter the lockout of the other calls).
    once('the same settings again', async (c) => {
      const view = await c.w.t.app.services.securitySettings.view();
      return { url: '/api/security/settings', body: { ...view.settings, version: view.version } };
    }),
  ),
  route(
    'GET /api/security/locked-accounts',
    'security.manage',
    once('the list', () => ({ url: '/api/security/locked-accounts' })),
  ),
  route(
    'POST /api/security/locked-accounts/:id/unlock',
    'security.manage',
    once('the spare account', (c) => ({ url: `/api/security/locked-accounts/${c.w.spareUserId}/unlock` })),
  ),
  route(
    'GET /api/security/sessions',
    'security.manage',
    once('the list', () => ({ url: '/api/security/sessions' })),
  ),
  route(
    'DELETE /api/security/sessions/:id',
    'security.manage',
    once('a session of the spare account', async (c) => ({ url: `/api/security/sessions/${await spareSession(c)}` })),
  ),
];
