import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { totpCode, totpStep } from '../../lib/totp';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { Authenticator } from '../../test/authenticator';

/** The second factor with ADMIN_TOTP and SENSITIVE_TOTP required, as in production (other suites run with them off). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { adminTotp: 'required', sensitiveTotp: 'required', lockout: { threshold: 5, minutes: 15 } } });
  // Only Date is faked: waiting for the next 30-second step moves the clock instead of sleeping.
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

/** The phone of one administrator, on the test's clock. */
const phoneFor = (secret: string) =>
  new Authenticator(secret, async (ms) => {
    vi.setSystemTime(Date.now() + ms);
  });

const signIn = (username: string, totp?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: t.config.demoPassword, ...(totp ? { totpCode: totp } : {}) } });

/** Walks an administrator through setup; returns its authenticator and the session that did it. */
async function enrol(username: string): Promise<{ app: Authenticator; client: Client }> {
  const client = await t.login(username);
  const setup = await client.post('/api/auth/totp/setup', { password: t.config.demoPassword });
  expect(setup.statusCode).toBe(200);
  const app = phoneFor(setup.json().secret);
  expect((await client.post('/api/auth/totp/enable', { code: await app.code() })).statusCode).toBe(200);
  return { app, client };
}

describe('an administrator without a second factor', () => {
  it('signs in with the password but may only set up the authenticator (or read itself, or sign out)', async () => {
    const res = await signIn('admin');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ totpEnabled: false, totpSetupRequired: true });
    const admin = await t.login('admin');
    const accounts = await admin.get('/api/accounts');
    expect(accounts.statusCode).toBe(403);
    expect(accounts.json().error.code).toBe('AUTH_TOTP_SETUP_REQUIRED');
    expect(accounts.json().error.message).toBe('此账户须先绑定动态口令（管理员及全市范围读取个人信息的账户）');
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('is refused on every other route of the API with AUTH_TOTP_SETUP_REQUIRED', async () => {
    const admin = await t.login('admin');
    const open = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/password', '/api/auth/totp/setup', '/api/auth/totp/enable']);
    const guarded = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.policy !== 'public' && !open.has(r.url));
    expect(guarded.length).toBeGreaterThan(30);
    for (const r of guarded) {
      const url = r.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await admin.request({ method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : {} });
      expect(`${r.method} ${r.url} ${res.statusCode} ${res.json().error?.code}`).toBe(`${r.method} ${r.url} 403 AUTH_TOTP_SETUP_REQUIRED`);
    }
  });

  it('is not asked of roles that read personal data only in a street, community or grid', async () => {
    for (const username of ['chengdong', 'street1', 'police-chengdong']) {
      const client = await t.login(username);
      expect((await client.get('/api/auth/me')).json().user, username).toMatchObject({ totpEnabled: false, totpSetupRequired: false });
      expect((await client.get('/api/residents?pageSize=1')).statusCode).toBe(200);
    }
  });
});

describe('SENSITIVE_TOTP=required: roles that read personal data city-wide', () => {
  it('sends the bureau (city) and a department to the authenticator setup before any personal data', async () => {
    for (const username of ['mzj', 'labour']) {
      const client = await t.login(username);
      expect((await client.get('/api/auth/me')).json().user, username).toMatchObject({ totpEnabled: false, totpSetupRequired: true });
      const res = await client.get('/api/residents?pageSize=1');
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'AUTH_TOTP_SETUP_REQUIRED']);
    }
  });

  it('asks the bureau for its code at sign-in once it is set up', async () => {
    const { app } = await enrol('labour');
    expect((await signIn('labour')).json().error.code).toBe('AUTH_TOTP_REQUIRED');
    const labour = await t.login('labour', t.config.demoPassword, await app.code());
    expect((await labour.get('/api/residents?pageSize=1')).statusCode).toBe(200);
  });

  it('is not asked when SENSITIVE_TOTP=off (demos), while administrators still are', async () => {
    const off = await createTestApp({ config: { adminTotp: 'required', sensitiveTotp: 'off' } });
    try {
      expect((await (await off.login('mzj')).get('/api/auth/me')).json().user.totpSetupRequired).toBe(false);
      expect((await (await off.login('admin')).get('/api/auth/me')).json().user.totpSetupRequired).toBe(true);
    } finally {
      await off.close();
    }
  });
});

