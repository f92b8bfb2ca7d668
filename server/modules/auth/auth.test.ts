import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { lockout: { threshold: 5, minutes: 15 } } });
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the demo password, sets an HttpOnly cookie and returns the CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chengdong', password: t.config.demoPassword } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.username).toBe('chengdong');
    expect(body.user.permissions).toContain('residents.read');
    expect(body.csrfToken).toMatch(/.{20,}/);
    const cookie = res.cookies.find((c) => c.name === 'shequ_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('refuses a wrong password with 401 and a code, in Chinese by default and English on request', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'mzj', password: 'nope' } });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(zh.json().error.message).toBe('用户名或密码错误');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'mzj', password: 'nope' },
    });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('refuses an unknown user exactly like a wrong password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks the account after five failures: during the lock even the right password gets the same 401 as a wrong one', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chengxi', password: 'wrong' } });
      expect(res.statusCode).toBe(401);
    }
    const sixth = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chengxi', password: t.config.demoPassword } });
    expect(sixth.statusCode).toBe(401);
    expect(sixth.json().error).toEqual(
      (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } })).json().error,
    );
    const [locked] = await t.database.query<{ details: { reason: string; passwordRight: boolean } }>(
      `SELECT details FROM audit_log WHERE action = 'auth.login' AND username = 'chengxi' ORDER BY seq DESC LIMIT 1`,
    );
    expect(locked.details).toEqual({ reason: 'locked', passwordRight: true });
  });

  it('keeps an ID number typed as a username out of the audit log (masked)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '341881199001011234', password: 'x' } });
    expect(res.statusCode).toBe(401);
    const rows = await t.database.query<{ username: string }>(`SELECT username FROM audit_log WHERE action = 'auth.login' AND username LIKE '341881%'`);
    expect(rows.map((r) => r.username)).toEqual(['341881********1234']);
  });

  it('answers an unknown user, a wrong password, a locked and a disabled account alike until the password is right (no attempts left)', async () => {
    await t.database.query(`UPDATE users SET disabled = true WHERE username = 'police-chengdong'`);
    const attempt = (username: string, password = 'Wrong#2026x') => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const answers = await Promise.all(['nobody', 'street1', 'chengxi', 'police-chengdong'].map((u) => attempt(u)));
    for (const a of answers) expect([a.statusCode, a.json()]).toEqual([answers[0].statusCode, answers[0].json()]);
    expect(answers[0].statusCode).toBe(401);
    expect(answers[0].json().error.details).toEqual({ lockoutThreshold: 5, lockoutMinutes: 15 });
    // After the right password a disabled account may say so.
    const right = await attempt('police-chengdong', t.config.demoPassword);
    expect([right.statusCode, right.json().error.code]).toEqual([403, 'AUTH_ACCOUNT_DISABLED']);
    await t.database.query(`UPDATE users SET disabled = false, failed_attempts = 0 WHERE username = 'police-chengdong'`);
  });

  it('names the missing field when the body is incomplete', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details[0].path).toBe('password');
  });
});

describe('GET /api/auth/me', () => {
  it('requires a session', async () => {
    const res = await t.app.inject({ url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('returns the user, grants and a CSRF token', async () => {
    const c = await t.login('street1');
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.grants[0]).toMatchObject({ role: 'street', regionName: '东城街道' });
    expect(res.json().csrfToken).toBe(c.csrfToken);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the x-csrf-token header', async () => {
    const c = await t.login('mzj');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_CSRF_INVALID');
  });
});

describe('refusals as security events', () => {
  it('writes a signed-in user refused by a permission or the CSRF check to the audit log', async () => {
    const worker = await t.login('grid-chengdong');
    expect((await worker.get('/api/accounts')).statusCode).toBe(403);
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: worker.cookie } });
    expect(noToken.statusCode).toBe(403);
    const rows = await t.database.query<{ object_id: string; outcome: string; details: { code: string; required?: string } }>(
      `SELECT object_id, outcome, details FROM audit_log WHERE action = 'security.denied' AND username = 'grid-chengdong' ORDER BY seq`,
    );
    expect(rows.map((r) => [r.object_id, r.outcome, r.details.code])).toEqual([
      ['GET /api/accounts', 'denied', 'FORBIDDEN'],
      ['POST /api/auth/logout', 'denied', 'AUTH_CSRF_INVALID'],
    ]);
    expect(rows[0].details.required).toBe('accounts.manage');
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session', async () => {
    const c = await t.login('mzj');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('a burst of sign-ins', () => {
  it('checks five wrong passwords at most when sent all at once; the rest meet the lock', async () => {
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'street1', password: 'Wrong#2026x' } })),
    );
    expect(burst.every((r) => r.json().error.code === 'AUTH_INVALID_CREDENTIALS')).toBe(true);
    const reasons = await t.database.query<{ reason: string }>(
      `SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'auth.login' AND username = 'street1' AND outcome <> 'success' ORDER BY seq DESC LIMIT 20`,
    );
    expect(reasons.filter((r) => r.reason === 'wrong_password')).toHaveLength(5);
    expect(reasons.filter((r) => r.reason === 'locked')).toHaveLength(15);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'street1', password: t.config.demoPassword } });
    expect(right.statusCode).toBe(401);
  });
});

