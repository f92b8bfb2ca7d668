import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword } from '../../../shared/domain/password-policy';
import { createTestApp, type TestApp } from '../../test/app';
import { AuditService } from '../audit/audit.service';
import { bootstrapAdministrator, BootstrapError, generatePassword, type BootstrapOptions } from './accounts.bootstrap';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'none' });
});
afterAll(() => t.close());

const bootstrap = (options: Omit<BootstrapOptions, 'config'>) => bootstrapAdministrator(t.database, { ...options, config: t.config });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the bootstrap should have refused'),
    (err: unknown) => {
      expect(err).toBeInstanceOf(BootstrapError);
      return err as BootstrapError;
    },
  );
const count = async (table: string) => (await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

describe('bootstrapAdministrator (npm run admin:create)', () => {
  let password: string;

  it('refuses on an empty database without the city, naming --city-code, and changes nothing', async () => {
    const err = await refusal(bootstrap({ username: 'root', displayName: '系统管理员' }));
    expect(err.reason).toBe('city_required');
    expect(err.message).toContain('--city-code');
    expect(await count('regions')).toBe(0);
    expect(await count('users')).toBe(0);
  });

  it('refuses a username the account rule does not allow, and a malformed city code', async () => {
    expect((await refusal(bootstrap({ username: 'Root!', displayName: '系统管理员', cityCode: '370100', cityName: '示例市' }))).reason).toBe(
      'invalid_username',
    );
    expect((await refusal(bootstrap({ username: 'root', displayName: '系统管理员', cityCode: '3701', cityName: '示例市' }))).reason).toBe('invalid_city');
    expect(await count('users')).toBe(0);
  });

  it('creates the city and a system administrator with a strong one-time password', async () => {
    const result = await bootstrap({ username: 'root', displayName: '系统管理员', cityCode: '370100', cityName: '示例市', cityNameEn: 'Example City' });
    expect(result.cityCreated).toBe(true);
    password = result.password;
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(checkPassword(password, { minLength: 16, minClasses: 4 }, 'root')).toEqual([]);
    const [city] = await t.database.query<{ level: string; code: string; path: string; name_en: string; parent_id: string | null }>(
      'SELECT level, code, path::text AS path, name_en, parent_id FROM regions',
    );
    expect(city).toEqual({ level: 'city', code: '370100', path: '370100', name_en: 'Example City', parent_id: null });
    const [user] = await t.database.query<{ id: string; must_change_password: boolean; password_hash: string }>(
      `SELECT id, must_change_password, password_hash FROM users WHERE username = 'root'`,
    );
    expect(user.id).toBe(result.userId);
    expect(user.must_change_password).toBe(true);
    expect(user.password_hash).toMatch(/^scrypt\$/);
    expect(user.password_hash).not.toContain(password);
  });

  it('lets the administrator sign in with that password, but only to change it', async () => {
    const admin = await t.login('root', password);
    const me = (await admin.get('/api/auth/me')).json().user;
    expect(me.mustChangePassword).toBe(true);
    expect(me.grants).toMatchObject([{ role: 'sysadmin', regionName: '示例市', regionLevel: 'city' }]);
    const early = await admin.get('/api/accounts');
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');

    expect((await admin.post('/api/auth/password', { currentPassword: password, newPassword: 'Strong#2026pass' })).statusCode).toBeLessThan(300);
    const after = await (await t.login('root', 'Strong#2026pass')).get('/api/accounts');
    expect(after.statusCode).toBe(200);
    expect(after.json().items.map((a: { username: string }) => a.username)).toEqual(['root']);
  });

  it('refuses a username that exists', async () => {
    const err = await refusal(bootstrap({ username: 'root', displayName: '另一个', cityCode: '370100', cityName: '示例市' }));
    expect(err.reason).toBe('username_taken');
    expect(err.message).toContain('root');
    expect(await count('users')).toBe(1);
  });

  it('uses the existing city, and refuses a --city-code that differs from it', async () => {
    const err = await refusal(bootstrap({ username: 'root2', displayName: '备用管理员', cityCode: '110100', cityName: '别的市' }));
    expect(err.reason).toBe('city_mismatch');
    expect(err.message).toContain('370100');
    const second = await bootstrap({ username: 'root2', displayName: '备用管理员' });
    expect(second.cityCreated).toBe(false);
    expect(second.city.code).toBe('370100');
    expect(await count('regions')).toBe(1);
  });

  it('records accounts.bootstrap in the audit log, never the password, and the chain still verifies', async () => {
    const rows = await t.database.query<{ action: string; object_type: string; object_id: string; user_id: string | null; details: { username: string } }>(
      `SELECT action, object_type, object_id, user_id, details FROM audit_log WHERE action = 'accounts.bootstrap' ORDER BY seq`,
    );
    expect(rows.map((r) => r.details.username)).toEqual(['root', 'root2']);
    expect(rows[0]).toMatchObject({ object_type: 'user', user_id: null, details: { username: 'root', cityCode: '370100', cityCreated: true } });
    const everything = await t.database.query<{ row: string }>('SELECT row_to_json(a)::text AS row FROM audit_log a');
    expect(everything.some((r) => r.row.includes(password))).toBe(false);
    expect((await new AuditService(t.database.db, t.config.audit.retentionDays).verify()).ok).toBe(true);
  });
});

describe('generatePassword', () => {
  it('meets a stricter policy than the default and never contains the username', () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword({ minLength: 24, minClasses: 4 }, 'abc');
      expect(password).toHaveLength(24);
      expect(checkPassword(password, { minLength: 24, minClasses: 4 }, 'abc')).toEqual([]);
    }
  });
});
