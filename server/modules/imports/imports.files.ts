import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import yauzl from 'yauzl';
import { HEADER_SCAN_ROWS } from '../../../shared/domain/ledger-header';
import { AppError } from '../../lib/errors';
import { readFirstSheet } from './xlsx-reader';
import { redactIdentifiers } from '../../lib/identity';

/** The spreadsheet kinds an import accepts. */
export type SheetType = 'xlsx' | 'csv';

/** One data row as read: its sheet row number and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
  /** Columns whose cell was a number too long to be exact (an ID number typed without text format). */
  lossy?: number[];
  /** Columns whose cell held a formula (.xlsx); its cached result is the text. */
  formulas?: number[];
}

/**
 * The non-empty rows of the first sheet, the header among them: which row is the header (title rows,
 * 填报 lines and grouped headers come first in a ledger) is decided by detectHeader, once per file.
 */
export interface Sheet {
  rows: SheetRow[];
}

/** Rows read beyond `maxRows` data rows, for the title and header rows above the data. */
const HEAD_ROWS = HEADER_SCAN_ROWS;

/** Limits on what an archive may unpack to (zip-bomb defence). */
export interface ZipLimits {
  maxUncompressedBytes: number;
  /** Whole archive: uncompressed / compressed. Only applied past 1 MB, where the ratio means something. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxRatio: 100, maxEntries: 2000 };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Decides the file's kind from its extension AND its first bytes: an .xlsx must be a zip, a .csv must be
 * text (no NUL bytes, not a zip or an old .xls). Anything else is 415. An old .xls (an OLE compound file,
 * as is an .xlsx with an opening password) is refused with how to save it as .xlsx: the only npm reader
 * of the format is the unmaintained `xlsx` package.
 */
export function detectType(fileName: string, buf: Buffer): SheetType {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const head = buf.subarray(0, 4);
  if (head.equals(OLE_MAGIC) && (ext === 'xls' || ext === 'xlsx' || ext === 'et')) throw new AppError('IMPORT_XLS_UNSUPPORTED', { fileName });
  if (ext === 'xlsx' && head.equals(ZIP_MAGIC)) return 'xlsx';
  if (ext === 'csv' && !head.equals(ZIP_MAGIC) && !head.equals(OLE_MAGIC) && !looksBinary(buf)) return 'csv';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', { expected: ['.xlsx', '.csv'], fileName });
}

function looksBinary(buf: Buffer): boolean {
  const sample = buf.subarray(0, 64 * 1024);
  // UTF-16 text has NUL bytes but starts with a byte-order mark.
  if (sample[0] === 0xff && sample[1] === 0xfe) return false;
  return sample.includes(0);
}

/** A refusal with a reason for the user; `cause` (a library's message) goes to the server log only. */
const unsafe = (reason: string, details: Record<string, unknown>, cause?: unknown) => {
  const err = new AppError('IMPORT_UNSAFE_FILE', { reason, ...details }, { reason });
  if (cause !== undefined) err.cause = cause;
  return err;
};
const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * Reads the zip's central directory and refuses archives that would unpack to too much (declared
 * sizes, then the real sizes by inflating each entry under a hard cap), that hide local entries the
 * central directory does not list (a streaming unzipper would read those), or that are not an xlsx.
 */
export async function inspectZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (err) {
    throw unsafe('not a readable zip archive', {}, err);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw unsafe(`${zip.entryCount} entries > ${limits.maxEntries}`, { entries: zip.entryCount });
    const centralDirectoryOffset = zip.readEntryCursor as unknown as number;
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      if (entry.isEncrypted()) throw unsafe('encrypted entry', { entry: entry.fileName });
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw unsafe('unsupported compression', { entry: entry.fileName });
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) throw unsafe(`unpacked size > ${mb(limits.maxUncompressedBytes)}`, { declaredBytes: declared });
    }
    if (declared > 1024 * 1024 && declared / buf.length > limits.maxRatio) {
      throw unsafe(`compression ratio ${Math.round(declared / buf.length)}:1 > ${limits.maxRatio}:1`, { ratio: Math.round(declared / buf.length) });
    }
    const names = new Set(entries.map((e) => e.fileName));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', { reason: 'zip is not an xlsx workbook' });
    checkContiguous(buf, entries, centralDirectoryOffset);
    // Declared sizes can lie: inflate every entry, counting, and let yauzl fail on any mismatch.
    let actual = 0;
    for (const entry of entries) {
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        actual += chunk.length;
        if (actual > limits.maxUncompressedBytes) {
          stream.destroy();
          throw unsafe(`unpacked size > ${mb(limits.maxUncompressedBytes)}`, { actualBytes: actual });
        }
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = (err as Error).message;
    if (/too many bytes/i.test(message)) throw unsafe('entry unpacks to more than it declares', {}, err);
    throw unsafe('corrupt zip entry', {}, err);
  } finally {
    zip.close();
  }
}

/**
 * The local entries must follow one another with no gap from offset 0 up to the central directory, so
 * that a reader walking local headers sees exactly the entries checked here.
 */
