import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { PassThrough, type Readable } from 'node:stream';

/** The media type of an .xlsx workbook. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Text that Excel would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe. */
export function escapeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One column of an exported sheet: its Chinese header, width and value (text is escaped here). */
export interface XlsxColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null | undefined;
}

/** One sheet streamed as .xlsx, row by row (no styles, no shared strings: memory stays flat). */
export function xlsxStream<T>(sheet: string, columns: XlsxColumn<T>[], rows: Iterable<T>): Readable {
  const out = new PassThrough();
  const write = async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const ws = wb.addWorksheet(sheet);
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    for (const row of rows)
      ws.addRow(
        columns.map((c) => {
          const v = c.value(row);
          return typeof v === 'string' ? escapeCell(v) : (v ?? '');
        }),
      ).commit();
    ws.commit();
    await wb.commit();
  };
  write().catch((err) => out.destroy(err as Error));
  return out;
}

/**
 * Content-Disposition of a download (RFC 6266/5987): the Chinese name for browsers that read `filename*`,
 * an ASCII fallback (given, or the name with its other characters as `_`) for the rest.
 */
export function attachment(filename: string, fallback = filename): string {
  const ascii = fallback.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A workbook to send: its Chinese file name, an ASCII fallback name and how many rows it holds. */
export interface XlsxFile {
  filename: string;
  fallback?: string;
  rows: number;
}

/** Sends a workbook as a download: a Chinese file name with an ASCII fallback, never cached, its row count in a header. */
export function sendXlsx(reply: FastifyReply, file: XlsxFile, body: Readable | Buffer | Uint8Array) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', attachment(file.filename, file.fallback))
    .header('cache-control', 'no-store')
    .header('x-row-count', String(file.rows))
    .send(body);
}
