import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/domain/id-number';
import { createTestApp, type Client, type TestApp } from '../../test/app';

let t: TestApp;
let chengdong: Client;
let chengxi: Client;
let community: { chengdong: string; chengxi: string };
let grid: { cd1: string; cd2: string; cx1: string };

beforeAll(async () => {
  t = await createTestApp({ config: { upload: { maxBytes: 256 * 1024, maxRows: 50, reportDays: 7 } } });
  chengdong = await t.login('chengdong');
  chengxi = await t.login('chengxi');
  const regions = await t.database.query<{ id: string; name: string }>(`SELECT id, name FROM regions WHERE level IN ('community', 'grid')`);
  const id = (name: string) => regions.find((r) => r.name === name)!.id;
  community = { chengdong: id('城东社区'), chengxi: id('城西社区') };
  grid = { cd1: id('城东第1网格'), cd2: id('城东第2网格'), cx1: id('城西第1网格') };
  // A known building: an address naming it places the resident in its grid.
  await t.database.query(`INSERT INTO buildings (community_id, grid_id, name, address) VALUES ($1, $2, '幸福小区3栋', '人民路18号')`, [
    community.chengdong,
    grid.cd2,
  ]);
});
afterAll(() => t.close());

let seq = 300;
const newId = (birth = '1950-03-08', sex: 'M' | 'F' = 'F') => makeIdNumber('341881', birth, (seq += 2), sex);

