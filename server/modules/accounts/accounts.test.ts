import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

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
    expect(me.json().user.grants[0].regionName).toBe('桥西社区');

    // Until the password is changed, the server (not only the web app) refuses everything else.
    const early = await worker.get('/api/residents');
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const changed = await worker.post('/api/auth/password', { currentPassword: 'Temp#2026x', newPassword: 'Mine#2026yz' });
    expect(changed.statusCode).toBeLessThan(300);
    const after = await (await t.login('wang.qiaoxi', 'Mine#2026yz')).get('/api/residents');
    expect(after.statusCode).toBe(200);
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
    expect(locked.statusCode).toBe(423);
    const admin = await t.login('admin');
    const list = (await admin.get('/api/accounts?q=chengxi')).json();
    expect(list.items[0].locked).toBe(true);
    expect((await admin.post(`/api/accounts/${list.items[0].id}/unlock`)).statusCode).toBe(200);
    await t.login('chengxi');
    expect((await admin.post(`/api/accounts/${list.items[0].id}/reset-password`, { newPassword: 'Reset#2026y' })).statusCode).toBe(200);
    await t.login('chengxi', 'Reset#2026y');
  });

  it('refuses everyone but the system administrator', async () => {
    for (const u of ['auditor', 'mzj', 'chengdong', 'security']) expect((await (await t.login(u)).get('/api/accounts')).statusCode, u).toBe(403);
  });

  it('answers 409 to a stale edit', async () => {
    const admin = await t.login('admin');
    const acc = (await admin.get('/api/accounts?q=street1')).json().items[0];
    expect((await admin.patch(`/api/accounts/${acc.id}`, { version: acc.version, displayName: '东城街道 李主任（新）' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/accounts/${acc.id}`, { version: acc.version, displayName: 'stale' })).statusCode).toBe(409);
  });
});
