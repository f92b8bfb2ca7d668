/**
 * Test helpers: .xlsx files written by hand as XML and zipped with jszip, to stand for writers other
 * than exceljs (WPS, LibreOffice, Excel itself): inline strings, rich-text runs, prefixed elements,
 * sheets in another order. Used by the reader's unit tests and the import round-trip test.
 */
import JSZip from 'jszip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Escapes text for XML character data and attribute values. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An inline-string cell, as LibreOffice and many generators write it. */
export const inlineCell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${esc(text)}</t></is></c>`;

/** An inline rich-text cell: the text cut into runs, every other one bold (as WPS writes formatted text). */
export function richInlineCell(ref: string, text: string, cuts: number[]) {
  const chars = [...text];
  const runs: string[] = [];
  let from = 0;
  for (const [i, to] of [...cuts, chars.length].entries()) {
    const part = chars.slice(from, to).join('');
    from = to;
    if (!part) continue;
    runs.push(`<r>${i % 2 ? '<rPr><b/><sz val="11"/><rFont val="宋体"/></rPr>' : ''}<t xml:space="preserve">${esc(part)}</t></r>`);
  }
  return `<c r="${ref}" t="inlineStr"><is>${runs.join('')}</is></c>`;
}

/** A worksheet part around `<row>` elements. */
export const worksheetXml = (rows: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows.join('')}</sheetData></worksheet>`;

export interface HandSheet {
  name: string;
  /** The worksheet part's XML. */
  xml: string;
}

/**
 * Zips a workbook: sheets listed in the given order in workbook.xml, stored in the archive under
 * `partNames` (default sheet1.xml, sheet2.xml…) so the first listed sheet need not be sheet1.xml.
 */
export async function handWorkbook(opts: {
  sheets: HandSheet[];
  partNames?: string[];
  sharedStrings?: string;
  styles?: string;
  date1904?: boolean;
}): Promise<Buffer> {
  const zip = new JSZip();
  const parts = opts.partNames ?? opts.sheets.map((_, i) => `sheet${i + 1}.xml`);
  const overrides = parts
    .map((p) => `<Override PartName="/xl/worksheets/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('');
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetEntries = opts.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`).join('');
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${opts.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetEntries}</sheets></workbook>`,
  );
  const rels = opts.sheets.map((_, i) => `<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="worksheets/${parts[i]}"/>`);
  if (opts.sharedStrings) rels.push(`<Relationship Id="rIdSS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (opts.styles) rels.push(`<Relationship Id="rIdST" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`);
  // Bytes, not strings: JSZip's own UTF-8 encoder cuts a character outside the BMP (𡈼) at its chunk
  // boundaries, which wrote U+FFFD into the very files meant to prove the reader keeps every character.
  opts.sheets.forEach((s, i) => zip.file(`xl/worksheets/${parts[i]}`, Buffer.from(s.xml, 'utf8')));
  if (opts.sharedStrings) zip.file('xl/sharedStrings.xml', Buffer.from(opts.sharedStrings, 'utf8'));
  if (opts.styles) zip.file('xl/styles.xml', opts.styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
