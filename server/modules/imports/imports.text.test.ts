/**
 * Every character survives an import: thousands of rows of dense Chinese text (rare characters outside
 * the BMP among them) in several sheet layouts, imported through the API and compared value by value
 * with what the database holds.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/domain/id-number';
import { IMPORT_COLUMNS } from '../../../shared/domain/resident-row';
import { createTestApp, type Client, type TestApp } from '../../test/app';
import { columnLetters, esc, handWorkbook, inlineCell, richInlineCell, worksheetXml } from './test-workbooks';

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
const col = (header: string) => HEADERS.indexOf(header as (typeof HEADERS)[number]);
const ROWS = 2500;

let t: TestApp;
let worker: Client;
let communityId: string;

beforeAll(async () => {
  t = await createTestApp({ config: { upload: { maxBytes: 20 * 1024 * 1024, maxRows: 10_000, reportDays: 7 } } });
  worker = await t.login('chengdong');
  const [c] = await t.database.query<{ id: string }>(`SELECT id FROM regions WHERE level = 'community' AND name = '城东社区'`);
  communityId = c.id;
});
afterAll(() => t.close());

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘𠮷龑䶮喆堃赟昇淼𡈼欧阳司马诸葛上官'];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍燕红梅东文斌庆春花振永俊涵欣怡浩然梓萱宇轩诺𠮷𡈼𪚥䶮龑堃喆赟昇瑄鑫淼焱垚犇骉珺琤璟𬌗𩽾𠀋𡃁',
];
const ETHNICITIES =
  '汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族'.split(
    ' ',
  );
const ROADS = ['幸福路', '𡒄家巷', '䢺水路', '龘龘大道', '𨱏村', '鍀街', '和平里（东区）', '解放北路—延长段', '𠙶山坡', '石屏县𬱖镇'];
const PHRASES = [
  '独居老人，每周走访一次',
  '子女在外地务工；孙女“𠮷𠮷”随祖父母生活',
  '低保户（2026年复核）、残疾证编号见档案',
  '曾用名：䶮龑，户口迁入时间不详……',
  '联系人：𡈼先生《社区志愿者》',
  '租住，房东姓𩽾，押一付三',
  '患慢性病：糖尿病／高血压，需定期随访',
  '党员，组织关系在街道；爱好书法、篆刻',
  '外出务工，春节返乡‘团聚’',
  '👵🏻 高龄补贴已申领，下次核查 2027 年',
];

/** A deterministic generator, so a failure names a row that can be found again. */
function random(seed: number) {
  let s = seed;
  return (k: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % k;
  };
}

interface Person {
  name: string;
  id: string;
  ethnicity: string;
  phone: string;
  grid: string;
  address: string;
  notes: string;
}

