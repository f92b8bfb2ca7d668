import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app';

let t: TestApp;
let security: Client;

beforeAll(async () => {
  t = await createTestApp({ config: { lockout: { threshold: 5, minutes: 15 } } });
  security = await t.login('security');
});
afterAll(() => t.close());

const signIn = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const put = (c: Client, payload: unknown) => c.request({ method: 'PUT', url: '/api/security/settings', payload: payload as never });

/** The settings as read now, with a change applied and the version read. */
async function changed(patch: Record<string, unknown>) {
  const view = (await security.get('/api/security/settings')).json();
  return { ...view.settings, ...patch, version: view.version };
}

describe('the security settings', () => {
  it('start as the environment says, never changed', async () => {
    const res = await security.get('/api/security/settings');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ version: 0, updatedAt: null, updatedBy: null });
    expect(view.settings).toEqual(view.defaults);
    expect(view.settings).toMatchObject({ lockoutThreshold: 5, lockoutMinutes: 15, passwordMinLength: t.config.password.minLength });
  });

  it('are refused to every role but the security administrator', async () => {
    for (const username of ['admin', 'auditor', 'chengdong', 'mzj']) {
      const c = await t.login(username);
      expect((await c.get('/api/security/settings')).statusCode, username).toBe(403);
      expect((await put(c, await changed({ lockoutThreshold: 1 }))).statusCode, username).toBe(403);
      expect((await c.get('/api/security/locked-accounts')).statusCode, username).toBe(403);
      expect((await c.get('/api/security/sessions')).statusCode, username).toBe(403);
    }
    expect((await security.get('/api/security/settings')).json().settings.lockoutThreshold).toBe(5);
  });

  it('lock an account sooner once the threshold is lowered, without a restart; the change is audited', async () => {
    const res = await put(security, await changed({ lockoutThreshold: 2, lockoutMinutes: 30 }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, updatedBy: 'security', settings: { lockoutThreshold: 2, lockoutMinutes: 30 } });

    expect((await signIn('chengxi', 'Wrong#1')).statusCode).toBe(401);
    expect((await signIn('chengxi', 'Wrong#2')).statusCode).toBe(401);
    // Locked after two failures: even the right password is refused now.
    expect((await signIn('chengxi', t.config.demoPassword)).statusCode).toBe(401);

    const [entry] = await t.database.query<{ details: Record<string, unknown>; username: string }>(
      `SELECT details, username FROM audit_log WHERE action = 'security.settings.update' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry.username).toBe('security');
    expect(entry.details).toEqual({ lockoutThreshold: { from: 5, to: 2 }, lockoutMinutes: { from: 15, to: 30 } });
  });

  it('list the locked account, and unlock it (audited); it signs in again', async () => {
    const locked = (await security.get('/api/security/locked-accounts')).json().items;
    const chengxi = locked.find((a: { username: string }) => a.username === 'chengxi');
    expect(chengxi).toMatchObject({ displayName: '城西社区 刘芳', failedAttempts: 2 });
    // Locked for the new 30 minutes.
    expect(Date.parse(chengxi.lockedUntil) - Date.now()).toBeGreaterThan(25 * 60_000);

    expect((await security.post(`/api/security/locked-accounts/${chengxi.id}/unlock`)).statusCode).toBe(200);
    expect((await security.get('/api/security/locked-accounts')).json().items.map((a: { username: string }) => a.username)).not.toContain('chengxi');
    expect((await signIn('chengxi', t.config.demoPassword)).statusCode).toBe(200);
    const [audited] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'accounts.unlock' AND object_id = $1 AND username = 'security'`,
      [chengxi.id],
    );
    expect(audited.n).toBe(1);
  });

  it('apply a longer minimum password length to the next password change', async () => {
    expect((await put(security, await changed({ passwordMinLength: 14 }))).statusCode).toBe(200);
    const c = await t.login('street1');
    const short = await c.post('/api/auth/password', { currentPassword: t.config.demoPassword, newPassword: 'Short#Pw2026' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0]).toMatchObject({ path: 'newPassword', code: 'too_short' });
    const long = await c.post('/api/auth/password', { currentPassword: t.config.demoPassword, newPassword: 'Much#Longer#Pw2026' });
    expect(long.statusCode).toBe(200);
  });

  it('refuse a stale version with 409 and a bad value with 400 naming the field', async () => {
    const stale = await put(security, { ...(await changed({})), version: 1 });
    expect(stale.statusCode).toBe(409);
    const bad = await put(security, await changed({ lockoutThreshold: 0 }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('lockoutThreshold');
  });
});

describe('the active sessions', () => {
  it('list the signed-in browsers without their tokens, and end one: its next request is refused (audited)', async () => {
    const police = await t.login('police-chengdong');
    expect((await police.get('/api/auth/me')).statusCode).toBe(200);
    const res = await security.get('/api/security/sessions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; username: string; current: boolean }[];
    expect(items.find((s) => s.username === 'security' && s.current)).toBeTruthy();
    const session = items.find((s) => s.username === 'police-chengdong')!;
    expect(session.id).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body).not.toContain(police.cookie.split('=')[1]);

    expect((await security.delete(`/api/security/sessions/${session.id}`)).statusCode).toBe(200);
    expect((await police.get('/api/auth/me')).statusCode).toBe(401);
    expect((await security.delete(`/api/security/sessions/${session.id}`)).statusCode).toBe(404);
    const [audited] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.session.end' AND username = 'security'`,
    );
    expect(audited.n).toBe(1);
  });

  it('end sooner once the idle limit is shortened', async () => {
    const idle = async () => {
      const c = await t.login('labour');
      // Last seen three minutes ago.
      await t.database.query(
        `UPDATE sessions SET last_seen_at = now() - interval '3 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'labour')`,
      );
      return (await c.get('/api/auth/me')).statusCode;
    };
    expect(await idle()).toBe(200);
    expect((await put(security, await changed({ sessionIdleMinutes: 1 }))).statusCode).toBe(200);
    expect(await idle()).toBe(401);
    expect((await put(security, await changed({ sessionIdleMinutes: 30 }))).statusCode).toBe(200);
  });
});

describe('the audit chain check', () => {
  it('is open to the security administrator', async () => {
    const res = await security.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
  });
});