describe('setting up the authenticator', () => {
  it('gives a secret and its otpauth address, stores it encrypted, and refuses a wrong code naming the field', async () => {
    const admin = await t.login('security');
    const setup = await admin.post('/api/auth/totp/setup', { password: t.config.demoPassword });
    const { secret, otpauthUri } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    const [row] = await t.database.query<{ cipher: Buffer }>(`SELECT totp_pending_cipher AS cipher FROM users WHERE username = 'security'`);
    expect(Buffer.from(row.cipher).toString('latin1')).not.toContain(secret);

    const wrong = await admin.post('/api/auth/totp/enable', { code: totpCode(secret, totpStep() + 5) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('code');
    const malformed = await admin.post('/api/auth/totp/enable', { code: '12ab56' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].path).toBe('code');
  });

  it('turns it on with the current code, lets the session in, and signs out the administrator’s other sessions', async () => {
    const other = await t.login('auditor');
    const { client } = await enrol('auditor');
    const me = (await client.get('/api/auth/me')).json();
    expect(me.user).toMatchObject({ totpEnabled: true, totpSetupRequired: false });
    expect((await client.get('/api/audit?pageSize=1')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('POST /api/auth/totp/setup asks for the password again (and the current code once a factor is set)', () => {
  it('refuses a session alone, and a wrong password, which counts towards the lockout and is audited', async () => {
    const client = await t.login('street1');
    const none = await client.post('/api/auth/totp/setup', {});
    expect([none.statusCode, none.json().error.details[0].path]).toEqual([400, 'password']);
    const wrong = await client.post('/api/auth/totp/setup', { password: 'Wrong#2026x' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'AUTH_PASSWORD_WRONG', details: [{ path: 'password', remainingAttempts: 4 }] });
    const [row] = await t.database.query<{ failed: number; pending: Buffer | null }>(
      `SELECT failed_attempts AS failed, totp_pending_cipher AS pending FROM users WHERE username = 'street1'`,
    );
    expect(row).toEqual({ failed: 1, pending: null });
    const audited = await t.database.query<{ outcome: string }>(
      `SELECT a.outcome FROM audit_log a JOIN users u ON u.id::text = a.object_id WHERE a.action = 'auth.totp.setup' AND u.username = 'street1'`,
    );
    expect(audited).toEqual([{ outcome: 'failure' }]);
  });

  it('replaces a factor in force only with the current code; the old one works until the new one is enabled', async () => {
    const { app: old, client } = await enrol('police-chengdong');
    const noCode = await client.post('/api/auth/totp/setup', { password: t.config.demoPassword });
    expect([noCode.statusCode, noCode.json().error.details[0].path]).toEqual([400, 'currentCode']);
    const right = await old.code();
    const wrongCode = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    const refused = await client.post('/api/auth/totp/setup', { password: t.config.demoPassword, currentCode: wrongCode });
    expect([refused.statusCode, refused.json().error.details[0]]).toMatchObject([400, { path: 'currentCode', code: 'wrong' }]);
    const setup = await client.post('/api/auth/totp/setup', { password: t.config.demoPassword, currentCode: right });
    expect(setup.statusCode).toBe(200);
    const next = phoneFor(setup.json().secret);
    next.lastStep = old.lastStep;
    // Not enabled yet: the old authenticator still signs in.
    await t.login('police-chengdong', t.config.demoPassword, await old.code());
    expect((await client.post('/api/auth/totp/enable', { code: await next.code() })).statusCode).toBe(200);
    const stale = await signIn('police-chengdong', await old.code());
    expect(stale.json().error.code).toBe('AUTH_TOTP_INVALID');
    await t.login('police-chengdong', t.config.demoPassword, await next.code());
  });
});

describe('signing in with the second factor', () => {
  let phone: Authenticator;
  beforeAll(async () => {
    ({ app: phone } = await enrol('admin'));
  });

  it('asks for the code after a right password, without opening a session', async () => {
    const res = await signIn('admin');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_TOTP_REQUIRED');
    expect(res.json().error.message).toBe('请输入动态口令');
    expect(res.json().error.details).toEqual({ path: 'totpCode' });
    expect(res.cookies.find((c) => c.name === 'shequ_sid')).toBeUndefined();
  });

  it('never tells an attacker without the password that a code is needed', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Wrong#2026x', totpCode: '123456' } });
    expect(res.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('accepts the right code once: the same code again is refused', async () => {
    const code = await phone.code();
    const first = await signIn('admin', code);
    expect(first.statusCode).toBe(200);
    expect(first.json().user).toMatchObject({ totpEnabled: true, totpSetupRequired: false });
    const replay = await signIn('admin', code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('AUTH_TOTP_INVALID');
    expect(replay.json().error.details).toMatchObject({ path: 'totpCode', remainingAttempts: 4 });
  });

  it('lets only one of two simultaneous sign-ins with the same code through', async () => {
    const code = await phone.code();
    const results = await Promise.all([signIn('admin', code), signIn('admin', code)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('lets a system administrator reset a lost authenticator of the bureau: once its grant is approved again, the account sets up a new one', async () => {
    await enrol('mzj');
    const admin = await t.login('admin', t.config.demoPassword, await phone.code());
    const mzj = (await admin.get('/api/accounts?q=mzj')).json().items[0];
    expect(mzj.totpEnabled).toBe(true);
    expect((await admin.post(`/api/accounts/${mzj.id}/reset-totp`)).statusCode).toBe(200);
    // The reset also sent the city-wide grant back for approval: until then the account reads nobody.
    const pending = await signIn('mzj');
    expect(pending.json().user).toMatchObject({ totpEnabled: false, permissions: [] });
    // Once the security administrator approves it again (tested in accounts.test.ts), a new phone is set up.
    await t.database.query('UPDATE user_grants SET pending = false WHERE user_id = $1', [mzj.id]);
    const after = await signIn('mzj');
    expect(after.statusCode).toBe(200);
    expect(after.json().user).toMatchObject({ totpEnabled: false, totpSetupRequired: true });
    const audited = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'accounts.reset_totp' AND object_id = $1`, [
      mzj.id,
    ]);
    expect(audited[0].n).toBe(1);
  });

  it('refuses to reset the factor of another administrator (三员) or its own', async () => {
    const admin = await t.login('admin', t.config.demoPassword, await phone.code());
    const auditor = (await admin.get('/api/accounts?q=auditor')).json().items[0];
    const other = await admin.post(`/api/accounts/${auditor.id}/reset-totp`);
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'ACCOUNT_ADMIN_PROTECTED']);
    const own = await admin.post(`/api/accounts/${(await admin.get('/api/auth/me')).json().user.id}/reset-totp`);
    expect([own.statusCode, own.json().error.code]).toEqual([403, 'ACCOUNT_OWN']);
  });
});

describe('wrong codes', () => {
  it('count towards the lockout like wrong passwords, and are audited', async () => {
    const { app: phone } = await enrol('security');
    const right = await phone.code();
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) expect((await signIn('security', wrong)).json().error.code).toBe('AUTH_TOTP_INVALID');
    // Locked: even the right password and code get the answer of a wrong password.
    const locked = await signIn('security', right);
    expect([locked.statusCode, locked.json().error.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    const rows = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login' AND username = 'security' AND details->>'reason' = 'wrong_totp'`,
    );
    expect(rows[0].n).toBe(5);
  });

  it('are checked five at most when sent all at once: the rest meet the lock without being tried', async () => {
    const { app: phone } = await enrol('chengxi');
    const right = await phone.code();
    const wrong = (k: number) => String((Number(right) + 1 + k) % 1_000_000).padStart(6, '0');
    const burst = await Promise.all(Array.from({ length: 20 }, (_, k) => signIn('chengxi', wrong(k))));
    const codes = burst.map((r) => r.json().error.code);
    expect(codes.filter((c) => c === 'AUTH_TOTP_INVALID')).toHaveLength(5);
    expect(codes.filter((c) => c === 'AUTH_INVALID_CREDENTIALS')).toHaveLength(15);
    expect((await signIn('chengxi', right)).statusCode).toBe(401);
  });
});