/** `n` people with dense text; `layout` keeps the ID numbers of each layout apart. */
function people(n: number, layout: number): Person[] {
  const rand = random(1000 + layout);
  const pick = <T>(list: T[]) => list[rand(list.length)];
  return Array.from({ length: n }, (_, i) => {
    const seq = i % 1000;
    const birth = `${1940 + rand(65)}-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
    const given = Array.from({ length: 1 + rand(3) }, () => pick(GIVEN)).join('');
    const notes = Array.from({ length: 1 + rand(4) }, () => pick(PHRASES)).join('；');
    return {
      name: pick(SURNAMES) + given,
      id: makeIdNumber(`34${layout}${String(Math.floor(i / 1000)).padStart(3, '0')}`, birth, seq, seq % 2 ? 'M' : 'F'),
      ethnicity: pick(ETHNICITIES),
      phone: `1${3 + rand(6)}${String(rand(1e9)).padStart(9, '0')}`,
      grid: `城东第${1 + rand(8)}网格`,
      address: `${pick(ROADS)}${i}号${1 + rand(30)}栋${1 + rand(6)}单元${100 + rand(2000)}室（${pick(GIVEN)}${pick(GIVEN)}小区）`,
      notes,
    };
  });
}

const FIELD_OF: Record<string, keyof Person> = {
  姓名: 'name',
  身份证号: 'id',
  民族: 'ethnicity',
  联系电话: 'phone',
  网格: 'grid',
  住址: 'address',
  备注: 'notes',
};

const cellsOf = (p: Person) => {
  const cells = HEADERS.map(() => '');
  cells[col('姓名')] = p.name;
  cells[col('身份证号')] = p.id;
  cells[col('民族')] = p.ethnicity;
  cells[col('联系电话')] = p.phone;
  cells[col('网格')] = p.grid;
  cells[col('住址')] = p.address;
  cells[col('备注')] = p.notes;
  return cells;
};

async function importFile(name: string, data: Buffer) {
  const boundary = '----shequtext';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await worker.request({
    method: 'POST',
    url: `/api/imports/residents?communityId=${communityId}`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 2400; i++) {
    const job = (await worker.get(`/api/imports/${res.json().jobId}`)).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

/** What the database holds for these people, compared field by field; returns the differences. */
async function differences(expected: Person[], blank: (p: Person, field: keyof Person) => boolean = () => false) {
  const stored = await t.database.query<{
    id_cipher: Buffer;
    name: string;
    ethnicity: string;
    phone: string | null;
    notes: string | null;
    grid: string;
    address: string | null;
  }>(
    `SELECT r.id_cipher, r.name, r.ethnicity, r.phone, r.notes, g.name AS grid, h.address
       FROM residents r JOIN regions g ON g.id = r.grid_id LEFT JOIN households h ON h.id = r.household_id`,
  );
  const byId = new Map(stored.map((s) => [t.app.services.crypto.decrypt(s.id_cipher), s]));
  const diffs: string[] = [];
  for (const p of expected) {
    const s = byId.get(p.id);
    if (!s) {
      diffs.push(`${p.id}: not stored`);
      continue;
    }
    const want = (field: keyof Person) => (blank(p, field) ? null : p[field]);
    const got: Record<string, string | null> = { name: s.name, ethnicity: s.ethnicity, phone: s.phone, notes: s.notes, grid: s.grid, address: s.address };
    for (const field of ['name', 'ethnicity', 'phone', 'notes', 'grid', 'address'] as const) {
      const w = field === 'ethnicity' && blank(p, field) ? '汉族' : want(field);
      if (got[field] !== w) diffs.push(`${p.id} ${field}: stored ${JSON.stringify(got[field])}, file ${JSON.stringify(w)}`);
    }
  }
  return diffs;
}

describe('importing dense Chinese text', () => {
  it('stores every value of a 2,500-row workbook written by exceljs with shared strings exactly as in the file', async () => {
    const list = people(ROWS, 1);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('居民信息');
    ws.addRow(HEADERS);
    for (const p of list) ws.addRow(cellsOf(p));
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(data);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('nodebuffer');
    // Big enough that the inflated shared strings arrive in many chunks, cut wherever the bytes fall.
    expect(sst.length).toBeGreaterThan(200_000);

    const job = await importFile('共享字符串.xlsx', data);
    expect(job).toMatchObject({ status: 'done', totalRows: ROWS, created: ROWS, failed: 0 });
    expect(await differences(list)).toEqual([]);
  });

  it('stores every value of a hand-written workbook with inline strings and rich-text runs (as WPS and LibreOffice write)', async () => {
    const list = people(ROWS, 2);
    const rows = [`<row r="1">${HEADERS.map((h, c) => inlineCell(`${columnLetters(c)}1`, h)).join('')}</row>`];
    list.forEach((p, i) => {
      const r = i + 2;
      const cells = cellsOf(p).map((text, c) => {
        const ref = `${columnLetters(c)}${r}`;
        if (!text) return '';
        if (c === col('联系电话')) return `<c r="${ref}"><v>${text}</v></c>`; // typed as a number
        if (c === col('姓名') || c === col('住址') || c === col('备注')) return richInlineCell(ref, text, [1, 1 + (i % 5), 7 + (i % 11)]);
        return inlineCell(ref, text);
      });
      rows.push(`<row r="${r}" spans="1:${HEADERS.length}">${cells.join('')}</row>`);
    });
    const data = await handWorkbook({
      sheets: [
        { name: '居民信息', xml: worksheetXml(rows) },
        { name: '填写说明', xml: worksheetXml([`<row r="1">${inlineCell('A1', '请勿修改表头')}</row>`]) },
      ],
      // The first sheet of the workbook is stored as sheet2.xml, after the instructions.
      partNames: ['sheet2.xml', 'sheet1.xml'],
    });
    const job = await importFile('内联字符串.xlsx', data);
    expect(job).toMatchObject({ status: 'done', totalRows: ROWS, created: ROWS, failed: 0 });
    expect(await differences(list)).toEqual([]);
  });

  it('stores every value of a sheet with gaps (cells left out, blank rows, columns in another order) and reports rows by their sheet number', async () => {
    const list = people(ROWS, 3);
    const order = [col('备注'), col('网格'), col('住址'), col('身份证号'), col('姓名'), col('联系电话'), col('民族')];
    const strings: string[] = [];
    const index = new Map<string, number>();
    const shared = (s: string) => {
      if (!index.has(s)) {
        index.set(s, strings.length);
        strings.push(s);
      }
      return index.get(s)!;
    };
    const cell = (c: number, r: number, text: string) => (text ? `<c r="${columnLetters(c)}${r}" t="s"><v>${shared(text)}</v></c>` : '');
    // Every third person has no phone and no notes; every seventh no ethnicity (stored as the default 汉族).
    const blank = (p: Person, field: keyof Person) => {
      const i = list.indexOf(p);
      return ((field === 'phone' || field === 'notes') && i % 3 === 0) || (field === 'ethnicity' && i % 7 === 0);
    };
    const rows = [`<row r="3">${order.map((c, k) => cell(k + 1, 3, HEADERS[c])).join('')}</row>`];
    const lines: number[] = [];
    let r = 4;
    list.forEach((p, i) => {
      const cells = cellsOf(p);
      if (i === 100) cells[col('身份证号')] = p.id.slice(0, 17) + (p.id[17] === '1' ? '2' : '1'); // a wrong check digit
      rows.push(`<row r="${r}">${order.map((c, k) => cell(k + 1, r, blank(p, FIELD_OF[HEADERS[c]]) ? '' : cells[c])).join('')}</row>`);
      lines.push(r);
      r += i % 50 === 49 ? 3 : 1; // a blank gap now and then
    });
    const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`;
    const data = await handWorkbook({ sheets: [{ name: 'Sheet1', xml: worksheetXml(rows) }], sharedStrings: sst });

    const job = await importFile('空隙.xlsx', data);
    expect(job).toMatchObject({ status: 'done', totalRows: ROWS, created: ROWS - 1, failed: 1 });
    expect(job.errors).toEqual([expect.objectContaining({ row: lines[100], field: '身份证号', code: 'id_check_digit' })]);
    expect(lines[100]).toBe(108);
    expect(
      await differences(
        list.filter((_, i) => i !== 100),
        blank,
      ),
    ).toEqual([]);
  });
});
