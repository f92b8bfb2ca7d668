import path from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { AppError } from '../../lib/errors';

/** One row of a worksheet as read: its row number and its cells as text (gaps are ''). */
export interface XlsxRow {
  /** The sheet's own row number (`<row r>`), as a spreadsheet shows it. */
  line: number;
  /** Cell texts, column A first; columns up to the last non-empty cell, gaps filled with ''. */
  cells: string[];
  /** Columns whose number was too long to be exact (an ID number typed as a number). */
  lossy?: number[];
  /** Columns whose cell held a formula (`<f>`); the text is its cached result. */
  formulas?: number[];
}

/** Options of the reader. */
export interface XlsxReadOptions {
  /** Cuts the inflated bytes into pieces of at most this size (tests of the decoding). */
  chunkBytes?: number;
  /** Dense cells allowed over the sheet (default 10 million). */
  maxCells?: number;
}

/** Excel's own limits: columns A…XFD, rows 1…1,048,576. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;
/** Dense cells kept over the whole sheet (gaps count): 100,000 rows × 100 columns. */
const MAX_CELLS = 10_000_000;

const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

/** A refusal with a reason for the user; the parser's own message goes to the server log only. */
const unsafe = (reason: string, cause?: unknown) => {
  const err = new AppError('IMPORT_UNSAFE_FILE', { reason }, { reason });
  if (cause !== undefined) err.cause = cause;
  return err;
};

/** The name without its namespace prefix (`x:row` → `row`): some writers prefix SpreadsheetML. */
const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/**
 * Reads the first worksheet of an .xlsx (workbook order) and hands each non-empty row to `onRow`, in
 * sheet order. Entries are opened through the zip's central directory, so their order in the archive
 * does not matter; every part is parsed as a stream, its bytes decoded by a streaming UTF-8 decoder
 * before the SAX parser sees them, so no character is ever cut in two. Only the shared strings and the
 * styles' date formats are held in memory, never the sheet.
 */
export async function readFirstSheet(buf: Buffer, onRow: (row: XlsxRow) => void, options: XlsxReadOptions = {}): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (err) {
    throw unsafe('not a readable zip archive', err);
  }
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
    const open = (name: string) => {
      const entry = entries.get(name.toLowerCase());
      return entry ? partText(zip, entry, options.chunkBytes) : null;
    };

    const workbook = await readWorkbook(open('xl/workbook.xml'));
    const rels = await readRelationships(open('xl/_rels/workbook.xml.rels'));
    const target = (id: string | undefined) => {
      const rel = id ? rels.get(id) : undefined;
      return rel ? { ...rel, part: resolvePart('xl/workbook.xml', rel.target) } : undefined;
    };
    const first = workbook.sheets.map(target).find((r) => r && REL_WORKSHEET.test(r.type));
    if (!first) throw unsafe('the workbook has no worksheet');
    const related = (type: RegExp, fallback: string) => [...rels.values()].find((r) => type.test(r.type))?.target ?? fallback;
    const sharedStrings = await readSharedStrings(open(resolvePart('xl/workbook.xml', related(REL_SHARED_STRINGS, 'sharedStrings.xml'))));
    const dateStyles = await readDateStyles(open(resolvePart('xl/workbook.xml', related(REL_STYLES, 'styles.xml'))));
    const sheet = open(first.part);
    if (!sheet) throw unsafe('the first worksheet is missing from the archive');
    await readSheetRows(sheet, { sharedStrings, dateStyles, date1904: workbook.date1904, maxCells: options.maxCells ?? MAX_CELLS }, onRow);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (/too many bytes/i.test((err as Error).message ?? '')) throw unsafe('entry unpacks to more than it declares', err);
    throw unsafe('unreadable workbook', err);
  } finally {
    zip.close();
  }
}

/** A part's text, decoded as it streams: UTF-8 (or UTF-16 with a byte-order mark), never cut inside a character. */
async function* partText(zip: yauzl.ZipFile, entry: yauzl.Entry, chunkBytes?: number): AsyncGenerator<string> {
  const stream = await zip.openReadStreamPromise(entry);
  let decoder: TextDecoder | null = null;
  try {
    for await (const inflated of stream as AsyncIterable<Buffer>) {
      for (const chunk of pieces(inflated, chunkBytes)) {
        // The encoding comes from the first bytes; a part shorter than two bytes is UTF-8 or empty anyway.
        decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : 'utf-8', { fatal: true });
        const text = decoder.decode(chunk, { stream: true });
        if (text) yield text;
      }
    }
    const rest = decoder?.decode();
    if (rest) yield rest;
  } catch (err) {
    if (err instanceof TypeError && (err as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw unsafe('text that is not valid UTF-8', err);
    throw err;
  } finally {
    stream.destroy();
  }
}

function* pieces(chunk: Buffer, size?: number): Generator<Buffer> {
  if (!size || chunk.length <= size) {
    yield chunk;
    return;
  }
  for (let i = 0; i < chunk.length; i += size) yield chunk.subarray(i, i + size);
}

/** A part path from a relationship target: relative to the source part's folder, or absolute from the root. */
function resolvePart(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(source), target));
}

