import { maskIdNumber } from '../../../shared/domain/id-number';
import { normaliseDigits } from '../../../shared/domain/normalise';
import { resolveHeader } from '../../../shared/domain/resident-row';
import type { ReportRow } from './imports.workbook';

/** An ID number (18 characters, or the old 15 digits) anywhere in a cell: a 备注 can hold one too. */
const ID_LIKE = /(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])/g;

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
    // Full-width digits (３４１８８１…) are read as IDs by the import, so they are masked as IDs too.
    const cells = r.cells.map((cell, i) => {
      const text = normaliseDigits(cell ?? '');
      if (i === idColumn) return text.trim() ? maskIdNumber(text.trim()) : text;
      return text.replace(ID_LIKE, (id) => maskIdNumber(id));
    });
    return { ...r, cells, error: normaliseDigits(r.error).replace(ID_LIKE, (id) => maskIdNumber(id)) };
  });
  return { rows: out, revealed };
}
