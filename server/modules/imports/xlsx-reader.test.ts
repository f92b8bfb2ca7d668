import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { handWorkbook, inlineCell, richInlineCell, worksheetXml } from './test-workbooks';
import { columnIndex, isDateFormat, numberText, readFirstSheet, serialToDate, type XlsxRow, type XlsxReadOptions } from './xlsx-reader';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function read(buf: Buffer, options?: XlsxReadOptions): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  await readFirstSheet(buf, (r) => rows.push(r), options);
  return rows;
}

async function refusal(buf: Buffer): Promise<AppError> {
  const err = await read(buf).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Text where every character is 3 or 4 bytes in UTF-8, so any cut lands inside one sooner or later. */
const DENSE = '𠮷野家𡈼𪚥龘䶮鑫淼焱垚𬌗堃喆赟昇瑄犇骉羴鱻𩽾𩾌𠀋𡃁珺琤琇璟';

describe('readFirstSheet', () => {
  it('reads every character of shared strings intact however the inflated bytes are cut, down to one byte at a time', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('居民');
    const expected: string[][] = [];
    for (let i = 0; i < 40; i++) {
      const row = [0, 1, 2].map((k) => [...DENSE].slice((i + k) % 7).join('') + `第${i}行`);
      expected.push(row);
      ws.addRow(row);
    }
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    for (const chunkBytes of [1, 2, 3, 5, 7, 64, undefined]) {
      const rows = await read(buf, { chunkBytes });
      expect(
        rows.map((r) => r.cells),
        `chunks of ${chunkBytes ?? 'any'} bytes`,
      ).toEqual(expected);
      expect(rows.map((r) => r.line)).toEqual(expected.map((_, i) => i + 1));
    }
  });

  it('reads inline strings and rich-text runs split into tiny chunks, joining the runs and skipping phonetic hints', async () => {
    const text = `${DENSE}；地址：幸福路１号`;
    const xml = worksheetXml([
      `<row r="1">${inlineCell('A1', text)}${richInlineCell('B1', text, [1, 3, 8])}<c r="C1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c></row>`,
    ]);
    const buf = await handWorkbook({ sheets: [{ name: '居民', xml }] });
    for (const chunkBytes of [1, 2, 3, undefined]) {
      const [row] = await read(buf, { chunkBytes });
      expect(row.cells).toEqual([text, text, '漢字']);
    }
  });

  it('takes rich text and phonetic runs of shared strings the same way', async () => {
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>张三</t></si><si><r><rPr><b/></rPr><t>幸福</t></r><r><t xml:space="preserve">路 1 号</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>とうきょう</t></rPh><phoneticPr fontId="1"/></si></sst>`;
    const xml = worksheetXml([`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`]);
    const [row] = await read(await handWorkbook({ sheets: [{ name: 'S', xml }], sharedStrings: sst }));
    expect(row.cells).toEqual(['张三', '幸福路 1 号', '東京']);
  });

  it('places cells by their reference: gaps become empty cells, skipped rows keep their numbers, empty rows are left out', async () => {
    const xml = worksheetXml([
      `<row r="2">${inlineCell('B2', '乙')}${inlineCell('D2', '丁')}</row>`,
      `<row r="3"><c r="A3"/><c r="B3" t="inlineStr"><is><t></t></is></c></row>`,
      `<row r="7">${inlineCell('A7', '甲')}</row>`,
      // No references at all: columns and rows follow on.
      `<row><c t="inlineStr"><is><t>一</t></is></c><c t="inlineStr"><is><t>二</t></is></c></row>`,
      `<row r="10"><c r="$C$10" t="inlineStr"><is><t>丙</t></is></c><c t="inlineStr"><is><t>丁</t></is></c></row>`,
    ]);
    const rows = await read(await handWorkbook({ sheets: [{ name: 'S', xml }] }));
    expect(rows).toEqual([
      { line: 2, cells: ['', '乙', '', '丁'] },
      { line: 7, cells: ['甲'] },
      { line: 8, cells: ['一', '二'] },
      { line: 10, cells: ['', '', '丙', '丁'] },
    ]);
  });

  it('reads numbers, booleans, errors, formula results and dates, marking formulas and numbers too long to be exact', async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="49"/></cellXfs></styleSheet>`;
    const xml = worksheetXml([
      '<row r="1">' +
        '<c r="A1"><v>341881197503081234</v></c>' + // an ID number typed as a number: lossy
        '<c r="B1" t="n"><v>13800001111</v></c>' +
        '<c r="C1"><v>1.5</v></c>' +
        '<c r="D1" t="b"><v>1</v></c>' +
        '<c r="E1" t="e"><v>#N/A</v></c>' +
        '<c r="F1" t="str"><f>HYPERLINK("http://x","点我")</f><v>点我</v></c>' +
        '<c r="G1" s="1"><v>27461</v></c>' + // 1975-03-08
        '<c r="H1" s="2"><v>45260.75</v></c>' +
        '<c r="I1" s="0"><v>27461</v></c>' +
        '<c r="J1"><f>1+1</f><v>2</v></c>' +
        '<c r="K1" t="d"><v>2026-11-29T00:00:00Z</v></c>' +
        '</row>',
    ]);
    const [row] = await read(await handWorkbook({ sheets: [{ name: 'S', xml }], styles }));
    expect(row.cells).toEqual(['341881197503081216', '13800001111', '1.5', 'TRUE', '', '点我', '1975-03-08', '2023-11-30', '27461', '2', '2026-11-29']);
    expect(row.lossy).toEqual([0]);
    expect(row.formulas).toEqual([5, 9]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const xml = worksheetXml(['<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>25999</v></c></row>']);
    const [row] = await read(await handWorkbook({ sheets: [{ name: 'S', xml }], styles, date1904: true }));
    // Serial 0 is not a date one would type; it stays a number.
    expect(row.cells).toEqual(['0', '1975-03-08']);
  });

  it('reads entities, character references, CDATA, kept spaces and elements with a namespace prefix', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>A&amp;B &lt;&#x20BB7;&#21016;&gt;</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t><![CDATA[<李>]]></x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t xml:space="preserve">  两边空格  </x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const [row] = await read(await handWorkbook({ sheets: [{ name: 'S', xml }] }));
    expect(row.cells).toEqual(['A&B <𠮷刘>', '<李>', '  两边空格  ']);
  });

  it('reads the first sheet in workbook order, whatever its part is called or where it lies in the archive', async () => {
    const buf = await handWorkbook({
      sheets: [
        { name: '居民', xml: worksheetXml([`<row r="1">${inlineCell('A1', '第一张')}</row>`]) },
        { name: '说明', xml: worksheetXml([`<row r="1">${inlineCell('A1', '第二张')}</row>`]) },
      ],
      partNames: ['sheet2.xml', 'sheet1.xml'],
    });
    expect((await read(buf))[0].cells).toEqual(['第一张']);
  });

  it('stops reading when the row handler throws (the row limit)', async () => {
    const xml = worksheetXml(Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}">${inlineCell(`A${i + 1}`, `行${i}`)}</row>`));
    const buf = await handWorkbook({ sheets: [{ name: 'S', xml }] });
    let seen = 0;
    const stop = new AppError('IMPORT_TOO_MANY_ROWS', { limit: 10 });
    await expect(
      readFirstSheet(buf, () => {
        if (++seen > 10) throw stop;
      }),
    ).rejects.toBe(stop);
    expect(seen).toBe(11);
  });

  it('refuses an undefined entity (an XXE attempt) with a reason, keeping the parser’s message out of the details', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
    const err = await refusal(await handWorkbook({ sheets: [{ name: 'S', xml }] }));
    expect(err.code).toBe('IMPORT_UNSAFE_FILE');
    expect(err.details).toEqual({ reason: 'unreadable workbook' });
    expect(String((err.cause as Error).message)).toMatch(/undefined entity/);
  });

  it('refuses bytes that are not UTF-8 rather than storing replacement characters', async () => {
    const zip = await JSZip.loadAsync(await handWorkbook({ sheets: [{ name: 'S', xml: worksheetXml([`<row r="1">${inlineCell('A1', 'ok')}</row>`]) }] }));
    const bad = Buffer.concat([
      Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`),
      Buffer.from([0xe5, 0x88]),
      Buffer.from('</t></is></c></row></sheetData></worksheet>'),
    ]);
    zip.file('xl/worksheets/sheet1.xml', bad);
    const err = await refusal(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(err.details).toEqual({ reason: 'text that is not valid UTF-8' });
  });

  it('refuses a cell beyond column XFD, and a sheet whose rows, gaps counted, exceed the cell budget', async () => {
    const far = await refusal(await handWorkbook({ sheets: [{ name: 'S', xml: worksheetXml([`<row r="1">${inlineCell('XFE1', 'x')}</row>`]) }] }));
    expect(far.details).toEqual({ reason: 'a cell lies beyond column XFD' });
    // One value in column Z per row: 26 cells each once the gaps are filled.
    const sparse = await handWorkbook({ sheets: [{ name: 'S', xml: worksheetXml([1, 2, 3].map((r) => `<row r="${r}">${inlineCell(`Z${r}`, 'z')}</row>`)) }] });
    expect(await read(sparse, { maxCells: 78 })).toHaveLength(3);
    const err = await read(sparse, { maxCells: 77 }).catch((e: AppError) => e);
    expect(err).toMatchObject({ code: 'IMPORT_UNSAFE_FILE', details: { reason: 'more than 77 cells' } });
  });

  it('refuses a cell pointing at a shared string that does not exist, and a workbook without a worksheet', async () => {
    const xml = worksheetXml(['<row r="1"><c r="A1" t="s"><v>5</v></c></row>']);
    const missing = await refusal(await handWorkbook({ sheets: [{ name: 'S', xml }], sharedStrings: `<sst xmlns="${MAIN}"><si><t>a</t></si></sst>` }));
    expect(missing.details).toEqual({ reason: 'a cell refers to a shared string that does not exist' });
    const none = await refusal(await handWorkbook({ sheets: [] }));
    expect(none.details).toEqual({ reason: 'the workbook has no worksheet' });
  });
});

describe('cell helpers', () => {
  it('turns cell references into column indexes', () => {
    expect(['A1', 'Z9', 'AA1', '$AB$12', 'XFD1048576', 'b7', '12'].map(columnIndex)).toEqual([0, 25, 26, 27, 16383, 1, -1]);
  });

  it('turns Excel serial days into dates, past the 1900 leap-year bug', () => {
    expect(serialToDate(1, false)).toBe('1900-01-01');
    expect(serialToDate(59, false)).toBe('1900-02-28');
    expect(serialToDate(61, false)).toBe('1900-03-01');
    expect(serialToDate(27461.99, false)).toBe('1975-03-08');
    expect(serialToDate(0, false)).toBeNull();
    expect(serialToDate(Number('341881197503081234'), false)).toBeNull();
  });

  it('tells date formats from number and text formats', () => {
    expect(['yyyy-mm-dd', 'yyyy"年"m"月"', '[$-804]m"月"d"日"', 'dd/mm/yy;@', '[DBNum1]yyyy"年"m"月"d"日"'].every(isDateFormat)).toBe(true);
    expect(['0', '@', '#,##0.00', '0.00E+00', '"day"0', '[h]:mm', '_(* #,##0_);_(* "-"??_);_(@_)'].some(isDateFormat)).toBe(false);
  });

  it('writes integers in full and flags those beyond 2^53', () => {
    expect(numberText('3.41881197503081E+17')).toEqual({ text: '341881197503081024', lossy: true });
    expect(numberText('13800001111')).toEqual({ text: '13800001111', lossy: false });
    expect(numberText('0.1')).toEqual({ text: '0.1', lossy: false });
    expect(numberText('abc')).toEqual({ text: 'abc', lossy: false });
  });
});
