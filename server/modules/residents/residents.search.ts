import { RESIDENT_SORTS } from '../../../shared/contracts/residents';
import { ageOn as ageOnDay } from '../../../shared/domain/dates';
import { today } from '../../lib/clock';
import { AppError, validationError } from '../../lib/errors';

/** What a search box text means (see ResidentsFilter.q). */
export type QueryKind =
  | { kind: 'name'; value: string }
  | { kind: 'name_or_address'; value: string }
  | { kind: 'pinyin'; value: string }
  | { kind: 'id_suffix'; value: string }
  | { kind: 'id_exact'; value: string }
  | { kind: 'phone_exact'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'address'; value: string };

const CJK = /^[\u3400-\u9fff\uf900-\ufaff·•]+$/;
// Characters that occur in addresses and rarely in names (楼 and 路 are also surnames: those texts search both).
const ADDRESS_HINT = /[路街巷道号栋幢楼座单元室层区苑园村院府城里弄]/;

/**
 * Full-width forms (ＡＳＣＩＩ from an input method: digits, Ｘ, letters, punctuation) as their ASCII
 * characters, and the ideographic space as a space: an ID number typed with a Chinese input method is
 * still an ID number.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Classifies the search box text; the rules are documented on ResidentsFilter.q. */
export function classifyQuery(raw: string): QueryKind | null {
  const text = toHalfWidth(raw).trim();
  if (!text) return null;
  const compact = text.replace(/\s+/g, '');
  if (/^\d{17}[\dXx]$/.test(compact) || /^\d{15}$/.test(compact)) return { kind: 'id_exact', value: compact.toUpperCase() };
  if (/^\d{3,5}[\dXx]$/.test(compact)) return { kind: 'id_suffix', value: compact.toUpperCase() };
  if (/^1\d{10}$/.test(compact)) return { kind: 'phone_exact', value: compact };
  if (/^\d{7,14}$/.test(compact)) return { kind: 'phone', value: compact };
  if (/^[a-zA-Z]+$/.test(compact)) return { kind: 'pinyin', value: compact.toLowerCase() };
  if (CJK.test(compact)) return ADDRESS_HINT.test(compact) ? { kind: 'name_or_address', value: compact } : { kind: 'name', value: compact };
  return { kind: 'address', value: text };
}

/** A phone shown without its middle digits: 138****1234 (landlines keep the area code and the last two). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const p = phone.trim();
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  if (p.length <= 4) return '*'.repeat(p.length);
  const dash = p.indexOf('-');
  const head = dash > 0 ? p.slice(0, dash + 1) : p.slice(0, 3);
  return `${head}****${p.slice(-2)}`;
}

export { today };

/** Whole years between a birth date and a day (both YYYY-MM-DD), today by default. */
export const ageOn = (birthDate: string, day: string = today()): number => ageOnDay(birthDate, day);

/** The same day `years` earlier or later (29 February → 28 February). */
export function shiftYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const ny = y + years;
  const last = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Birth-date bounds for an age range: age ≥ ageMin ⇔ birth ≤ bornOnOrBefore; age ≤ ageMax ⇔ birth > bornAfter. */
export function birthRange(ageMin: number | undefined, ageMax: number | undefined, day: string = today()) {
  return {
    bornOnOrBefore: ageMin === undefined ? undefined : shiftYears(day, -ageMin),
    bornAfter: ageMax === undefined ? undefined : shiftYears(day, -(ageMax + 1)),
  };
}

export type ResidentSort = (typeof RESIDENT_SORTS)[number];

/** A keyset position: the last row's sort value and id. */
export interface Keyset {
  value: string;
  id: string;
}

/** Opaque cursor: base64url JSON of the sort, order and last position. */
export function encodeCursor(sort: ResidentSort, order: 'asc' | 'desc', at: Keyset): string {
  return Buffer.from(JSON.stringify({ s: sort, o: order, v: at.value, i: at.id })).toString('base64url');
}

export function decodeCursor(cursor: string, sort: ResidentSort, order: 'asc' | 'desc'): Keyset {
  const bad = () =>
    validationError([
      {
        path: 'cursor',
        code: 'invalid_cursor',
        message: '分页游标无效或与排序不一致，请从第一页重新开始',
        messageEn: 'The cursor is invalid or belongs to another sort order; start again from the first page',
      },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const c = parsed as { s?: unknown; o?: unknown; v?: unknown; i?: unknown };
  if (c.s !== sort || c.o !== order || typeof c.v !== 'string' || typeof c.i !== 'string') throw bad();
  if (!/^[0-9a-f-]{36}$/i.test(c.i) || c.v.length > 200) throw bad();
  if (sort === 'birthDate' && !/^\d{4}-\d{2}-\d{2}$/.test(c.v)) throw bad();
  if (sort === 'createdAt' && Number.isNaN(Date.parse(c.v.replace(' ', 'T')))) throw bad();
  return { value: c.v, id: c.i };
}

export { escapeCell } from '../../lib/xlsx';

/** 400 for an export beyond the cap. */
export function exportTooLarge(rows: number, cap: number): AppError {
  return validationError([
    {
      path: 'filter',
      code: 'export_too_large',
      message: `导出结果超过 ${cap} 行（当前筛选至少 ${rows} 行），请缩小筛选范围后再导出`,
      messageEn: `The export would exceed ${cap} rows (at least ${rows} match); narrow the filter and try again`,
    },
  ]);
}
