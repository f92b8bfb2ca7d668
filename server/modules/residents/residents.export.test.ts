import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { createCareRecord, createResident, demoPlaces } from './residents.factory';

let t: TestApp;
let places: Awaited<ReturnType<typeof demoPlaces>>;
let chengdong: Client;
let chengxi: Client;
let labour: Client;
let formula: Awaited<ReturnType<typeof createResident>>;

/** The first sheet as rows of cell texts (row 1 = headers). */
async function sheet(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((row) => rows.push(row));
  return { ws, rows, texts: rows.map((r) => (r.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)))) };
}

beforeAll(async () => {
  t = await createTestApp();
  places = await demoPlaces(t);
  formula = await createResident(t, {
    name: '=1+1',
    communityId: places.chengdong.id,
    gridId: places.chengdong.grids[0],
    phone: '13812345678',
    birthDate: '1960-02-03',
  });
  const other = await createResident(t, { name: '@SUM(A1)', communityId: places.chengdong.id, gridId: places.chengdong.grids[0] });
  await createCareRecord(t, other, 'released', { releaseDate: '2024-01-01', periodEnd: '2029-01-01' });
  await createCareRecord(t, other, 'elderly_alone');
  await createResident(t, { name: '张伟', communityId: places.chengxi.id, gridId: places.chengxi.grids[0] });
  [chengdong, chengxi, labour] = await Promise.all(['chengdong', 'chengxi', 'labour'].map((u) => t.login(u)));
});
afterAll(() => t.close());

describe('GET and POST /api/residents/export', () => {
  it('streams an .xlsx with Chinese headers, masked ID numbers and phones, and no live formula', async () => {
    const res = await chengdong.get('/api/residents/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const { rows, texts } = await sheet(res.rawPayload);
    expect(texts[0]).toEqual([
      '姓名',
      '性别',
      '年龄',
      '身份证号',
      '联系电话',
      '民族',
      '居住类型',
      '人员状态',
      '与户主关系',
      '社区',
      '网格',
      '住址',
      '关注群体',
    ]);
    const row = rows.find((r) => String(r.getCell(1).value).includes('=1+1'))!;
    expect(row.getCell(1).value).toBe("'=1+1");
    expect(row.getCell(1).formula).toBeUndefined();
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(4).value).toBe(formula.idMasked);
    expect(row.getCell(5).value).toBe('138****5678');
    expect(row.getCell(10).value).toBe('城东社区');
    expect(texts.flat().join('\n')).not.toMatch(/\d{17}[\dX]/);
    const at = rows.find((r) => String(r.getCell(1).value).includes('SUM'))!;
    expect(at.getCell(1).value).toBe("'@SUM(A1)");
    // Care groups the worker may not see (released) are not exported either.
    expect(at.getCell(13).value).toBe('独居老人');
  });

  it('audits the export with the row count', async () => {
    const rows = await t.database.query<{ details: { rows: number; reveal: boolean } }>(
      `SELECT details FROM audit_log WHERE action = 'residents.export' AND username = 'chengdong' ORDER BY seq`,
    );
    expect(rows[0].details).toMatchObject({ rows: 2, reveal: false });
  });

  it('exports nothing of 城东 to a 城西 worker', async () => {
    const all = await sheet((await chengxi.get('/api/residents/export')).rawPayload);
    expect(all.texts.slice(1).map((r) => r[0])).toEqual(['张伟']);
    const foreign = await sheet((await chengxi.get(`/api/residents/export?communityId=${places.chengdong.id}`)).rawPayload);
    expect(foreign.texts).toHaveLength(1);
  });

  it('exports full ID numbers with a POST and reveal: true for holders of residents.reveal, and audits that separately', async () => {
    const res = await chengdong.post('/api/residents/export', { reveal: true });
    expect(res.statusCode).toBe(200);
    const { texts } = await sheet(res.rawPayload);
    const row = texts.find((r) => r[0] === "'=1+1")!;
    expect(row[3]).toBe(formula.idNumber);
    expect(row[4]).toBe('13812345678');
    const log = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'residents.export.reveal' AND username = 'chengdong'`,
    );
    expect(log[0].n).toBe(1);
  });

  it('refuses reveal: true without residents.reveal', async () => {
    const masked = await labour.get('/api/residents/export');
    expect(masked.statusCode).toBe(200);
    const res = await labour.post('/api/residents/export', { reveal: true });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a full export by GET (a link on another site could start it), naming reveal', async () => {
    const res = await chengdong.get('/api/residents/export?reveal=true');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'reveal' });
    expect(res.json().error.details[0].message).toMatch(/POST/);
    expect(res.headers['content-type']).not.toMatch(/spreadsheet/);
  });

  it('refuses a full export by POST without the CSRF token, writing no export to the audit log', async () => {
    const before = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'residents.export.reveal'`);
    const res = await chengdong.request({ method: 'POST', url: '/api/residents/export', payload: { reveal: true }, headers: { 'x-csrf-token': '' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_CSRF_INVALID');
    const after = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'residents.export.reveal'`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('keeps a searched ID number or phone out of the audit log: the filter holds it masked', async () => {
    const res = await chengdong.post('/api/residents/export', { q: formula.idNumber });
    expect(res.statusCode).toBe(200);
    const phone = await chengdong.get('/api/residents/export?q=13812345678');
    expect(phone.statusCode).toBe(200);
    const rows = await t.database.query<{ details: unknown }>(`SELECT details FROM audit_log WHERE username = 'chengdong' ORDER BY seq`);
    const text = JSON.stringify(rows.map((r) => r.details));
    expect(text).not.toContain(formula.idNumber);
    expect(text).not.toContain('13812345678');
    expect(text).toContain(formula.idMasked);
  });

  it('shows a caller without residents.reveal the 5-year age band, not the age', async () => {
    const { rows } = await sheet((await labour.get(`/api/residents/export?communityId=${places.chengdong.id}`)).rawPayload);
    const row = rows.find((r) => String(r.getCell(1).value).includes('=1+1'))!;
    expect(String(row.getCell(3).value)).toMatch(/^\d+–\d+$/);
  });

  it('refuses an export larger than the cap with a clear 400', async () => {
    t.app.services.residents.limits.exportCap = 1;
    try {
      const res = await chengdong.get('/api/residents/export');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ path: 'filter', code: 'export_too_large' });
      expect(res.json().error.details[0].message).toMatch(/缩小筛选范围/);
    } finally {
      t.app.services.residents.limits.exportCap = 100_000;
    }
  });

  it('is refused to roles without residents.export', async () => {
    const admin = await t.login('admin');
    expect((await admin.get('/api/residents/export')).statusCode).toBe(403);
  });
});
