import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

/** The per-process session cache (SESSION_CACHE_SECONDS, 10 s by default) as requests see it. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: {} });
  expect(t.config.session.cacheSeconds).toBe(10);
});
afterAll(() => t.close());

describe('a cached session', () => {
  it('is served without the database: a row removed behind the app’s back still works until the cache ends', async () => {
    const c = await t.login('street1');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    // What another process (or an operator) would do; this process learns it within SESSION_CACHE_SECONDS.
    await t.database.query(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'street1')`);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('ends at once when this process signs the user out, disables the account or changes its grants', async () => {
    const admin = await t.login('admin');
    const worker = await t.login('chengdong');
    expect((await worker.get('/api/residents?pageSize=1')).statusCode).toBe(200);
    const account = (await admin.get('/api/accounts?q=chengdong')).json().items.find((a: { username: string }) => a.username === 'chengdong');
    const disable = await admin.patch(`/api/accounts/${account.id}`, { version: account.version, disabled: true });
    expect(disable.statusCode).toBe(200);
    expect((await worker.get('/api/residents?pageSize=1')).statusCode).toBe(401);
    await admin.patch(`/api/accounts/${account.id}`, { version: account.version + 1, disabled: false });

    const again = await t.login('chengdong');
    expect((await again.get('/api/auth/me')).statusCode).toBe(200);
    expect((await again.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await again.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('is not brought back by a request that was looking the session up while it was signed out', async () => {
    for (let i = 0; i < 10; i++) {
      const c = await t.login('mzj');
      // The first /me misses the cache and reads the database while the sign-out runs.
      const [out] = await Promise.all([c.post('/api/auth/logout'), c.get('/api/auth/me')]);
      expect(out.statusCode).toBe(200);
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    }
  });

  it('shows a renamed account’s new display name at once', async () => {
    const admin = await t.login('admin');
    const labour = await t.login('labour');
    expect((await labour.get('/api/auth/me')).json().user.displayName).not.toBe('劳动部门 新名字');
    const account = (await admin.get('/api/accounts?q=labour')).json().items[0];
    expect((await admin.patch(`/api/accounts/${account.id}`, { version: account.version, displayName: '劳动部门 新名字' })).statusCode).toBe(200);
    expect((await labour.get('/api/auth/me')).json().user.displayName).toBe('劳动部门 新名字');
  });

  it('is not kept with SESSION_CACHE_SECONDS=0: a removed row ends the session at the next request', async () => {
    const uncached = await createTestApp({ config: { session: { ...t.config.session, cacheSeconds: 0 } } });
    try {
      const c = await uncached.login('street1');
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
      await uncached.database.query(`DELETE FROM sessions`);
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    } finally {
      await uncached.close();
    }
  });
});
