import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The security administrator approves every pending grant of an account. */
async function approveAll(username: string) {
  const security = await t.login('security');
  const items = (await security.get('/api/accounts/pending-grants')).json().items as { id: string; username: string }[];
  for (const g of items.filter((i) => i.username === username))
    expect((await security.post(`/api/accounts/pending-grants/${g.id}/approve`)).statusCode).toBe(200);
}

const regionId = async (code: string) => (await t.database.query<{ id: string }>('SELECT id FROM regions WHERE code = $1', [code]))[0].id;

describe('account administration', () => {
  it('lets the system administrator create a worker who must change the password at first sign-in', async () => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/accounts', {
      username: 'wang.qiaoxi',
      displayName: '桥西社区 王丽',
      password: 'Temp#2026x',
      grants: [{ role: 'worker', regionId: await regionId('341881002002') }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().mustChangePassword).toBe(true);
    const worker = await t.login('wang.qiaoxi', 'Temp#2026x');
    const me = await worker.get('/api/auth/me');
    expect(me.json().user.mustChangePassword).toBe(true);
    expect(me.json().user.grants).toEqual([]);

    // Until the password is changed, the server (not only the web app) refuses everything else.
    const early = await worker.get('/api/residents');
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const changed = await worker.post('/api/auth/password', { currentPassword: 'Temp#2026x', newPassword: 'Mine#2026yz' });
    expect(changed.statusCode).toBeLessThan(300);
    // The worker grant carries personal data: it waits for the security administrator (三员).
    const pending = await t.login('wang.qiaoxi', 'Mine#2026yz');
    expect((await pending.get('/api/auth/me')).json().user.permissions).toEqual([]);
    expect((await pending.get('/api/residents')).statusCode).toBe(403);
    await approveAll('wang.qiaoxi');
    expect((await pending.get('/api/residents')).statusCode).toBe(200);
    expect((await pending.get('/api/auth/me')).json().user.grants[0].regionName).toBe('桥西社区');
  });

  it('sends a user whose password is older than PASSWORD_MAX_AGE_DAYS (90) to change it before anything else', async () => {
    await t.database.query(`UPDATE users SET password_changed_at = now() - interval '91 days' WHERE username = 'street1'`);
    const stale = await t.login('street1');
    expect((await stale.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    expect((await stale.get('/api/residents')).json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    expect((await stale.post('/api/auth/password', { currentPassword: t.config.demoPassword, newPassword: 'Fresh#2026ab' })).statusCode).toBeLessThan(300);
    const fresh = await t.login('street1', 'Fresh#2026ab');
    expect((await fresh.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);
    expect((await fresh.get('/api/residents')).statusCode).toBe(200);
  });

  it('rejects a weak initial password and a duplicate username, naming the field', async () => {
    const admin = await t.login('admin');
    const weak = await admin.post('/api/accounts', {
      username: 'weakling',
      displayName: 'x',
      password: 'password',
      grants: [{ role: 'worker', regionId: await regionId('341881002002') }],
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('password');
    const dup = await admin.post('/api/accounts', {
      username: 'chengdong',
      displayName: 'x',
      password: 'Temp#2026x',
      grants: [{ role: 'worker', regionId: await regionId('341881002002') }],
    });
    expect(dup.statusCode).toBe(409);
  });

  it('requires a domain for department grants', async () => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/accounts', {
      username: 'health1',
      displayName: 'x',
      password: 'Temp#2026x',
      grants: [{ role: 'department', regionId: await regionId('341881') }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('grants.0.domain');
  });

  it('unlocks a locked account and resets a password', async () => {
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chengxi', password: 'x' } });
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chengxi', password: t.config.demoPassword } });
    // Locked: the right password gets the same answer as a wrong one.
    expect([locked.statusCode, locked.json().error.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    const admin = await t.login('admin');
    const list = (await admin.get('/api/accounts?q=chengxi')).json();
    expect(list.items[0].locked).toBe(true);
    expect((await admin.post(`/api/accounts/${list.items[0].id}/unlock`)).statusCode).toBe(200);
    await t.login('chengxi');
    expect((await admin.post(`/api/accounts/${list.items[0].id}/reset-password`, { newPassword: 'Reset#2026y' })).statusCode).toBe(200);
    const reset = await t.login('chengxi', 'Reset#2026y');
    // The forced change after a reset refuses the reset password itself and the ones before it.
    for (const newPassword of ['Reset#2026y', t.config.demoPassword]) {
      const again = await reset.post('/api/auth/password', { currentPassword: 'Reset#2026y', newPassword });
      expect([again.statusCode, again.json().error.details[0].code]).toEqual([400, 'reused']);
    }
  });

  it('refuses everyone but the system administrator', async () => {
    for (const u of ['auditor', 'mzj', 'chengdong', 'security']) expect((await (await t.login(u)).get('/api/accounts')).statusCode, u).toBe(403);
  });

  it('refuses to reset its own password without the old one (only /api/auth/password changes one’s own)', async () => {
    const admin = await t.login('admin');
    const me = (await admin.get('/api/auth/me')).json().user;
    const res = await admin.post(`/api/accounts/${me.id}/reset-password`, { newPassword: 'Mine#Own2026' });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'ACCOUNT_OWN']);
    expect(res.json().error.message).toContain('原密码');
    await t.login('admin');
  });

  it('answers 409 to a stale edit', async () => {
    const admin = await t.login('admin');
    const acc = (await admin.get('/api/accounts?q=street1')).json().items[0];
    expect((await admin.patch(`/api/accounts/${acc.id}`, { version: acc.version, displayName: '东城街道 李主任（新）' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/accounts/${acc.id}`, { version: acc.version, displayName: 'stale' })).statusCode).toBe(409);
  });
});

describe('三员: administrators cannot change one another', () => {
  it('refuses to change, disable, reset or re-grant the audit and security administrators, and any sysadmin', async () => {
    const admin = await t.login('admin');
    const spareAdmin = await t.database.query<{ id: string }>(
      `INSERT INTO users (username, display_name, password_hash) VALUES ('admin2', '备用系统管理员', 'x') RETURNING id`,
    );
    await t.database.query(`INSERT INTO user_grants (user_id, role, region_id) VALUES ($1, 'sysadmin', $2)`, [spareAdmin[0].id, await regionId('341881')]);
    for (const username of ['auditor', 'security', 'admin2']) {
      const acc = (await admin.get(`/api/accounts?q=${username}`)).json().items.find((a: { username: string }) => a.username === username);
      const tries = [
        await admin.patch(`/api/accounts/${acc.id}`, { version: acc.version, disabled: true }),
        await admin.patch(`/api/accounts/${acc.id}`, { version: acc.version, displayName: '换人' }),
        await admin.patch(`/api/accounts/${acc.id}`, { version: acc.version, grants: [{ role: 'auditadmin', regionId: await regionId('341881') }] }),
        await admin.post(`/api/accounts/${acc.id}/reset-password`, { newPassword: 'Taken#Over2026' }),
        await admin.post(`/api/accounts/${acc.id}/reset-totp`),
      ];
      for (const res of tries) expect([username, res.statusCode, res.json().error.code]).toEqual([username, 403, 'ACCOUNT_ADMIN_PROTECTED']);
    }
    const [auditor] = await t.database.query<{ disabled: boolean; display_name: string }>(
      `SELECT disabled, display_name FROM users WHERE username = 'auditor'`,
    );
    expect(auditor).toEqual({ disabled: false, display_name: '审计管理员' });
    await t.login('auditor');
  });

  it('refuses to change its own account', async () => {
    const admin = await t.login('admin');
    const me = (await admin.get('/api/auth/me')).json().user;
    const acc = (await admin.get(`/api/accounts/${me.id}`)).json();
    const res = await admin.patch(`/api/accounts/${me.id}`, { version: acc.version, grants: [{ role: 'city', regionId: await regionId('341881') }] });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'ACCOUNT_OWN']);
  });
});

describe('三员: grants carrying personal data wait for the security administrator', () => {
  it('creates a city account whose grant gives nothing until approved, then approves it (audited)', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/accounts', {
      username: 'shadow.city',
      displayName: '影子账户',
      password: 'Temp#2026x',
      grants: [{ role: 'city', regionId: await regionId('341881') }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().grants).toMatchObject([{ role: 'city', pending: true }]);
    const shadow = await t.login('shadow.city', 'Temp#2026x');
    await shadow.post('/api/auth/password', { currentPassword: 'Temp#2026x', newPassword: 'Shadow#2026x' });
    const signedIn = await t.login('shadow.city', 'Shadow#2026x');
    expect((await signedIn.get('/api/auth/me')).json().user).toMatchObject({ permissions: [], grants: [] });
    for (const url of ['/api/residents', '/api/residents/export?reveal=true', '/api/statistics/overview'])
      expect((await signedIn.get(url)).statusCode, url).toBe(403);

    // The system administrator cannot approve its own grant: it lacks the permission.
    expect((await admin.get('/api/accounts/pending-grants')).statusCode).toBe(403);
    const security = await t.login('security');
    const pending = (await security.get('/api/accounts/pending-grants')).json().items;
    const grant = pending.find((g: { username: string }) => g.username === 'shadow.city');
    expect(grant).toMatchObject({ role: 'city', regionName: '宁阳市', requestedBy: 'admin' });
    const approved = await security.post(`/api/accounts/pending-grants/${grant.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect((await signedIn.get('/api/residents?pageSize=1')).statusCode).toBe(200);
    expect((await admin.get(`/api/accounts/${created.json().id}`)).json().grants).toMatchObject([{ role: 'city', pending: false }]);
    expect((await security.post(`/api/accounts/pending-grants/${grant.id}/approve`)).statusCode).toBe(404);
    const [row] = await t.database.query<{ user_id: string; details: { role: string; requestedBy: string } }>(
      `SELECT user_id::text, details FROM audit_log WHERE action = 'accounts.grant.approve' AND object_id = $1`,
      [created.json().id],
    );
    expect(row.details.role).toBe('city');
  });

  it('sends the grants of an account whose password or authenticator the system administrator resets back for approval', async () => {
    const admin = await t.login('admin');
    const acc = (await admin.get('/api/accounts?q=shadow.city')).json().items[0];
    expect((await admin.post(`/api/accounts/${acc.id}/reset-password`, { newPassword: 'Taken#2026x' })).statusCode).toBe(200);
    expect((await admin.get(`/api/accounts/${acc.id}`)).json().grants).toMatchObject([{ role: 'city', pending: true }]);
    // Whoever holds the new password gets an account that reads nobody until the security administrator agrees.
    const taker = await t.login('shadow.city', 'Taken#2026x');
    await taker.post('/api/auth/password', { currentPassword: 'Taken#2026x', newPassword: 'Taken#2026y' });
    const signedIn = await t.login('shadow.city', 'Taken#2026y');
    expect((await signedIn.get('/api/residents?pageSize=1')).statusCode).toBe(403);
    const security = await t.login('security');
    const grant = (await security.get('/api/accounts/pending-grants')).json().items.find((g: { username: string }) => g.username === 'shadow.city');
    expect(grant).toMatchObject({ role: 'city', requestedBy: 'admin' });
    expect((await security.post(`/api/accounts/pending-grants/${grant.id}/approve`)).statusCode).toBe(200);
    expect((await signedIn.get('/api/residents?pageSize=1')).statusCode).toBe(200);
    const [row] = await t.database.query<{ details: { grantsSuspended: number } }>(
      `SELECT details FROM audit_log WHERE action = 'accounts.reset_password' AND object_id = $1 ORDER BY seq DESC LIMIT 1`,
      [acc.id],
    );
    expect(row.details.grantsSuspended).toBe(1);
  });

  it('keeps an approved grant when the account is edited, and sends only a new one for approval', async () => {
    const admin = await t.login('admin');
    const acc = (await admin.get('/api/accounts?q=shadow.city')).json().items[0];
    const res = await admin.patch(`/api/accounts/${acc.id}`, {
      version: acc.version,
      grants: [
        { role: 'city', regionId: await regionId('341881') },
        { role: 'department', regionId: await regionId('341881'), domain: 'police' },
      ],
    });
    expect(
      res
        .json()
        .grants.map((g: { role: string; pending: boolean }) => [g.role, g.pending])
        .sort(),
    ).toEqual([
      ['city', false],
      ['department', true],
    ]);
  });

  it('rejects a pending grant: the account keeps its other grants, and the rejection is audited', async () => {
    const admin = await t.login('admin');
    const security = await t.login('security');
    const acc = (await admin.get('/api/accounts?q=shadow.city')).json().items[0];
    const grant = (await security.get('/api/accounts/pending-grants')).json().items.find((g: { username: string }) => g.username === 'shadow.city');
    expect((await security.post(`/api/accounts/pending-grants/${grant.id}/reject`)).statusCode).toBe(200);
    expect((await admin.get(`/api/accounts/${acc.id}`)).json().grants.map((g: { role: string }) => g.role)).toEqual(['city']);
    const audited = await t.database.query(`SELECT 1 FROM audit_log WHERE action = 'accounts.grant.reject' AND object_id = $1`, [acc.id]);
    expect(audited).toHaveLength(1);
  });

  it('refuses to approve a grant outside the approver’s region, and one the approver asked for or holds', async () => {
    const street = await regionId('341881001');
    const [approver] = await t.database.query<{ id: string }>(
      `INSERT INTO users (username, display_name, password_hash) SELECT 'sec.street', '街道安全员', password_hash FROM users WHERE username = 'security' RETURNING id`,
    );
    await t.database.query(`INSERT INTO user_grants (user_id, role, region_id) VALUES ($1, 'secadmin', $2)`, [approver.id, street]);
    const admin = await t.login('admin');
    const made = await admin.post('/api/accounts', {
      username: 'other.street',
      displayName: '别的街道',
      password: 'Temp#2026x',
      grants: [{ role: 'street', regionId: await regionId('341881002') }],
    });
    expect(made.statusCode).toBe(201);
    const streetSec = await t.login('sec.street');
    const mine = (await streetSec.get('/api/accounts/pending-grants')).json().items;
    expect(mine.some((g: { username: string }) => g.username === 'other.street')).toBe(false);
    const [grant] = await t.database.query<{ id: string }>(`SELECT g.id FROM user_grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'other.street'`);
    const res = await streetSec.post(`/api/accounts/pending-grants/${grant.id}/approve`);
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    // A grant to the approver itself (made behind the app's back) cannot be approved by it.
    const [own] = await t.database.query<{ id: string }>(
      `INSERT INTO user_grants (user_id, role, region_id, pending) VALUES ($1, 'street', $2, true) RETURNING id`,
      [approver.id, street],
    );
    const self = await streetSec.post(`/api/accounts/pending-grants/${own.id}/approve`);
    expect([self.statusCode, self.json().error.code]).toEqual([403, 'GRANT_SELF_APPROVAL']);
    for (const u of ['admin', 'auditor', 'mzj', 'chengdong']) expect((await (await t.login(u)).get('/api/accounts/pending-grants')).statusCode, u).toBe(403);
  });
});