interface SaxHandlers {
  open(tag: SaxesTagPlain): void;
  close(name: string): void;
  text?(text: string): void;
}

/** Feeds decoded text to a SAX parser; handlers may throw to stop early (the rest is not read). */
async function parse(text: AsyncIterable<string>, h: SaxHandlers): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let failure: Error | undefined;
  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('opentag', (tag) => h.open(tag));
  parser.on('closetag', (tag) => h.close(local(tag.name)));
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  for await (const chunk of text) {
    parser.write(chunk);
    if (failure) throw failure;
  }
  parser.close();
  if (failure) throw failure;
}

/** The sheets in workbook order (their relationship ids), and whether dates count from 1904. */
async function readWorkbook(text: AsyncIterable<string> | null) {
  if (!text) throw unsafe('the workbook part is missing');
  const sheets: string[] = [];
  let date1904 = false;
  await parse(text, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'sheet') {
        const id = Object.entries(tag.attributes).find(([k]) => local(k) === 'id' && k.includes(':'))?.[1];
        if (id) sheets.push(id);
      } else if (name === 'workbookPr') {
        const v = tag.attributes.date1904;
        date1904 = v === '1' || v === 'true';
      }
    },
    close() {},
  });
  return { sheets, date1904 };
}

/** Relationship id → { type, target } of a .rels part. */
async function readRelationships(text: AsyncIterable<string> | null) {
  const rels = new Map<string, { type: string; target: string }>();
  if (!text) return rels;
  await parse(text, {
    open(tag) {
      if (local(tag.name) !== 'Relationship' || tag.attributes.TargetMode === 'External') return;
      const { Id, Type, Target } = tag.attributes;
      if (Id && Type && Target) rels.set(Id, { type: Type, target: Target });
    },
    close() {},
  });
  return rels;
}

/**
 * Collects the text of `<t>` elements in a string item (`<si>` or `<is>`): plain, or rich-text runs
 * (`<r><t>`), but not phonetic runs (`<rPh>`, furigana), which are not part of the value. Spaces are kept
 * as written whether or not `xml:space="preserve"` says so (Excel itself keeps them); trimming a value is
 * the row's rules' business, not the reader's.
 */
class StringItem {
  private depthRph = 0;
  private inT = false;
  value = '';

  open(name: string) {
    if (name === 'rPh') this.depthRph++;
    else if (name === 't' && this.depthRph === 0) this.inT = true;
  }
  close(name: string) {
    if (name === 'rPh') this.depthRph--;
    else if (name === 't') this.inT = false;
  }
  text(text: string) {
    if (this.inT) this.value += text;
  }
  reset() {
    this.depthRph = 0;
    this.inT = false;
    this.value = '';
  }
}

async function readSharedStrings(text: AsyncIterable<string> | null): Promise<string[]> {
  const strings: string[] = [];
  if (!text) return strings;
  const item = new StringItem();
  let inItem = false;
  await parse(text, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'si') {
        inItem = true;
        item.reset();
      } else if (inItem) item.open(name);
    },
    close(name) {
      if (name === 'si') {
        strings.push(detach(item.value));
        inItem = false;
      } else if (inItem) item.close(name);
    },
    text(t) {
      if (inItem) item.text(t);
    },
  });
  return strings;
}

/** Built-in number formats that show a date (zh-CN numbering; 18–21, 32–35, 45–47, 55–56 are times). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

/** Whether a number format code shows a date: a y or d outside quoted text, escapes, fills and [brackets]. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\.|_.|\*./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(bare);
}

/** The cell style indexes (`<c s>`) whose number format is a date. */
async function readDateStyles(text: AsyncIterable<string> | null): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!text) return dates;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  await parse(text, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'numFmt') {
        const id = Number(tag.attributes.numFmtId);
        if (isDateFormat(tag.attributes.formatCode ?? '')) customDates.add(id);
      } else if (name === 'cellXfs') {
        inCellXfs = true;
        index = 0;
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        if (BUILTIN_DATE_FORMATS.has(id) || customDates.has(id)) dates.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}

/** Column index (0-based) of a cell reference such as `B7` or `$AB$12`; -1 when there are no letters. */
export function columnIndex(ref: string): number {
  let n = 0;
  let letters = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c >= 0x61 && c <= 0x7a) {
      n = n * 26 + (c - 0x60);
      letters++;
    } else if (letters > 0 || ref[i] !== '$') break;
  }
  return letters === 0 ? -1 : n - 1;
}