/** A ledger as kept: a merged title row, a 填报 line, its own column names, no 网格 column. */
async function ledger(rows: string[][], header = ['序号', '姓名', '性别', '公民身份号码', '出生年月', '现居住地址', '人员类别', '户籍派出所']) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['城东社区居民信息台账（2026年11月）']);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(['填报单位：城东社区居委会', '', '', '', '填报日期：2026-11-20']);
  ws.addRow(header);
  rows.forEach((r, i) => ws.addRow([String(i + 1), ...r]));
  ws.addRow(['制表人：王芳']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(data: Buffer, fields: Record<string, string>, name = 'ledger.xlsx') {
  const boundary = '----ledger' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from('\r\n'),
  );
  // Fields after the file: the route reads the whole form.
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(client: Client, data: Buffer, fields: Record<string, string> = {}, communityId = community.chengdong, name?: string) {
  return client.request({ method: 'POST', url: `/api/imports/residents?communityId=${communityId}`, ...multipart(data, fields, name) });
}

async function finished(client: Client, jobId: string) {
  for (let i = 0; i < 400; i++) {
    const job = (await client.get(`/api/imports/${jobId}`)).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const resident = async (idNumber: string) => {
  const [r] = await t.database.query<{ id: string; name: string; grid_id: string; residence_type: string; household_id: string | null }>(
    `SELECT id, name, grid_id, residence_type, household_id FROM residents WHERE id_hash = $1`,
    [t.app.services.crypto.blindIndex(idNumber)],
  );
  return r;
};
const careGroups = async (residentId: string) =>
  (await t.database.query<{ group_type: string }>(`SELECT group_type FROM care_records WHERE resident_id = $1 ORDER BY group_type`, [residentId])).map(
    (r) => r.group_type,
  );

describe('the mapping step of POST /api/imports/residents', () => {
  it('finds the header below the title and proposes a mapping, importing nothing, when a column is unknown', async () => {
    const id = newId();
    const res = await upload(chengdong, await ledger([['李  明', '女', id, '1950.03', '幸福小区3栋201室', '高龄;独居', '城关派出所']]));
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ status: 'mapping_required', headerRow: 3, totalRows: 1, missing: [], saved: false });
    expect(p.columns.map((c: { key: string; guess: string | null; status: string }) => [c.key, c.guess, c.status])).toEqual([
      ['序号', 'ignore', 'known'],
      ['姓名', 'name', 'known'],
      ['性别', 'sex', 'known'],
      ['公民身份号码', 'idNumber', 'known'],
      ['出生年月', 'birthDate', 'known'],
      ['现居住地址', 'address', 'known'],
      ['人员类别', 'careGroups', 'known'],
      ['户籍派出所', null, 'unknown'],
    ]);
    expect(p.ignored).toEqual(['序号', '户籍派出所']);
    // Samples help recognise a column; an ID number among them is masked like everywhere else.
    expect(p.columns[3].samples).toEqual([`${id.slice(0, 6)}********${id.slice(-4)}`]);
    expect(p.columns[7].samples).toEqual(['城关派出所']);
    // The preview shows the row as stored: name joined, ID masked, grid from the building, groups by label.
    expect(p.preview[0]).toMatchObject({
      row: 4,
      values: { name: '李明', sex: '女', birthDate: '1950-03-08', grid: '城东第2网格', careGroups: '独居老人' },
      problems: [],
    });
    expect(p.preview[0].values.idNumber).toMatch(/^341881\*+\d{3}[\dX]$/);
    expect(p.preview[0].warnings).toEqual(['人员类别：“高龄”按身份证号的出生日期自动统计，无需登记']);
    expect(await resident(id)).toBeUndefined();
  });

  it('imports with the mapping sent back: grid from the building, care groups as dated records, warnings on the row', async () => {
    const [li, wang] = [newId('1950-03-08', 'F'), newId('1990-07-01', 'M')];
    const file = await ledger([
      ['李  明', '男', li, '1950.03', '幸福小区3栋201室', '高龄;独居、低保', '城关派出所'],
      ['王五', '男', wang, '1990.07', '人民路18号2单元', '流动人口 下岗失业；孤儿', ''],
    ]);
    const res = await upload(chengdong, file, { mapping: JSON.stringify({ 户籍派出所: 'ignore' }) });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ mappingSource: 'given', ignored: ['序号', '户籍派出所'], totalRows: 2 });
    const job = await finished(chengdong, res.json().jobId);
    expect(job).toMatchObject({ status: 'done', created: 2, failed: 0, careRecords: 4, hasReport: false });
    expect(job.warnings.map((w: { row: number; code: string }) => [w.row, w.code])).toEqual([
      [4, 'sex_mismatch'],
      [4, 'care_derived'],
      [5, 'care_unknown'],
    ]);
    const a = await resident(li);
    expect(a).toMatchObject({ name: '李明', grid_id: grid.cd2 });
    expect(a.household_id).not.toBeNull();
    expect(await careGroups(a.id)).toEqual(['dibao', 'elderly_alone']);
    const b = await resident(wang);
    expect(b).toMatchObject({ residence_type: 'floating', grid_id: grid.cd2 });
    expect(await careGroups(b.id)).toEqual(['floating', 'unemployed']);
    // The resident's page shows the groups.
    const page = (await chengdong.get(`/api/residents/${a.id}`)).json();
    expect(JSON.stringify(page)).toContain('elderly_alone');
  });

  it('takes the guess with mapping=auto, and a re-import adds no second care record', async () => {
    const id = newId();
    const file = await ledger([['赵六', '女', id, '1950.03', '幸福小区3栋502', '独居', '']]);
    for (let i = 0; i < 2; i++) {
      const res = await upload(chengdong, file, { mapping: 'auto' });
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json()).toMatchObject({ mappingSource: 'auto', mapping: { 户籍派出所: 'ignore', 姓名: 'name' } });
      await finished(chengdong, res.json().jobId);
    }
    expect(await careGroups((await resident(id)).id)).toEqual(['elderly_alone']);
  });

  it('saves a mapping for the layout and uses it for the next upload of the same layout without asking', async () => {
    const header = ['序号', '居民姓名', '身份证件号码', '楼栋房号', '网格'];
    const first = await ledger([['孙七', newId(), '幸福小区3栋', '第1网格']], header);
    const asked = await upload(chengdong, first);
    expect(asked.statusCode).toBe(200);
    expect(asked.json().columns.find((c: { key: string }) => c.key === '楼栋房号')).toMatchObject({ status: 'unknown' });
    const saved = await upload(chengdong, first, { mapping: JSON.stringify({ 楼栋房号: 'address' }), saveMapping: 'true' });
    expect(saved.statusCode, saved.body).toBe(202);
    const id = newId();
    const next = await upload(chengdong, await ledger([['周八', id, '幸福小区3栋', '第1网格']], header));
    expect(next.statusCode, next.body).toBe(202);
    expect(next.json()).toMatchObject({ mappingSource: 'saved', mapping: { 楼栋房号: 'address' } });
    await finished(chengdong, next.json().jobId);
    expect(await resident(id)).toMatchObject({ name: '周八', grid_id: grid.cd1 });
    // Another community does not see 城东's saved mapping.
    const elsewhere = await upload(chengxi, await ledger([['吴九', newId(), '幸福小区3栋', '第1网格']], header), {}, community.chengxi);
    expect(elsewhere.statusCode).toBe(200);
  });

  it('previews the rows under a mapping the worker changed, without importing', async () => {
    const id = newId();
    const res = await upload(chengdong, await ledger([['钱十', '女', id, '1950.03', '幸福小区3栋', '', '城关']]), {
      mapping: JSON.stringify({ 户籍派出所: 'notes' }),
      preview: 'true',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().preview[0].values.notes).toBe('城关');
    expect(res.json().ignored).toEqual(['序号']);
    expect(await resident(id)).toBeUndefined();
  });

  it('refuses a mapping that leaves an unknown column unnamed, names a column twice or a field that does not exist', async () => {
    const file = await ledger([['钱十一', '女', newId(), '1950.03', '幸福小区3栋', '', '城关']]);
    const cases: [Record<string, string>, RegExp][] = [
      [{ 姓名: 'name' }, /户籍派出所/],
      [{ 户籍派出所: 'name' }, /都对应/],
      [{ 户籍派出所: 'police' }, /字段无效/],
      [{ 不存在: 'ignore' }, /不在文件中/],
    ];
    for (const [mapping, message] of cases) {
      const res = await upload(chengdong, file, { mapping: JSON.stringify(mapping) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ path: 'mapping' });
      expect(res.json().error.details[0].message).toMatch(message);
    }
  });

  it('places rows with no building match in the default grid chosen at upload', async () => {
    const b = newId();
    const withDefault = await upload(chengdong, await ledger([['陈二', '女', b, '', '某街99号', '', '']]), { mapping: 'auto', defaultGridId: grid.cd1 });
    expect((await finished(chengdong, withDefault.json().jobId)).created).toBe(1);
    expect(await resident(b)).toMatchObject({ grid_id: grid.cd1 });
  });

  it('stores a row it cannot place without a grid, on the community’s 待分配网格 list, until a worker places it', async () => {
    const a = newId();
    const job = await finished(
      chengdong,
      (await upload(chengdong, await ledger([['冯一', '女', a, '', '某街99号', '', '']]), { mapping: 'auto' })).json().jobId,
    );
    expect(job).toMatchObject({ created: 1, failed: 0 });
    expect(job.warnings[0]).toMatchObject({ field: '网格', code: 'grid_unplaced', level: 'warning' });
    const stored = await resident(a);
    expect(stored).toMatchObject({ grid_id: null, household_id: null });

    const waiting = (await chengdong.get('/api/residents?unplaced=true')).json();
    expect(waiting.items.map((r: { id: string }) => r.id)).toContain(stored.id);
    expect(waiting.items.every((r: { gridId: string | null }) => r.gridId === null)).toBe(true);
    const detail = (await chengdong.get(`/api/residents/${stored.id}`)).json();
    expect(detail).toMatchObject({ gridId: null, gridName: null, communityName: '城东社区' });

    // Another community's worker neither sees nor places it; a grid of another community is refused by name.
    expect((await chengxi.get('/api/residents?unplaced=true')).json().items.map((r: { id: string }) => r.id)).not.toContain(stored.id);
    const foreign = await chengxi.post(`/api/residents/${stored.id}/place`, { gridId: grid.cx1, version: detail.version });
    expect(foreign.statusCode).toBe(404);
    const otherCommunity = await chengdong.post(`/api/residents/${stored.id}/place`, { gridId: grid.cx1, version: detail.version });
    expect(otherCommunity.statusCode).toBe(403);

    const placed = await chengdong.post(`/api/residents/${stored.id}/place`, { gridId: grid.cd2, version: detail.version });
    expect(placed.statusCode).toBe(200);
    expect(placed.json()).toMatchObject({ gridId: grid.cd2, gridName: '城东第2网格' });
    expect(await resident(a)).toMatchObject({ grid_id: grid.cd2 });
    const again = await chengdong.post(`/api/residents/${stored.id}/place`, { gridId: grid.cd1, version: placed.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('RESIDENT_ALREADY_PLACED');
  });

  it('refuses a grid worker’s row naming a resident of another community who waits for a grid, and changes nothing of theirs', async () => {
    const id = newId();
    await finished(
      chengxi,
      (await upload(chengxi, await ledger([['蒋六', '女', id, '', '某街5号', '', '']]), { mapping: 'auto' }, community.chengxi)).json().jobId,
    );
    const before = await resident(id);
    expect(before).toMatchObject({ grid_id: null, residence_type: 'registered_resident' });
    const gridWorker = await t.login('grid-chengdong');
    const file = await ledger([['蒋六', id, '流动人口', '第1网格']], ['序号', '姓名', '公民身份号码', '人员类别', '网格']);
    const job = await finished(gridWorker, (await upload(gridWorker, file, { mapping: 'auto' })).json().jobId);
    expect(job).toMatchObject({ failed: 1, created: 0, unchanged: 0 });
    expect(job.errors[0]).toMatchObject({ code: 'cannot_register' });
    expect(await resident(id)).toMatchObject({ grid_id: null, residence_type: 'registered_resident' });
    expect(await careGroups(before.id)).toEqual([]);
  });

  it('keeps the grid of a registered resident when a re-import cannot place the row', async () => {
    const c = newId();
    await finished(
      chengdong,
      (await upload(chengdong, await ledger([['卫五', '女', c, '', '某街7号', '', '']]), { mapping: 'auto', defaultGridId: grid.cd1 })).json().jobId,
    );
    const job = await finished(
      chengdong,
      (await upload(chengdong, await ledger([['卫五', '女', c, '', '某街8号', '', '']]), { mapping: 'auto' })).json().jobId,
    );
    expect(job.failed).toBe(0);
    expect(await resident(c)).toMatchObject({ grid_id: grid.cd1 });
  });

  it('refuses a default grid outside the importer’s scope with 403', async () => {
    const res = await upload(chengdong, await ledger([['褚三', '女', newId(), '', '某街1号', '', '']]), { mapping: 'auto', defaultGridId: grid.cx1 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OUT_OF_SCOPE');
  });

  it('refuses a sheet without a header row, repeating no one’s ID number or phone', async () => {
    const id = newId();
    const csv = `张三,${id},13912345678,第1网格\n李四,${newId()},13812345678,第1网格\n`;
    const res = await upload(chengdong, Buffer.from(csv), { mapping: 'auto' }, community.chengdong, 'noheader.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_BAD_HEADER');
    expect(res.body).not.toContain(id);
    expect(res.body).not.toContain('13912345678');
    expect(res.json().error.details.found[1]).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
  });

  it('refuses a formula in the name, reads full-width ID digits and says when Excel rounded an ID in a CSV', async () => {
    const full = newId();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['姓名', '身份证号', '网格']);
    ws.addRow([{ formula: 'HYPERLINK("http://x","点我")', result: '点我' }, newId(), '第1网格']);
    ws.addRow(['卫四', full.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)), '第1网格']);
    const res = await upload(chengdong, Buffer.from(await wb.xlsx.writeBuffer()));
    const job = await finished(chengdong, res.json().jobId);
    expect(job).toMatchObject({ created: 1, failed: 1 });
    expect(job.errors[0]).toMatchObject({ row: 2, field: '姓名', code: 'formula' });
    expect(await resident(full)).toMatchObject({ name: '卫四' });

    const csv = Buffer.from('姓名,身份证号,网格\r\n蒋五,3.41881E+17,第1网格\r\n=1+1,' + newId() + ',第1网格\r\n');
    const csvJob = await finished(chengdong, (await upload(chengdong, csv, {}, community.chengdong, 'rounded.csv')).json().jobId);
    expect(csvJob.errors.map((e: { code: string; message: string }) => [e.code, e.message])).toEqual([
      ['id_rounded', 'Excel 可能已将身份证号按数字四舍五入，请将该列设为文本后重新录入'],
      ['formula', '姓名以 = + - @ 开头，像是公式，不能作为身份信息导入'],
    ]);
  });

  it('says 文件中没有数据 for a workbook with only a title', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRow(['城东社区居民信息台账']);
    const res = await upload(chengdong, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_EMPTY');
  });
});

describe('full-width digits and spaced names in the resident forms', () => {
  const fullWidth = (s: string) => s.replace(/[0-9X]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

  it('registers a resident typed with a full-width ID number and phone and a spaced name, as the import does', async () => {
    const id = newId('1980-01-02', 'M');
    const res = await chengdong.post('/api/residents', { name: '周  全', idNumber: fullWidth(id), gridId: grid.cd1, phone: '１３８ ０000 1111' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.name).toBe('周全');
    expect(await resident(id)).toMatchObject({ name: '周全' });
    const reveal = await chengdong.post(`/api/residents/${body.id}/reveal`);
    expect(reveal.json()).toMatchObject({ idNumber: id, phone: '13800001111' });

    const edit = await chengdong.patch(`/api/residents/${body.id}`, { version: body.version, name: 'Anna   Li', phone: '１３９００００２２２２' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().name).toBe('Anna Li');
  });
});
