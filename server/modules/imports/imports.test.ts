import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeIdNumber, maskIdNumber } from '../../../shared/domain/id-number';
import { IMPORT_COLUMNS } from '../../../shared/domain/resident-row';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { columnLetters, handWorkbook, inlineCell, worksheetXml } from './test-workbooks';

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
let t: TestApp;
let chengdong: Client;
let chengxi: Client;
let ids: { chengdong: string; chengxi: string };

beforeAll(async () => {
  t = await createTestApp({ config: { upload: { maxBytes: 256 * 1024, maxRows: 50, reportDays: 7 } } });
  chengdong = await t.login('chengdong');
  chengxi = await t.login('chengxi');
  const rows = await t.database.query<{ id: string; name: string }>(`SELECT id, name FROM regions WHERE level = 'community'`);
  ids = { chengdong: rows.find((r) => r.name === '城东社区')!.id, chengxi: rows.find((r) => r.name === '城西社区')!.id };
});
afterAll(() => t.close());

/** One resident row in template column order. */
function row(p: Partial<Record<(typeof HEADERS)[number], string>>): string[] {
  return HEADERS.map((h) => p[h] ?? '');
}

let seq = 100;
/** A fresh valid ID number. */
function newId(birth = '1975-03-08', sex: 'M' | 'F' = 'F') {
  seq += 2;
  return makeIdNumber('341881', birth, seq, sex);
}