describe('session limits', () => {
  it('expires a session idle longer than the limit and says so', async () => {
    const c = await t.login('police-chengdong');
    await t.database.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes'`);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('expires a session older than the absolute limit even when active', async () => {
    const c = await t.login('police-chengdong');
    await t.database.query(`UPDATE sessions SET created_at = now() - interval '13 hours'`);
    expect((await c.get('/api/auth/me')).json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });
});

describe('POST /api/auth/password', () => {
  it('rejects a weak new password naming the rule', async () => {
    const c = await t.login('labour');
    const res = await c.post('/api/auth/password', { currentPassword: t.config.demoPassword, newPassword: 'abcdefgh' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('AUTH_PASSWORD_WEAK');
    expect(res.json().error.details[0].path).toBe('newPassword');
  });

  it('changes the password; the old one stops working', async () => {
    const c = await t.login('labour');
    expect((await c.post('/api/auth/password', { currentPassword: t.config.demoPassword, newPassword: 'New#Pass2026' })).statusCode).toBe(200);
    const old = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'labour', password: t.config.demoPassword } });
    expect(old.statusCode).toBe(401);
    await t.login('labour', 'New#Pass2026');
  });

  it('counts wrong current passwords towards the sign-in lockout and audits them; locked, even the right one is refused', async () => {
    const c = await t.login('grid-chengdong');
    for (let i = 0; i < 4; i++) {
      const res = await c.post('/api/auth/password', { currentPassword: `Guess#${i}2026`, newPassword: 'Taken#Over2026' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ path: 'currentPassword', remainingAttempts: 4 - i });
    }
    // The fifth wrong guess, whether here or at the sign-in, locks the account.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'grid-chengdong', password: 'x' } })).statusCode).toBe(401);
    const right = await c.post('/api/auth/password', { currentPassword: t.config.demoPassword, newPassword: 'Taken#Over2026' });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'grid-chengdong', password: 'Taken#Over2026' } })).statusCode,
    ).toBe(401);
    const audited = await t.database.query<{ outcome: string; reason: string }>(
      `SELECT a.outcome, a.details->>'reason' AS reason FROM audit_log a JOIN users u ON u.id::text = a.object_id WHERE a.action = 'auth.password.change' AND u.username = 'grid-chengdong' ORDER BY a.seq`,
    );
    expect(audited).toEqual([...Array(4).fill({ outcome: 'failure', reason: 'wrong_password' }), { outcome: 'denied', reason: 'locked' }]);
    await t.database.query(`UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = 'grid-chengdong'`);
  });

  it('refuses the current password and the last five (PASSWORD_HISTORY), naming the field in both languages', async () => {
    const c = await t.login('chengdong');
    const change = (currentPassword: string, newPassword: string, headers?: Record<string, string>) =>
      c.post('/api/auth/password', { currentPassword, newPassword }, headers);
    const same = await change(t.config.demoPassword, t.config.demoPassword);
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details[0]).toMatchObject({ path: 'newPassword', code: 'reused', message: '新密码不能与当前密码或最近 5 次用过的密码相同' });
    const en = await change(t.config.demoPassword, t.config.demoPassword, { 'accept-language': 'en' });
    expect(en.json().error.details[0].message).toBe('the new password may not be the current one nor one of the last 5');
    const passwords = [t.config.demoPassword, ...Array.from({ length: 6 }, (_, i) => `Cycle#${i}x2026`)];
    for (let i = 1; i <= 5; i++) expect((await change(passwords[i - 1], passwords[i])).statusCode, passwords[i]).toBe(200);
    // Five passwords back (the demo password) is still remembered; one more change lets it go.
    expect((await change(passwords[5], passwords[0])).json().error.details[0].code).toBe('reused');
    expect((await change(passwords[5], passwords[2])).json().error.details[0].code).toBe('reused');
    expect((await change(passwords[5], passwords[6])).statusCode).toBe(200);
    expect((await change(passwords[6], passwords[0])).statusCode).toBe(200);
    const kept = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM password_history h JOIN users u ON u.id = h.user_id WHERE u.username = 'chengdong'`,
    );
    expect(kept[0].n).toBe(5);
  });
});

describe('GET and PUT /api/auth/preferences', () => {
  it('keeps the larger-text setting with the account, so it follows the user to another browser', async () => {
    const first = await t.login('chengdong');
    expect((await first.get('/api/auth/preferences')).json()).toEqual({ textSize: 'standard' });
    const saved = await first.request({ method: 'PUT', url: '/api/auth/preferences', payload: { textSize: 'larger' } });
    expect(saved.statusCode).toBe(200);
    const second = await t.login('chengdong');
    expect((await second.get('/api/auth/preferences')).json()).toEqual({ textSize: 'larger' });
    // Another user's setting is untouched.
    expect((await (await t.login('mzj')).get('/api/auth/preferences')).json()).toEqual({ textSize: 'standard' });
    await first.request({ method: 'PUT', url: '/api/auth/preferences', payload: { textSize: 'standard' } });
  });

  it('refuses an unknown size with a 400 naming the field, and anyone signed out with a 401', async () => {
    const user = await t.login('chengdong');
    const bad = await user.request({ method: 'PUT', url: '/api/auth/preferences', payload: { textSize: 'huge' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('textSize');
    expect((await t.app.inject({ url: '/api/auth/preferences' })).statusCode).toBe(401);
  });
});
