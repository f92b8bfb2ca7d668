import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { COMMUNITY, registryFactory } from './registry.factory';

let t: TestApp;
let f: ReturnType<typeof registryFactory>;
beforeAll(async () => {
  t = await createTestApp();
  f = registryFactory(t);
});
afterAll(() => t.close());

async function sheet(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0].getSheetValues().slice(1) as unknown[][];
}

describe('GET /api/households/export and /api/buildings/export', () => {
  it('gives a worker their households and buildings as .xlsx with Chinese headers, the list’s filters, and an audit entry', async () => {
    const place = await f.grid(COMMUNITY.城东, 4);
    const b = await f.building(place, '导出花园1栋');
    const { household } = await f.family({ ...place, buildingId: b.id }, 1);
    const c = await t.login('chengdong');

    const hh = await c.get(`/api/households/export?q=${encodeURIComponent(household.address)}`);
    expect(hh.statusCode).toBe(200);
    expect(hh.headers['content-type']).toContain('spreadsheetml');
    expect(hh.headers['x-row-count']).toBe('1');
    const rows = await sheet(hh.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['社区', '户号', '地址', '户主', '人数', '状态']));
    expect(rows[1]).toEqual(expect.arrayContaining([household.address, '正常']));

    const bb = await c.get(`/api/buildings/export?q=${encodeURIComponent('导出花园')}`);
    expect(bb.statusCode).toBe(200);
    const brows = await sheet(bb.rawPayload);
    expect(brows[0]).toEqual(expect.arrayContaining(['楼栋', '地址', '住户数']));
    expect(brows[1]).toEqual(expect.arrayContaining(['导出花园1栋']));

    const audited = await t.database.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action IN ('households.export', 'buildings.export') AND username = 'chengdong' ORDER BY seq`,
    );
    expect(audited.map((a) => a.action)).toEqual(['households.export', 'buildings.export']);
  });

  it('exports nothing of another community: its households are not in the file, and naming its region answers 404', async () => {
    const place = await f.grid(COMMUNITY.城东, 5);
    const { household } = await f.family(place, 0);
    const xi = await t.login('chengxi');
    const none = await xi.get(`/api/households/export?q=${encodeURIComponent(household.address)}`);
    expect(none.statusCode).toBe(200);
    expect(none.headers['x-row-count']).toBe('0');
    expect((await xi.get(`/api/households/export?regionId=${place.gridId}`)).statusCode).toBe(404);
    expect((await xi.get(`/api/buildings/export?regionId=${place.gridId}`)).statusCode).toBe(404);
  });
});
