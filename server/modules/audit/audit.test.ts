import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('records sign-ins with who, where and the outcome', async () => {
    await t.login('chengdong');
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chengdong', password: 'bad' } });
    const c = await t.login('auditor');
    const res = await c.get('/api/audit?action=auth.login&username=chengdong');
    expect(res.statusCode).toBe(200);
    const outcomes = res.json().items.map((e: { outcome: string }) => e.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['success', 'failure']));
    expect(res.json().items[0].ip).toBeTruthy();
  });

  it('is readable by the audit administrator only', async () => {
    for (const u of ['admin', 'mzj', 'chengdong']) {
      expect((await (await t.login(u)).get('/api/audit')).statusCode, u).toBe(403);
    }
  });

  it('verifies as intact, and reports the first broken link after tampering', async () => {
    const c = await t.login('auditor');
    const ok = await c.get('/api/audit/verify');
    expect(ok.json()).toMatchObject({ ok: true });
    expect(ok.json().checked).toBeGreaterThan(3);
    // Tamper as a database superuser would: bypass the append-only trigger for one update.
    const [{ seq }] = await t.database.query<{ seq: string }>('SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 2');
    await t.database.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await t.database.query(`UPDATE audit_log SET username = 'mallory' WHERE seq = $1`, [seq]);
    await t.database.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const broken = await c.get('/api/audit/verify');
    expect(broken.json()).toMatchObject({ ok: false, brokenAt: Number(seq), reason: 'hash_mismatch' });
  });

  it('refuses UPDATE and DELETE at the database level', async () => {
    await expect(t.database.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.database.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('purges nothing younger than the retention period', async () => {
    const before = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0].n;
    expect(await t.app.services.audit.purgeExpired()).toBe(0);
    expect((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0].n).toBe(before);
  });
});
