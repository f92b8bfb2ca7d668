import { maskIdNumber } from '../../../shared/domain/id-number';
import { normaliseIdText } from '../../../shared/domain/normalise';
import { resolveHeader } from '../../../shared/domain/resident-row';
import type { ReportRow } from './imports.workbook';

/** An ID number (18 characters, or the old 15 digits) anywhere in a cell: a 备注 can hold one too. */
const ID_LIKE = /(?<![0-9０-９])(?:[0-9０-９]{17}[0-9０-９XxＸｘ]|[0-9０-９]{15})(?![0-9０-９XxＸｘ])/g;
/** An ID as typed (full-width digits too) → masked half-width. */
const mask = (id: string) => maskIdNumber(normaliseIdText(id));

/** Where a failed row belongs, for the reader's reveal scope: its grid when the 网格 cell names one. */
export type RowPlace = (gridText: string) => { communityId: string; gridId?: string | null };

/**
 * The report's rows as a reader may see them: the ID number column, and every ID-like number in any
 * other cell, are masked (first 6 + last 4) unless `mayReveal` says the reader holds residents.reveal
 * where the row belongs. Returns the rows and how many were shown in full (for the audit entry).
 */
export function maskReport(
  header: string[],
  rows: ReportRow[],
  place: RowPlace,
  mayReveal: (where: { communityId: string; gridId?: string | null }) => boolean,
): { rows: ReportRow[]; revealed: number } {
  const columns = resolveHeader(header).columns;
  const idColumn = columns.indexOf('idNumber');
  const gridColumn = columns.indexOf('grid');
  let revealed = 0;
  const out = rows.map((r) => {
    if (mayReveal(place(gridColumn >= 0 ? (r.cells[gridColumn] ?? '') : ''))) {
      revealed++;
      return r;
    }
    // Full-width digits (３４１８８１…) are read as IDs by the import, so they are masked as IDs too; the
    // rest of the text stays as typed.
    const cells = r.cells.map((cell, i) => {
      const text = cell ?? '';
      if (i === idColumn) return text.trim() ? mask(text.trim()) : text;
      return text.replace(ID_LIKE, mask);
    });
    return { ...r, cells, error: r.error.replace(ID_LIKE, mask) };
  });
  return { rows: out, revealed };
}