function checkContiguous(buf: Buffer, entries: yauzl.Entry[], centralDirectoryOffset: number) {
  const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let expected = 0;
  let descriptor = false;
  for (const e of sorted) {
    const at = e.relativeOffsetOfLocalHeader;
    if (!gapAllowed(at - expected, descriptor)) throw unsafe('unlisted data between zip entries', { offset: expected });
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw unsafe('bad local header', { entry: e.fileName });
    const nameLength = buf.readUInt16LE(at + 26);
    const extraLength = buf.readUInt16LE(at + 28);
    expected = at + 30 + nameLength + extraLength + e.compressedSize;
    descriptor = (e.generalPurposeBitFlag & 0x8) !== 0;
  }
  if (!gapAllowed(centralDirectoryOffset - expected, descriptor)) throw unsafe('unlisted data before the central directory', { offset: expected });
}

/** A data descriptor (general purpose bit 3) may follow an entry: 12 or 16 bytes, 20 or 24 with zip64 sizes. */
function gapAllowed(gap: number, descriptor: boolean) {
  return gap === 0 || (descriptor && [12, 16, 20, 24].includes(gap));
}

const tooMany = (limit: number) => new AppError('IMPORT_TOO_MANY_ROWS', { limit }, { limit });

/** Collects the non-empty rows of a worksheet; stops past `maxRows` data rows (plus the head rows). */
class RowCollector {
  private readonly rows: SheetRow[] = [];
  constructor(private readonly maxRows: number) {}

  add(row: SheetRow) {
    if (row.cells.every((c) => c.trim() === '')) return;
    // The header is chosen later (detectHeader) among the first rows, so up to HEAD_ROWS more are kept.
    if (this.rows.length >= this.maxRows + HEAD_ROWS) throw tooMany(this.maxRows);
    this.rows.push(row);
  }

  result(): Sheet {
    return { rows: this.rows };
  }
}

/** Reads the first worksheet of an .xlsx (see xlsx-reader.ts), stopping past `maxRows`. */
export async function readXlsx(buf: Buffer, maxRows: number): Promise<Sheet> {
  const collector = new RowCollector(maxRows);
  await readFirstSheet(buf, (row) => collector.add(row));
  return collector.result();
}

/**
 * Decodes CSV bytes: UTF-8 with or without a BOM, UTF-16LE with a BOM, and otherwise GB18030 (a superset
 * of GBK/GB2312, what Excel on a Chinese Windows writes as "CSV").
 */
export function decodeText(buf: Buffer): { text: string; encoding: 'utf-8' | 'utf-16le' | 'gb18030' } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030' };
  }
}

/** Reads a CSV file (comma-separated; tab-separated when the header row has tabs and no commas). */
export async function readCsv(buf: Buffer, maxRows: number): Promise<Sheet> {
  const { text } = decodeText(buf);
  // Judged on the first lines, not the first one alone: a ledger's first line is often a title.
  const head = text.slice(0, 4096);
  const delimiter = (head.match(/\t/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const parser = parseCsv({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, bom: true });
  const source = Readable.from(chunks(text, 256 * 1024));
  source.pipe(parser);
  const rows: SheetRow[] = [];
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const cells = rec.record;
      if (cells.every((c) => c.trim() === '')) continue;
      if (rows.length >= maxRows + HEAD_ROWS) throw tooMany(maxRows);
      rows.push({ line: rec.info.lines, cells });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The parser's own words go to the log; the person is told where to look.
    const line = (err as { lines?: number }).lines;
    const where = line ? { zh: `（第 ${line} 行附近）`, en: ` (near line ${line})` } : { zh: '', en: '' };
    const refused = new AppError(
      'VALIDATION_FAILED',
      [
        {
          path: 'file',
          code: 'csv',
          message: `CSV 格式错误${where.zh}，请检查引号和分隔符`,
          messageEn: `Malformed CSV${where.en}; check quotes and separators`,
        },
      ],
      { fields: 'file' },
    );
    refused.cause = err;
    throw refused;
  } finally {
    source.destroy();
    parser.destroy();
  }
  return { rows };
}

function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** Inspects and reads an uploaded file into rows; every refusal is a coded AppError, a file without any text too. */
export async function readSheet(type: SheetType, buf: Buffer, maxRows: number, zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Sheet> {
  let sheet: Sheet;
  if (type === 'xlsx') {
    await inspectZip(buf, zipLimits);
    sheet = await readXlsx(buf, maxRows);
  } else sheet = await readCsv(buf, maxRows);
  if (sheet.rows.length === 0) throw new AppError('IMPORT_EMPTY_FILE');
  return sheet;
}

/** The header as a refusal may show it: the first 30 columns, each cut to 40 characters. */
export function headerForDetails(header: string[]): string[] {
  // A "header" may be a person's row (a file without one): ID numbers and phones are masked.
  return header.slice(0, 30).map((h) => redactIdentifiers(h.length > 40 ? `${h.slice(0, 40)}…` : h));
}