/** An Excel serial day → YYYY-MM-DD (the 1900 system counts a 29 February 1900 that never was). */
export function serialToDate(serial: number, date1904: boolean): string | null {
  if (!(serial >= 1 && serial < 2_958_466)) return null;
  const day = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(epoch + day * 86_400_000).toISOString().slice(0, 10);
}

/** Number cell text → the digits a person typed; beyond 2^53 the number has already lost digits. */
export function numberText(raw: string): { text: string; lossy: boolean } {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) return { text: raw, lossy: false };
  const lossy = Math.abs(value) > Number.MAX_SAFE_INTEGER;
  return { text: Number.isInteger(value) ? BigInt(value).toString() : String(value), lossy };
}

/**
 * A copy of a text that holds only itself. V8 keeps a substring of 13 or more characters as a view of the
 * string it was cut from (here the decoded chunk the parser saw), so a cell kept until the job is done
 * would keep its whole chunk alive: 100k rows held 170 MB instead of 60 MB.
 */
const detach = (text: string) => (text.length >= 13 ? Buffer.from(text, 'utf8').toString('utf8') : text);

interface SheetContext {
  sharedStrings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
  maxCells: number;
}

/** Streams `<sheetData>`: one `onRow` per `</row>` that holds any non-empty cell. */
async function readSheetRows(text: AsyncIterable<string>, ctx: SheetContext, onRow: (row: XlsxRow) => void): Promise<void> {
  let line = 0;
  let cells: string[] = [];
  let lossy: number[] = [];
  let formulas: number[] = [];
  let width = 0; // columns up to the last non-empty cell
  let cellBudget = ctx.maxCells;
  // The current cell.
  let col = -1;
  let nextCol = 0;
  let type = 'n';
  let style = -1;
  let value = '';
  let inV = false;
  let inIs = false;
  const inline = new StringItem();

  const finishCell = () => {
    let text: string;
    switch (type) {
      case 's': {
        const i = Number(value);
        if (value.trim() === '') text = '';
        else if (!Number.isInteger(i) || i < 0 || i >= ctx.sharedStrings.length) throw unsafe('a cell refers to a shared string that does not exist');
        else text = ctx.sharedStrings[i];
        break;
      }
      case 'inlineStr':
        text = inline.value || value;
        break;
      case 'str':
        text = value;
        break;
      case 'b':
        text = value === '1' || value === 'true' ? 'TRUE' : value === '' ? '' : 'FALSE';
        break;
      case 'e':
        text = '';
        break;
      case 'd':
        text = value.slice(0, 10);
        break;
      default: {
        const date = style >= 0 && value !== '' && ctx.dateStyles.has(style) ? serialToDate(Number(value), ctx.date1904) : null;
        if (date) text = date;
        else {
          const n = numberText(value);
          text = n.text;
          if (n.lossy) lossy.push(col);
        }
      }
    }
    if (text !== '') {
      cells[col] = detach(text);
      if (col + 1 > width) width = col + 1;
    }
  };

  await parse(text, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'c') {
        const ref = tag.attributes.r;
        col = ref ? columnIndex(ref) : nextCol;
        if (col < 0) col = nextCol;
        if (col >= MAX_COLUMN) throw unsafe('a cell lies beyond column XFD');
        nextCol = col + 1;
        type = tag.attributes.t ?? 'n';
        style = tag.attributes.s === undefined ? -1 : Number(tag.attributes.s);
        value = '';
        inline.reset();
      } else if (name === 'v') {
        inV = true;
      } else if (name === 'is') {
        inIs = true;
      } else if (inIs) {
        inline.open(name);
      } else if (name === 'f') {
        formulas.push(col);
      } else if (name === 'row') {
        const r = Number(tag.attributes.r);
        line = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : line + 1;
        cells = [];
        lossy = [];
        formulas = [];
        width = 0;
        nextCol = 0;
      }
    },
    close(name) {
      if (name === 'v') inV = false;
      else if (name === 'is') inIs = false;
      else if (inIs) inline.close(name);
      else if (name === 'c') finishCell();
      else if (name === 'row') {
        if (width === 0) return;
        cellBudget -= width;
        if (cellBudget < 0) throw unsafe(`more than ${ctx.maxCells} cells`);
        for (let i = 0; i < width; i++) if (cells[i] === undefined) cells[i] = '';
        const row: XlsxRow = { line, cells };
        const lossyHere = lossy.filter((c) => c < width);
        const formulasHere = formulas.filter((c) => c < width);
        if (lossyHere.length) row.lossy = lossyHere;
        if (formulasHere.length) row.formulas = formulasHere;
        onRow(row);
      }
    },
    text(t) {
      if (inV) value += t;
      else if (inIs) inline.text(t);
    },
  });
}