async function xlsx(rows: string[][], header: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: string[][], header: string[] = HEADERS): string {
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

/** A multipart/form-data body with optional fields and one file. */
function multipart(file: { name: string; data: Buffer; type?: string }, fields: Record<string, string> = {}) {
  const boundary = '----shequtest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
  );
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(client: Client, name: string, data: Buffer, communityId: string | null = ids.chengdong, asField = false) {
  const body = multipart({ name, data }, asField && communityId ? { communityId } : {});
  const url = communityId && !asField ? `/api/imports/residents?communityId=${communityId}` : '/api/imports/residents';
  return client.request({ method: 'POST', url, payload: body.payload, headers: { 'content-type': body.contentType } });
}

/** Polls the job until it has finished. */
async function finished(client: Client, jobId: string) {
  for (let i = 0; i < 400; i++) {
    const res = await client.get(`/api/imports/${jobId}`);
    expect(res.statusCode).toBe(200);
    const job = res.json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

async function importFile(client: Client, name: string, data: Buffer, communityId: string | null = ids.chengdong) {
  const res = await upload(client, name, data, communityId);
  expect(res.statusCode, res.body).toBe(202);
  return finished(client, res.json().jobId);
}

const residentByHash = async (idNumber: string) => {
  const hash = t.app.services.crypto.blindIndex(idNumber);
  const [r] = await t.database.query<Record<string, unknown>>(
    `SELECT r.*, g.name AS grid_name, h.address, h.head_resident_id FROM residents r JOIN regions g ON g.id = r.grid_id LEFT JOIN households h ON h.id = r.household_id WHERE r.id_hash = $1`,
    [hash],
  );
  return r;
};

async function readReport(client: Client, jobId: string) {
  const res = await client.get(`/api/imports/${jobId}/report`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

const family = {
  head: newId('1960-01-02', 'M'),
  spouse: newId('1962-04-05', 'F'),
  child: newId('1990-07-08', 'M'),
  single: newId('1985-10-11', 'F'),
};
const familyRows = () => [
  row({
    姓名: '周建国',
    身份证号: family.head,
    联系电话: '13800001111',
    政治面貌: '中共党员',
    居住类型: '户籍常住',
    与户主关系: '户主',
    网格: '城东第1网格',
    住址: '幸福路1号1栋101室',
    文化程度: '高中',
  }),
  row({ 姓名: '李秀英', 身份证号: family.spouse, 与户主关系: '配偶', 网格: '城东第1网格', 住址: '幸福路1号1栋101室', 婚姻状况: '已婚' }),
  row({ 姓名: '周小军', 身份证号: family.child, 与户主关系: '子', 网格: '第1网格', 住址: '幸福路1号1栋101室', 就业状况: '在业' }),
  row({ 姓名: '单丽', 身份证号: family.single, 网格: '34188100100102', 民族: '回族', 居住类型: '流动人口' }),
];

describe('GET /api/imports/template', () => {
  it('gives an .xlsx with the Chinese headers, drop-down lists and an instructions sheet', async () => {
    const res = await chengdong.get('/api/imports/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('居民信息导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(wb.getWorksheet('填写说明')).toBeDefined();
    const politicalColumn = String.fromCharCode(65 + HEADERS.indexOf('政治面貌'));
    const validation = ws.getCell(`${politicalColumn}5`).dataValidation;
    expect(validation?.type).toBe('list');
  });

  it('is refused to a user without the import permission', async () => {
    const police = await t.login('police-chengdong');
    expect((await police.get('/api/imports/template')).statusCode).toBe(403);
  });
});

describe('POST /api/imports/residents', () => {
  let firstJob: string;

  it('answers 202 with a job id and registers every valid row, with household, head, pinyin and encrypted ID', async () => {
    const res = await upload(chengdong, '城东居民.xlsx', await xlsx(familyRows()));
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().totalRows).toBe(4);
    firstJob = res.json().jobId;
    const job = await finished(chengdong, firstJob);
    expect(job).toMatchObject({ status: 'done', totalRows: 4, processedRows: 4, created: 4, updated: 0, unchanged: 0, failed: 0, errors: [] });

    const head = await residentByHash(family.head);
    expect(head).toMatchObject({
      name: '周建国',
      name_pinyin: 'zhoujianguo',
      name_initials: 'zjg',
      sex: 'M',
      political_status: 'party_member',
      relation_to_head: 'head',
      phone: '13800001111',
      grid_name: '城东第1网格',
      address: '幸福路1号1栋101室',
      version: 1,
    });
    expect(head.head_resident_id).toBe(head.id);
    expect(t.app.services.crypto.decrypt(head.id_cipher as Buffer)).toBe(family.head);
    const child = await residentByHash(family.child);
    expect(child.household_id).toBe(head.household_id);
    expect(child.grid_name).toBe('城东第1网格');
    const single = await residentByHash(family.single);
    expect(single).toMatchObject({ name_pinyin: 'shanli', ethnicity: '回族', residence_type: 'floating', grid_name: '城东第2网格', household_id: null });
    const moves = await t.database.query(`SELECT 1 FROM resident_moves WHERE resident_id = $1 AND move_type = 'register'`, [head.id]);
    expect(moves).toHaveLength(1);
    // The residents API sees them like any other registered resident.
    const listed = await chengdong.get(`/api/residents?communityId=${ids.chengdong}&q=${encodeURIComponent('周建国')}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        name: '周建国',
        idMasked: `${family.head.slice(0, 6)}********${family.head.slice(-4)}`,
        address: '幸福路1号1栋101室',
        relationToHead: 'head',
      }),
    ]);
  });

  it('writes one audit entry for the job, with the counts', async () => {
    const entries = await t.database.query<{ action: string; details: Record<string, number> }>(`SELECT action, details FROM audit_log WHERE object_id = $1`, [
      firstJob,
    ]);
    expect(entries).toHaveLength(1);
    expect(entries[0].action).toBe('residents.import');
    expect(entries[0].details).toMatchObject({ created: 4, updated: 0, unchanged: 0, failed: 0 });
  });

  it('creates nothing when the same file is imported again: every row is unchanged', async () => {
    const job = await importFile(chengdong, '城东居民.xlsx', await xlsx(familyRows()));
    expect(job).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 4, failed: 0 });
    const [{ n }] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM residents`);
    expect(n).toBe(4);
    expect((await residentByHash(family.head)).version).toBe(1);
  });

  it('updates a resident whose phone changed in the file, and only that one', async () => {
    const rows = familyRows();
    rows[0][HEADERS.indexOf('联系电话')] = '13900002222';
    const job = await importFile(chengdong, '城东居民.xlsx', await xlsx(rows));
    expect(job).toMatchObject({ created: 0, updated: 1, unchanged: 3, failed: 0 });
    const head = await residentByHash(family.head);
    expect(head).toMatchObject({ phone: '13900002222', version: 2 });
  });

  it('records a move in the history when a re-import changes a registered resident’s grid and address', async () => {
    const moved = row({ 姓名: '单丽', 身份证号: family.single, 网格: '城东第2网格', 住址: '幸福路9号2栋202室', 民族: '回族', 居住类型: '流动人口' });
    const job = await importFile(chengdong, 'moved.xlsx', await xlsx([moved]));
    expect(job).toMatchObject({ updated: 1, failed: 0 });
    const single = await residentByHash(family.single);
    const moves = await t.database.query<{ move_type: string; from_household_id: string | null; to_household_id: string | null }>(
      `SELECT move_type, from_household_id, to_household_id FROM resident_moves WHERE resident_id = $1 ORDER BY created_at, move_type`,
      [single.id],
    );
    expect(moves.map((m) => m.move_type)).toEqual(['register', 'transfer']);
    expect(moves[1].to_household_id).toBe(single.household_id);
    expect(moves[1].to_household_id).not.toBe(moves[1].from_household_id);
  });

  it('leaves fields alone when their column is absent from the file', async () => {
    const header = ['姓名', '身份证号', '网格'];
    const job = await importFile(chengdong, 'short.xlsx', await xlsx([['周建国', family.head, '城东第1网格']], header));
    expect(job).toMatchObject({ unchanged: 1, updated: 0 });
    expect((await residentByHash(family.head)).phone).toBe('13900002222');
  });

  it('saves the good rows, reports each bad row with its field and reason, and gives a report with an 错误 column', async () => {
    const good1 = newId();
    const good2 = newId();
    const badCheck = (() => {
      const id = newId();
      return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    })();
    const rows = [
      row({ 姓名: '赵一', 身份证号: good1, 网格: '城东第3网格' }),
      row({ 姓名: '钱二', 身份证号: badCheck, 网格: '城东第3网格' }),
      row({ 姓名: '', 身份证号: newId(), 网格: '城东第3网格' }),
      row({ 姓名: '孙三', 身份证号: newId(), 网格: '城东第99网格' }),
      row({ 姓名: '李四', 身份证号: newId(), 网格: '城西第1网格' }),
      row({ 姓名: '周五', 身份证号: newId(), 网格: '城东第3网格', 联系电话: '12345', 备注: '=HYPERLINK("http://evil")' }),
      row({ 姓名: '吴六', 身份证号: good2, 网格: '城东第3网格' }),
      row({ 姓名: '郑七', 身份证号: good2, 网格: '城东第3网格' }),
    ];
    const job = await importFile(chengdong, '有错误.xlsx', await xlsx(rows));
    expect(job).toMatchObject({ status: 'done', totalRows: 8, processedRows: 8, created: 2, failed: 6, hasReport: true });
    const byRow = (n: number) => job.errors.filter((e: { row: number }) => e.row === n);
    expect(byRow(3)).toEqual([{ row: 3, field: '身份证号', code: 'id_check_digit', message: '身份证号校验位错误' }]);
    expect(byRow(4)[0]).toMatchObject({ field: '姓名', code: 'required' });
    expect(byRow(5)[0]).toMatchObject({ field: '网格', code: 'grid_not_found', message: '未找到网格“城东第99网格”' });
    expect(byRow(6)[0]).toMatchObject({ field: '网格', code: 'grid_out_of_scope' });
    expect(byRow(7)[0]).toMatchObject({ field: '联系电话' });
    expect(byRow(7)[0].message).toMatch(/电话号码格式不正确/);
    expect(byRow(9)[0]).toMatchObject({ field: '身份证号', code: 'duplicate_in_file', message: '与第 8 行的身份证号重复' });
    expect(await residentByHash(good1)).toBeDefined();
    expect((await residentByHash(good2)).name).toBe('吴六');
    expect(await residentByHash(badCheck)).toBeUndefined();

    const report = await readReport(chengdong, job.id);
    expect(report[0]).toEqual([...HEADERS, '错误', '原行号']);
    expect(report).toHaveLength(7);
    const errorCol = HEADERS.length;
    expect(report[1][0]).toBe('钱二');
    expect(report[1][errorCol]).toBe('身份证号：身份证号校验位错误');
    expect(report[1][errorCol + 1]).toBe('3');
    expect(report[4][errorCol]).toMatch(/^网格：网格“城西第1网格”不在您的管辖范围内/);
    // A cell that a spreadsheet would run as a formula comes back inert.
    expect(report[5][HEADERS.indexOf('备注')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(report.every((r) => r[0] !== '赵一')).toBe(true);
  });

  it('saves the other rows of a batch that the database refused, each row whole or not at all', async () => {
    const [ok1, poisoned, ok2] = [newId(), newId(), newId()];
    const poisonedHash = t.app.services.crypto.blindIndex(poisoned);
    const residents = t.app.services.residents;
    const upsert = residents.upsertImported.bind(residents);
    const spy = vi.spyOn(residents, 'upsertImported').mockImplementation(async (...args) => {
      if (args[0].some((r) => r.idHash === poisonedHash)) throw new Error('simulated database failure');
      return upsert(...args);
    });
    try {
      const job = await importFile(
        chengdong,
        'poison.xlsx',
        await xlsx([
          row({ 姓名: '甲', 身份证号: ok1, 网格: '城东第7网格', 住址: '甲巷1号' }),
          row({ 姓名: '乙', 身份证号: poisoned, 网格: '城东第7网格', 住址: '乙巷2号', 与户主关系: '户主' }),
          row({ 姓名: '丙', 身份证号: ok2, 网格: '城东第7网格', 住址: '甲巷1号' }),
        ]),
      );
      expect(job).toMatchObject({ created: 2, failed: 1 });
      expect(job.errors).toEqual([{ row: 3, field: '', code: 'db_rejected', message: '数据库拒绝保存该行' }]);
    } finally {
      spy.mockRestore();
    }
    expect((await residentByHash(ok1)).household_id).toBe((await residentByHash(ok2)).household_id);
    expect(await residentByHash(poisoned)).toBeUndefined();
    // The refused row's new household was rolled back with it.
    expect(await t.database.query(`SELECT 1 FROM households WHERE address = '乙巷2号'`)).toHaveLength(0);
  });

  it('reads a UTF-8 CSV with a BOM, one without, and a GBK CSV', async () => {
    const a = newId();
    const b = newId();
    const c = newId();
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(csv([row({ 姓名: '冯八', 身份证号: a, 网格: '城东第4网格', 政治面貌: '群众' })])),
    ]);
    expect(await importFile(chengdong, 'bom.csv', withBom)).toMatchObject({ status: 'done', created: 1, failed: 0 });
    expect((await residentByHash(a)).political_status).toBe('masses');
    const plain = Buffer.from(csv([row({ 姓名: '陈九', 身份证号: b, 网格: '城东第4网格', 住址: '和平路 "8" 号, 2单元' })]));
    expect(await importFile(chengdong, 'plain.csv', plain)).toMatchObject({ created: 1, failed: 0 });
    expect((await residentByHash(b)).address).toBe('和平路 "8" 号, 2单元');
    const gbk = encodeGbk(csv([row({ 姓名: '褚十', 身份证号: c, 网格: '城东第4网格', 与户主关系: '户主', 住址: '解放路3号' })]));
    expect(gbk.includes(Buffer.from('姓名'))).toBe(false);
    expect(await importFile(chengdong, 'gbk.csv', gbk)).toMatchObject({ created: 1, failed: 0 });
    expect((await residentByHash(c)).name).toBe('褚十');
  });

  it('takes the community from a form field sent before the file', async () => {
    const res = await upload(chengdong, 'field.csv', Buffer.from(csv([row({ 姓名: '蒋十一', 身份证号: newId(), 网格: '第5网格' })])), ids.chengdong, true);
    expect(res.statusCode).toBe(202);
    expect(await finished(chengdong, res.json().jobId)).toMatchObject({ created: 1, communityId: ids.chengdong });
  });

  it('refuses a file larger than the upload limit with 413 and the limit', async () => {
    const res = await upload(chengdong, 'big.csv', Buffer.alloc(300 * 1024, 'a'));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().error.message).toContain('256 KB');
  });

  it('refuses a file that is not .xlsx or .csv by name and content with 415', async () => {
    const text = Buffer.from(csv([row({ 姓名: '韩', 身份证号: newId(), 网格: '第1网格' })]));
    for (const [name, data] of [
      ['residents.xlsx', text],
      ['residents.pdf', Buffer.from('%PDF-1.7 ...')],
      ['residents.csv', await xlsx([])],
    ] as const) {
      const res = await upload(chengdong, name, data);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const plain = await chengdong.post(`/api/imports/residents?communityId=${ids.chengdong}`, { file: 'x' });
    expect(plain.statusCode).toBe(415);
  });

  it('refuses an old .xls (or a password-protected workbook) with 415, saying how to save it as .xlsx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    for (const name of ['居民.xls', '居民.xlsx']) {
      const res = await upload(chengdong, name, ole);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('IMPORT_XLS_UNSUPPORTED');
      expect(res.json().error.message).toContain('另存为 → Excel 工作簿 (*.xlsx)');
    }
    const body = multipart({ name: 'residents.xls', data: ole });
    const en = await chengdong.request({
      method: 'POST',
      url: `/api/imports/residents?communityId=${ids.chengdong}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType, 'accept-language': 'en' },
    });
    expect(en.json().error.message).toContain('Save As → Excel Workbook (*.xlsx)');
  });

  it('says the file has no data when a workbook or a CSV holds no text at all, rather than blaming the header', async () => {
    const blankXlsx = await xlsx([['', '  ']], ['', '']);
    for (const [name, data] of [
      ['empty.xlsx', blankXlsx],
      ['empty.csv', Buffer.from(',,\r\n\r\n , \r\n')],
      ['nothing.csv', Buffer.alloc(0)],
    ] as const) {
      const res = await upload(chengdong, name, data);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'IMPORT_EMPTY_FILE', message: '文件中没有数据' });
    }
  });

  it('refuses a malformed workbook with a reason, not the XML parser’s message', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
    const res = await upload(chengdong, 'xxe.xlsx', await handWorkbook({ sheets: [{ name: 'S', xml: xxe }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'IMPORT_UNSAFE_FILE',
      message: '文件结构异常或解压后过大，已拒绝：unreadable workbook',
      details: { reason: 'unreadable workbook' },
    });
    expect(res.body).not.toMatch(/entity|passwd/);
  });

  it('refuses a malformed CSV naming the line, not the CSV parser’s message', async () => {
    const res = await upload(chengdong, 'quote.csv', Buffer.from('姓名,身份证号,网格\n张三,1,2\n"李四,3,4\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'file', code: 'csv', message: 'CSV 格式错误（第 3 行附近），请检查引号和分隔符' }]);
    expect(res.body).not.toMatch(/Quote Not Closed/i);
  });

  it('shows at most 30 header cells of 40 characters when the header is wrong, however wide the row', async () => {
    const cells = Array.from({ length: 16_000 }, (_, i) => inlineCell(`${columnLetters(i)}1`, `列${i}`.padEnd(100, '长')));
    const res = await upload(
      chengdong,
      'wide.xlsx',
      await handWorkbook({ sheets: [{ name: 'S', xml: worksheetXml([`<row r="1">${cells.join('')}</row>`]) }] }),
    );
    expect(res.statusCode).toBe(400);
    const { code, details } = res.json().error;
    expect(code).toBe('IMPORT_TOO_MANY_COLUMNS');
    expect(details).toMatchObject({ count: 16_000, limit: 200 });
    expect(details.found).toHaveLength(30);
    expect(details.found[0]).toBe(`${'列0'.padEnd(40, '长')}…`);
    expect(res.body.length).toBeLessThan(4000);
  });

  it('refuses more rows than the limit with 400 naming it', async () => {
    const rows = Array.from({ length: 51 }, (_, i) => row({ 姓名: `人${i}`, 身份证号: newId(), 网格: '第1网格' }));
    const res = await upload(chengdong, 'many.xlsx', await xlsx(rows));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', details: { limit: 50 } });
    expect(res.json().error.message).toContain('50');
  });

  it('reads a workbook whose parts come in another order (shared strings first, workbook.xml last)', async () => {
    // exceljs's streaming reader failed on this order; ours opens parts through the central directory.
    const zip = await JSZip.loadAsync(await xlsx([row({ 姓名: '次序', 身份证号: newId(), 网格: '城东第1网格' })]));
    const first = ['xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels'];
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const reordered = new JSZip();
    for (const n of [...first, ...names.filter((x) => !first.includes(x) && x !== 'xl/workbook.xml'), 'xl/workbook.xml'])
      reordered.file(n, await zip.files[n].async('nodebuffer'));
    const job = await importFile(chengdong, 'reordered.xlsx', await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(job).toMatchObject({ status: 'done', created: 1, failed: 0 });
  });

  it('proposes a mapping for a header without the required columns, and refuses to take it as it is', async () => {
    const file = await xlsx([['x', 'y']], ['甲', '乙']);
    const res = await upload(chengdong, 'bad-header.xlsx', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'mapping_required', missing: ['name', 'idNumber'] });
    const body = multipart({ name: 'bad-header.xlsx', data: file }, { mapping: 'auto' });
    const auto = await chengdong.request({
      method: 'POST',
      url: `/api/imports/residents?communityId=${ids.chengdong}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(auto.statusCode).toBe(400);
    expect(auto.json().error.code).toBe('IMPORT_BAD_HEADER');
    expect(auto.json().error.message).toContain('姓名、身份证号');
  });

  it('refuses a zip bomb before unpacking it: an absurd compression ratio', async () => {
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(256 * 1024);
    const res = await upload(chengdong, 'bomb.xlsx', bomb);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_UNSAFE_FILE');
    expect(res.json().error.details.reason).toMatch(/compression ratio/);
  });

  it('refuses a zip whose entries unpack to more than they declare', async () => {
    const liar = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * 1024 * 1024, 0x20), declaredSize: 1000 },
    ]);
    const res = await upload(chengdong, 'liar.xlsx', liar);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_UNSAFE_FILE', details: { reason: 'entry unpacks to more than it declares' } });
  });

  it('refuses a zip with local entries hidden from its central directory', async () => {
    const hidden = makeZip(
      [
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024, 0x20) },
      ],
      { hideIndex: 2 },
    );
    const res = await upload(chengdong, 'hidden.xlsx', hidden);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_UNSAFE_FILE', details: { reason: 'unlisted data before the central directory' } });
  });
});

