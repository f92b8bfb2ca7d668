import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { createResident, demoPlaces } from '../residents/residents.factory';

let t: TestApp;
let auditor: Client;
let chengxiId: string;

beforeAll(async () => {
  t = await createTestApp();
  const places = await demoPlaces(t);
  const wang = await createResident(t, { name: '王秀英', communityId: places.chengdong.id, gridId: places.chengdong.grids[0] });
  const worker = await t.login('chengdong');
  expect((await worker.post(`/api/residents/${wang.id}/reveal`)).statusCode).toBe(200);
  // A failed sign-in and an unlock by the system administrator: an entry whose object is an account.
  await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chengxi', password: 'wrong' } });
  const [{ id }] = await t.database.query<{ id: string }>(`SELECT id FROM users WHERE username = 'chengxi'`);
  chengxiId = id;
  expect((await (await t.login('admin')).post(`/api/accounts/${chengxiId}/unlock`)).statusCode).toBe(200);
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

type Entry = { action: string; objectType: string | null; objectId: string | null; objectName: string | null; outcome: string; username: string | null };

describe('GET /api/audit/labels', () => {
  it('names every action and object type in Chinese and English', async () => {
    const res = await auditor.get('/api/audit/labels');
    expect(res.statusCode).toBe(200);
    const { actions, objects } = res.json();
    expect(actions['residents.reveal']).toEqual({ zh: '查看完整身份证号/电话', en: 'Reveal an ID number or phone' });
    expect(actions['auth.totp.enable'].zh).toBe('启用动态口令');
    expect(objects.user).toEqual({ zh: '账户', en: 'Account' });
  });
});

describe('GET /api/audit', () => {
  it('finds the reveal actions by the Chinese word 查看', async () => {
    const res = await auditor.get(`/api/audit?actionText=${encodeURIComponent('查看')}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Entry[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((e) => e.action))).toEqual(new Set(['residents.reveal']));
  });

  it('finds nothing for words no action has', async () => {
    expect((await auditor.get(`/api/audit?actionText=${encodeURIComponent('不存在的操作')}`)).json()).toEqual({ items: [], total: 0 });
  });

  it('filters by outcome and user, and names an account object by its username', async () => {
    const failed = (await auditor.get('/api/audit?outcome=failure&actionText=auth.login')).json().items as Entry[];
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((e) => e.outcome === 'failure' && e.action === 'auth.login')).toBe(true);
    const unlock = (await auditor.get('/api/audit?username=admin&action=accounts.unlock')).json().items as Entry[];
    expect(unlock).toHaveLength(1);
    expect(unlock[0]).toMatchObject({ objectType: 'user', objectId: chengxiId, objectName: 'chengxi（城西社区 刘芳）' });
  });

  it('gives a resident object no name (the auditor reads no personal data)', async () => {
    const [reveal] = (await auditor.get('/api/audit?action=residents.reveal')).json().items as Entry[];
    expect(reveal.objectType).toBe('resident');
    expect(reveal.objectName).toBeNull();
    expect(JSON.stringify(reveal)).not.toContain('王秀英');
  });

  it('refuses an unknown outcome naming the field', async () => {
    const res = await auditor.get('/api/audit?outcome=maybe');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('outcome');
  });
});

describe('GET /api/audit/export', () => {
  it('writes the filtered log as a workbook with Chinese labels, and records the export', async () => {
    const res = await auditor.get(`/api/audit/export?actionText=${encodeURIComponent('解除锁定')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-row-count']).toBe('1');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '时间', '用户', '操作', '操作代码', '对象类型', '对象', '结果', 'IP 地址', '详情']);
    const row = ws.getRow(2).values as unknown[];
    expect(row.slice(3, 9)).toEqual(['admin', '解除锁定', 'accounts.unlock', '账户', 'chengxi（城西社区 刘芳）', '成功']);
    expect(String(row[2])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const [exported] = (await auditor.get('/api/audit?action=audit.export')).json().items;
    expect(exported).toMatchObject({ username: 'auditor', objectType: 'audit_log' });
  });

  it('is refused to roles without audit.read', async () => {
    for (const u of ['security', 'chengdong']) expect((await (await t.login(u)).get('/api/audit/export')).statusCode, u).toBe(403);
  });
});
