import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITIES } from '../../db/seed/demo-city';
import { createTestApp, type Client, type TestApp } from '../../test/app';

let t: TestApp;
const id: Record<string, string> = {};
const LIMIT = 16 * 1024;
beforeAll(async () => {
  t = await createTestApp({ config: { premisesFileMaxBytes: LIMIT } });
  for (const r of await t.database.query<{ id: string; code: string }>(`SELECT id, code FROM regions WHERE level = 'community'`)) id[r.code] = r.id;
});
afterAll(() => t.close());

const DONG = () => id[COMMUNITIES[0].code];

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF photo of the activity room')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

/** A multipart body with one part named `field` (default `file`). */
function form(name: string, data: Buffer, type = 'image/jpeg', field = 'file') {
  const boundary = `----premfiles${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (c: Client, premisesId: string, body: ReturnType<typeof form>, lang = 'zh-CN') =>
  c.request({ method: 'POST', url: `/api/premises/${premisesId}/files`, payload: body.payload, headers: { ...body.headers, 'accept-language': lang } });

async function premisesOf(c: Client, communityId: string) {
  const res = await c.post('/api/premises', { communityId, name: '照片测试活动室', use: 'activity', areaM2: 60, ownership: 'owned', state: 'in_use' });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('POST /api/premises/:id/files', () => {
  it('keeps a photo, lists it and gives back the same bytes with its type and a safe name; the upload is audited', async () => {
    const c = await t.login('chengdong');
    const p = await premisesOf(c, DONG());
    const res = await upload(c, p, form('../活动室<照片>.JPG', JPEG));
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      premisesId: p,
      communityId: DONG(),
      kind: 'photo',
      contentType: 'image/jpeg',
      fileName: '活动室_照片_.jpg',
      sizeBytes: JPEG.length,
    });

    const list = await c.get(`/api/premises/${p}/files`);
    expect(list.json()).toMatchObject({ maxBytes: LIMIT, items: [{ id: file.id, kind: 'photo' }] });

    const dl = await c.get(`/api/premises-files/${file.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/jpeg');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="_______.jpg"; filename*=UTF-8''${encodeURIComponent('活动室_照片_.jpg')}`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(dl.rawPayload, JPEG)).toBe(0);

    const [entry] = await t.database.query<{ community_id: string; details: { sizeBytes: number } }>(
      `SELECT community_id, details FROM audit_log WHERE action = 'premises.file_upload' AND object_id = $1`,
      [file.id],
    );
    expect(entry).toMatchObject({ community_id: DONG(), details: { sizeBytes: JPEG.length } });
  });

  it('judges the type by the content: a PDF named .jpg is a document, a script named .png is refused (400 naming file)', async () => {
    const c = await t.login('chengdong');
    const p = await premisesOf(c, DONG());
    const pdf = await upload(c, p, form('lease.jpg', PDF, 'image/jpeg'));
    expect(pdf.json()).toMatchObject({ kind: 'document', contentType: 'application/pdf', fileName: 'lease.pdf' });
    const bad = await upload(c, p, form('photo.png', Buffer.from('<script>alert(1)</script>'), 'image/png'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'file', code: 'unsupported_type' });
    expect(bad.json().error.details[0].message).toContain('JPEG、PNG、PDF');
    const en = await upload(c, p, form('photo.png', Buffer.from('MZ\x90\x00'), 'image/png'), 'en');
    expect(en.json().error.details[0].message).toContain("The file's content is not an allowed type");
  });

  it('takes a real Excel workbook as a document and serves it with the .xlsx type', async () => {
    const c = await t.login('chengdong');
    const p = await premisesOf(c, DONG());
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('面积').addRow(['活动室', 60]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(c, p, form('面积台账.xlsx', xlsx, 'application/octet-stream'));
    expect(res.json()).toMatchObject({
      kind: 'document',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: '面积台账.xlsx',
    });
    const dl = await c.get(`/api/premises-files/${res.json().id}`);
    expect(dl.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(dl.rawPayload.length).toBe(xlsx.length);
  });

  it('answers 413 naming the field above the configured limit, in the caller’s language', async () => {
    const c = await t.login('chengdong');
    const p = await premisesOf(c, DONG());
    const big = Buffer.concat([JPEG, Buffer.alloc(LIMIT)]);
    const res = await upload(c, p, form('big.jpg', big));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '文件过大（上限 16 KB）', details: [{ path: 'file', code: 'too_large' }] });
    const en = await upload(c, p, form('big.jpg', big), 'en');
    expect(en.json().error.details[0].message).toBe('The file (field "file") is larger than 16 KB');
    expect((await c.get(`/api/premises/${p}/files`)).json().items).toEqual([]);
  });

  it('answers 400 naming file when no file part is sent, and 415 to a JSON body', async () => {
    const c = await t.login('chengdong');
    const p = await premisesOf(c, DONG());
    const res = await upload(c, p, form('x.jpg', JPEG, 'image/jpeg', 'photo'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('file');
    expect((await c.post(`/api/premises/${p}/files`, { file: 'x' })).statusCode).toBe(415);
  });
});

describe('the scope of premises files', () => {
  it('refuses another community’s worker: 404 listing, uploading, downloading or deleting; a reader without write gets 403', async () => {
    const dong = await t.login('chengdong');
    const p = await premisesOf(dong, DONG());
    const file = (await upload(dong, p, form('plan.pdf', PDF, 'application/pdf'))).json();
    const xi = await t.login('chengxi');
    expect((await xi.get(`/api/premises/${p}/files`)).statusCode).toBe(404);
    expect((await upload(xi, p, form('x.jpg', JPEG))).statusCode).toBe(404);
    expect((await xi.get(`/api/premises-files/${file.id}`)).statusCode).toBe(404);
    expect((await xi.delete(`/api/premises-files/${file.id}`)).statusCode).toBe(404);
    // The labour department reads every community's four haves but writes none.
    const labour = await t.login('labour');
    expect((await labour.get(`/api/premises-files/${file.id}`)).statusCode).toBe(200);
    expect((await upload(labour, p, form('x.jpg', JPEG))).statusCode).toBe(403);
    expect((await labour.delete(`/api/premises-files/${file.id}`)).statusCode).toBe(403);
    expect((await dong.get(`/api/premises/${p}/files`)).json().items).toHaveLength(1);
  });
});

describe('DELETE /api/premises-files/:id', () => {
  it('removes the file, audits it, and answers 404 afterwards', async () => {
    const c = await t.login('chengdong');
    const p = await premisesOf(c, DONG());
    const file = (await upload(c, p, form('plan.pdf', PDF, 'application/pdf'))).json();
    const del = await c.delete(`/api/premises-files/${file.id}`);
    expect(del.statusCode).toBe(200);
    expect((await c.get(`/api/premises-files/${file.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/premises/${p}/files`)).json().items).toEqual([]);
    const rows = await t.database.query(`SELECT 1 FROM audit_log WHERE action = 'premises.file_delete' AND object_id = $1`, [file.id]);
    expect(rows).toHaveLength(1);
  });
});
