/**
 * Residents import, end to end through the HTTP API: generates an .xlsx and a .csv of the same N residents
 * (valid ID numbers, households of three), uploads each into a fresh database as the 城东 community worker,
 * polls the job until it is done, and prints the time and rows/s; then imports the same file again (every
 * row unchanged). Beside them, the limit: the very rows the import stored, loaded with raw COPY into
 * copies of their tables with the same indexes (the residents alone, and all four tables the import writes).
 *
 *   npx tsx bench/import.ts [--rows 100000] [--format xlsx|csv|both]                    # in-memory PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/import.ts   # PostgreSQL (fresh databases, dropped after)
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../shared/domain/id-number';
import { createTestApp, type Client, type TestApp } from '../server/test/app';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ROWS = Number(arg('--rows') ?? 100_000);
const FORMATS = (arg('--format') ?? 'both') === 'both' ? (['xlsx', 'csv'] as const) : ([arg('--format')] as ('xlsx' | 'csv')[]);

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔詹';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍建华建国志强海燕红梅晓东文斌国庆春花振华永红俊杰子涵欣怡浩然梓萱宇轩一诺';
const EDUCATION = ['小学', '初中', '高中', '中专/技校', '大专', '本科'];
const POLITICAL = ['群众', '群众', '群众', '中共党员', '共青团员'];

function* residents(n: number) {
  let seed = 12345;
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  for (let i = 0; i < n; i++) {
    const role = i % 3; // head, spouse, child
    const year = role === 2 ? 1985 + rand(30) : 1940 + rand(45);
    const birth = `${year}-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
    const sex = role === 0 ? 'M' : role === 1 ? 'F' : rand(2) ? 'M' : 'F';
    // Unique per row: the region code's last three digits and the sequence number come from i.
    const region = `341${String(100 + Math.floor(i / 500)).padStart(3, '0')}`;
    const id = makeIdNumber(region, birth, (i % 500) * 2, sex);
    const household = Math.floor(i / 3);
    const name = SURNAMES[rand(SURNAMES.length)] + GIVEN[rand(GIVEN.length)] + (rand(2) ? GIVEN[rand(GIVEN.length)] : '');
    yield [
      name,
      id,
      '汉族',
      `1${3 + rand(6)}${String(rand(1e9)).padStart(9, '0')}`,
      EDUCATION[rand(EDUCATION.length)],
      POLITICAL[rand(POLITICAL.length)],
      role < 2 ? '已婚' : '未婚',
      year < 1965 ? '离退休' : '在业',
      '户籍常住',
      ['户主', '配偶', sex === 'M' ? '子' : '女'][role],
      `城东第${1 + (household % 8)}网格`,
      `幸福路${household}号`,
      '',
    ];
  }
}

/** The columns residents() writes, in its order (the template has more; each is found by its name). */
const HEADERS = ['姓名', '身份证号', '民族', '联系电话', '文化程度', '政治面貌', '婚姻状况', '就业状况', '居住类型', '与户主关系', '网格', '住址', '备注'];

