import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../test/app';
import { createHousehold, createResident, demoPlaces } from '../modules/residents/residents.factory';

let t: TestApp;
let chengdong: Client;
let residentId: string;
let householdId: string;

beforeAll(async () => {
  t = await createTestApp({ config: { personalReadBudget: 6 } });
  const places = await demoPlaces(t);
  const home = await createHousehold(t, { communityId: places.chengdong.id, gridId: places.chengdong.grids[0], address: '城东预算路1号' });
  householdId = home.id;
  residentId = (await createResident(t, { name: '孙预算', communityId: places.chengdong.id, gridId: places.chengdong.grids[0], householdId: home.id })).id;
  chengdong = await t.login('chengdong');
});
afterAll(() => t.close());

describe('the personal-read budget (PERSONAL_READ_BUDGET per user per hour)', () => {
  it('counts resident lists, details, household pages and exports alike, then answers 429 with a bilingual reason', async () => {
    const reads = [
      '/api/residents',
      `/api/residents/${residentId}`,
      '/api/households',
      `/api/households/${householdId}`,
      '/api/residents/export',
      `/api/residents/${residentId}/care-records`,
    ];
    for (const url of reads) expect((await chengdong.get(url)).statusCode).toBe(200);
    // Reads that hold no personal data do not count and still work.
    expect((await chengdong.get('/api/regions/tree')).statusCode).toBe(200);
    const over = await chengdong.get(`/api/residents/${residentId}`);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('PERSONAL_READ_BUDGET');
    expect(over.json().error.message).toMatch(/安全管理员/);
    const en = await chengdong.get('/api/households', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(429);
    expect(en.json().error.message).toMatch(/security administrator/);
    expect((await chengdong.post('/api/residents/export', {})).statusCode).toBe(429);
  });

  it('writes one security alert when a user crosses it, which the security administrator lists', async () => {
    const alerts = await t.database.query<{ username: string; details: { reason: string; budget: number } }>(
      `SELECT username, details FROM audit_log WHERE action = 'security.alert' ORDER BY seq`,
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ username: 'chengdong', details: { reason: 'personal_read_budget', budget: 6 } });
    const security = await t.login('security');
    const listed = await security.get('/api/security/alerts');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((e: { username: string }) => e.username)).toEqual(['chengdong']);
  });

  it('leaves other users their own budget', async () => {
    const other = await t.login('grid-chengdong');
    expect((await other.get('/api/residents')).statusCode).toBe(200);
  });

  it('shows the alerts to the security administrator only', async () => {
    for (const u of ['admin', 'auditor', 'chengdong', 'mzj']) expect((await (await t.login(u)).get('/api/security/alerts')).statusCode).toBe(403);
  });
});