describe('scope', () => {
  it('does not let a worker of 城西 import into 城东 (403) nor place rows in 城东 grids', async () => {
    const data = await xlsx([row({ 姓名: '越界', 身份证号: newId(), 网格: '城东第1网格' })]);
    const denied = await upload(chengxi, 'x.xlsx', data, ids.chengdong);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('OUT_OF_SCOPE');
    const job = await importFile(chengxi, 'x.xlsx', data, ids.chengxi);
    expect(job).toMatchObject({ created: 0, failed: 1 });
    expect(job.errors[0]).toMatchObject({ field: '网格', code: 'grid_out_of_scope' });
  });

  it('does not let an import change a resident registered outside the importer’s scope', async () => {
    const job = await importFile(chengxi, 'takeover.xlsx', await xlsx([row({ 姓名: '冒名', 身份证号: family.single, 网格: '城西第1网格' })]), ids.chengxi);
    expect(job).toMatchObject({ created: 0, updated: 0, failed: 1 });
    // The row does not say that the number is registered elsewhere (issue 11 item 8), only that it cannot be registered here.
    expect(job.errors[0]).toEqual({ row: 2, field: '身份证号', code: 'cannot_register', message: '该身份证号不能在此登记' });
    expect((await residentByHash(family.single)).name).toBe('单丽');
    const [audit] = await t.database.query<{ outcome: string; details: { reason: string; rows: number[] } }>(
      `SELECT outcome, details FROM audit_log WHERE object_id = $1 AND outcome = 'failure'`,
      [job.id],
    );
    expect(audit).toMatchObject({ outcome: 'failure', details: { reason: 'registered_out_of_scope', rows: [2] } });
  });

  it('shows a job to its creator and to users covering its community, and 404 to others', async () => {
    const job = await importFile(chengdong, 'scope.csv', Buffer.from(csv([row({ 姓名: '杨十二', 身份证号: newId(), 网格: '第6网格' })])));
    expect((await chengxi.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    expect((await chengxi.get(`/api/imports/${job.id}/report`)).statusCode).toBe(404);
    const street = await t.login('street1');
    expect((await street.get(`/api/imports/${job.id}`)).statusCode).toBe(200);
    const mine = await chengxi.get('/api/imports');
    expect(mine.json().items.every((j: { communityId: string }) => j.communityId === ids.chengxi)).toBe(true);
    const theirs = await chengdong.get('/api/imports');
    expect(theirs.json().items.map((j: { id: string }) => j.id)).toContain(job.id);
  });

  it('lets a grid worker import into their own grid only, defaulting the community', async () => {
    const grid = await t.login('grid-chengdong');
    const own = newId();
    const job = await importFile(
      grid,
      'grid.xlsx',
      await xlsx([row({ 姓名: '朱十三', 身份证号: own, 网格: '第1网格' }), row({ 姓名: '秦十四', 身份证号: newId(), 网格: '第2网格' })]),
      null,
    );
    expect(job).toMatchObject({ communityId: ids.chengdong, created: 1, failed: 1 });
    expect(job.errors[0]).toMatchObject({ row: 3, code: 'grid_out_of_scope' });
  });
});

/** A minimal zip writer (stored or deflated entries), able to lie about sizes or hide an entry. */
function makeZip(entries: { name: string; data: Buffer; declaredSize?: number }[], opts: { hideIndex?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data, { level: 9 });
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // CRC is not checked by the size guard
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    if (i !== opts.hideIndex) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(body.length, 20);
      central.writeUInt32LE(size, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, name);
    }
    offset += 30 + name.length + body.length;
  });
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = entries.length - (opts.hideIndex === undefined ? 0 : 1);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** GBK bytes of a text, built from the platform's GBK decoder (Node has no GBK encoder). */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...table.get(ch)!);
  }
  return Buffer.from(bytes);
}