function makeCsv(n: number): Buffer {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [HEADERS.map(cell).join(',')];
  for (const r of residents(n)) lines.push(r.map(cell).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

async function makeXlsx(n: number): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const ended = new Promise((r) => out.on('end', r));
  // Shared strings, as Excel writes them.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('居民信息');
  ws.addRow(HEADERS).commit();
  for (const r of residents(n)) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(parts);
}

function multipart(name: string, data: Buffer) {
  const boundary = '----shequbench';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function runImport(client: Client, communityId: string, file: Buffer, format: 'xlsx' | 'csv') {
  const body = multipart(`bench.${format}`, file);
  const t0 = performance.now();
  const res = await client.request({
    method: 'POST',
    url: `/api/imports/residents?communityId=${communityId}`,
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
  if (res.statusCode !== 202) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  const accepted = performance.now() - t0;
  const { jobId } = res.json() as { jobId: string };
  let job: Record<string, unknown>;
  for (;;) {
    job = (await client.get(`/api/imports/${jobId}`)).json();
    if (job.status === 'done' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const total = performance.now() - t0;
  // A benchmark of rows that all failed measures nothing: stop rather than print its numbers.
  if (job.status !== 'done' || (job.failed as number) > 0)
    throw new Error(
      `the import did not store every row: ${JSON.stringify({ status: job.status, failed: job.failed, errors: (job.errors as unknown[]).slice(0, 2) })}`,
    );
  return { acceptedMs: Math.round(accepted), totalMs: Math.round(total), job };
}

/** The tables an import writes: the residents, their name keys (a trigger), new households and the move history. */
const STORED_TABLES = ['residents', 'resident_name_keys', 'households', 'resident_moves'] as const;

/**
 * The limit: rows the import stored, loaded again with raw COPY into empty copies of their tables with the
 * same indexes (no parsing, validation, encryption, triggers or audit). Two limits: the residents table
 * alone (the one the issue names), and every row the import stored in the four tables it writes.
 */
async function rawCopy(t: TestApp, tables: readonly string[]): Promise<{ ms: number; rows: number; rowsPerSecond: number }> {
  let ms = 0;
  let stored = 0;
  let residents = 0;
  for (const table of tables) {
    const cols = (
      await t.database.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      )
    ).map((c) => c.name);
    const rows = await t.database.query<Record<string, string | null>>(`SELECT ${cols.map((c) => `${c}::text AS ${c}`).join(', ')} FROM ${table}`);
    const cell = (v: string | null) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);
    const csv = rows.map((r) => cols.map((c) => cell(r[c])).join(',')).join('\n') + '\n';
    await t.database.query(`CREATE TABLE ${table}_copy_limit (LIKE ${table} INCLUDING ALL)`);
    const t0 = performance.now();
    await t.database.copyCsv(`${table}_copy_limit`, cols, csv);
    ms += performance.now() - t0;
    await t.database.query(`DROP TABLE ${table}_copy_limit`);
    stored += rows.length;
    if (table === 'residents') residents = rows.length;
  }
  return { ms: Math.round(ms), rows: stored, rowsPerSecond: Math.round(residents / (ms / 1000)) };
}

async function main() {
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const results: Record<string, unknown> = { kind, rows: ROWS };
  for (const format of FORMATS) {
    const tg = performance.now();
    const file = format === 'xlsx' ? await makeXlsx(ROWS) : makeCsv(ROWS);
    console.log(`generated ${ROWS} rows as .${format}: ${(file.length / 1024 / 1024).toFixed(1)} MB in ${Math.round(performance.now() - tg)} ms`);
    const t = await createTestApp({ config: { upload: { maxBytes: 100 * 1024 * 1024, maxRows: Math.max(ROWS, 200_000), reportDays: 7 } } });
    try {
      const client = await t.login('chengdong');
      const [c] = await t.database.query<{ id: string }>(`SELECT id FROM regions WHERE code = '341881001001'`);
      const passes: Record<string, unknown> = { fileBytes: file.length };
      for (const pass of ['first', 'again'] as const) {
        const r = await runImport(client, c.id, file, format);
        const j = r.job as { status: string; created: number; updated: number; unchanged: number; failed: number; errors: unknown[] };
        const rps = Math.round(ROWS / (r.totalMs / 1000));
        console.log(
          `${kind} .${format} ${pass === 'first' ? 'import ' : 're-import'}: ${ROWS} rows in ${(r.totalMs / 1000).toFixed(1)} s (upload+parse ${(r.acceptedMs / 1000).toFixed(1)} s) = ${rps} rows/s; status ${j.status}, created ${j.created}, updated ${j.updated}, unchanged ${j.unchanged}, failed ${j.failed}`,
        );
        if (j.failed) console.log('first errors:', JSON.stringify(j.errors.slice(0, 3)));
        passes[pass] = {
          ...r,
          rowsPerSecond: rps,
          job: undefined,
          counts: { created: j.created, updated: j.updated, unchanged: j.unchanged, failed: j.failed },
        };
      }
      if (format === FORMATS[0]) {
        const first = passes.first as { totalMs: number };
        const limits: Record<string, unknown> = {};
        for (const [label, tables] of [
          ['residents', ['residents']],
          ['everything stored', STORED_TABLES],
        ] as const) {
          const limit = await rawCopy(t, tables);
          const ratio = Math.round((first.totalMs / limit.ms) * 10) / 10;
          console.log(
            `${kind} raw COPY of ${label} (${tables.join(', ')}; ${limit.rows} rows): ${(limit.ms / 1000).toFixed(1)} s = ${limit.rowsPerSecond} residents/s; import / COPY = ${ratio}×`,
          );
          limits[label] = { ...limit, tables, importOverCopy: ratio };
        }
        results.rawCopy = limits;
      }
      results[format] = passes;
    } finally {
      await t.close();
    }
  }
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `import-${kind}-${ROWS}.json`), JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