describe('report retention', () => {
  it('clears stored error reports of jobs finished longer ago than the retention, keeping recent ones', async () => {
    const res = await upload(chengdong, '保留.csv', Buffer.from('姓名,身份证号,网格\n张三,110105194912310021,城东第1网格\n'));
    const job = await finished(chengdong, res.json().jobId);
    expect(job.failed).toBe(1);
    expect(await t.app.services.imports.purgeReports(7)).toBe(0);
    expect((await chengdong.get(`/api/imports/${job.id}/report`)).statusCode).toBe(200);
    const purged = await t.app.services.imports.purgeReports(7, new Date(Date.now() + 8 * 86_400_000));
    expect(purged).toBeGreaterThanOrEqual(1);
    const [row] = await t.database.query<{ report_cipher: Buffer | null }>('SELECT report_cipher FROM import_jobs WHERE id = $1', [job.id]);
    expect(row.report_cipher).toBeNull();
  });
});

describe('who reads a job’s rows', () => {
  it('keeps street1’s report to street1: chengdong, who covers the job’s community, sees the counts, not the rows of a 城中 person', async () => {
    const street = await t.login('street1');
    const zhong = newId('1971-05-06', 'M');
    const dong = newId('1972-06-07', 'F');
    const job = await importFile(
      street,
      'street.xlsx',
      await xlsx([
        row({ 姓名: '城中某人', 身份证号: zhong, 网格: '城中第1网格', 联系电话: '12345', 住址: '城中路1号' }),
        row({ 姓名: '城东某人', 身份证号: dong, 网格: '城东第1网格', 联系电话: '12345' }),
      ]),
      ids.chengdong,
    );
    expect(job).toMatchObject({ communityId: ids.chengdong, failed: 2, hasReport: true });
    expect(job.errors).toHaveLength(2);

    const seen = await chengdong.get(`/api/imports/${job.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: job.id, failed: 2, errors: [], warnings: [], hasReport: false });
    const listed = (await chengdong.get('/api/imports')).json().items.find((j: { id: string }) => j.id === job.id);
    expect(listed).toMatchObject({ failed: 2, hasReport: false });
    const refused = await chengdong.get(`/api/imports/${job.id}/report`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain(zhong);
    const [denied] = await t.database.query<{ details: { code: string; object: string } }>(
      `SELECT details FROM audit_log WHERE action = 'security.denied' AND username = 'chengdong' ORDER BY seq DESC LIMIT 1`,
    );
    expect(denied.details).toMatchObject({ code: 'NOT_FOUND', object: 'import_report' });

    // street1 holds residents.reveal over both communities: its own report keeps the numbers it uploaded.
    const report = await readReport(street, job.id);
    expect(report.slice(1).map((r) => r[HEADERS.indexOf('身份证号')])).toEqual([zhong, dong]);
  });

  it('masks ID numbers in the creator’s report where the creator may not reveal, and audits how many were shown in full', async () => {
    const grid = await t.login('grid-chengdong');
    const own = newId('1980-01-02', 'M');
    const next = newId('1981-02-03', 'F');
    const job = await importFile(
      grid,
      'grid-report.xlsx',
      await xlsx([
        row({ 姓名: '本格人', 身份证号: own, 网格: '第1网格', 联系电话: '12345' }),
        row({ 姓名: '邻格人', 身份证号: next, 网格: '第2网格', 备注: `原证号 ${next}` }),
      ]),
      null,
    );
    expect(job).toMatchObject({ failed: 2, hasReport: true });
    const res = await grid.get(`/api/imports/${job.id}/report`);
    expect(res.statusCode).toBe(200);
    const report = await readReport(grid, job.id);
    const idCol = HEADERS.indexOf('身份证号');
    expect(report[1][idCol]).toBe(own);
    expect(report[2][idCol]).toBe(maskIdNumber(next));
    expect(report[2][HEADERS.indexOf('备注')]).toBe(`原证号 ${maskIdNumber(next)}`);
    expect(report.flat().join(' ')).not.toContain(next);
    const audits = await t.database.query<{ details: { rows: number; revealed: number } }>(
      `SELECT details FROM audit_log WHERE action = 'residents.import.report' AND object_id = $1 ORDER BY seq`,
      [job.id],
    );
    expect(audits.map((a) => a.details)).toEqual([
      { rows: 2, revealed: 1 },
      { rows: 2, revealed: 1 },
    ]);
  });
});
