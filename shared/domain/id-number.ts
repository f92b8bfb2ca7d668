import { normaliseIdText } from './normalise';
import { DEFAULT_TIME_ZONE, todayIn } from './dates';

/**
 * Resident ID numbers (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence
 * (odd = male), ISO 7064 MOD 11-2 check digit. 15-digit legacy numbers (YYMMDD, no check digit) convert
 * by inserting "19" and computing the check digit.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check digit for the first 17 characters. */
export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Why a number is not valid. */
export type IdProblem = 'empty' | 'length' | 'characters' | 'region' | 'birth_date' | 'future_birth' | 'check_digit';

export interface ParsedId {
  /** The 18-character number, upper-case X. */
  number: string;
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F';
  /** True when the input was a 15-digit legacy number. */
  converted: boolean;
}

export const ID_PROBLEM_MESSAGES: Record<IdProblem, { zh: string; en: string }> = {
  empty: { zh: '身份证号不能为空', en: 'ID number is required' },
  length: { zh: '身份证号应为18位（或15位旧号）', en: 'ID number must have 18 characters (or 15 for legacy numbers)' },
  characters: { zh: '身份证号只能包含数字，最后一位可为X', en: 'ID number may contain digits only, with X as the last character' },
  region: { zh: '身份证号的地区码无效', en: 'The region code of the ID number is invalid' },
  birth_date: { zh: '身份证号中的出生日期无效', en: 'The birth date in the ID number is invalid' },
  future_birth: { zh: '身份证号中的出生日期晚于今天', en: 'The birth date in the ID number is in the future' },
  check_digit: { zh: '身份证号校验位错误', en: 'The check digit of the ID number is wrong' },
};

// First two digits of valid province-level codes.
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91',
]);

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days && y >= 1880;
}

/** Parses and validates a number; returns the parsed fields or the first problem found. */
export function parseIdNumber(input: string, today: Date = new Date()): { ok: true; value: ParsedId } | { ok: false; problem: IdProblem } {
  // Full-width digits and Ｘ, spaces and invisible characters are what people type; the number is the same.
  const raw = normaliseIdText(input ?? '');
  if (!raw) return { ok: false, problem: 'empty' };
  let number: string;
  let converted = false;
  if (raw.length === 15) {
    if (!/^\d{15}$/.test(raw)) return { ok: false, problem: 'characters' };
    const first17 = `${raw.slice(0, 6)}19${raw.slice(6)}`;
    number = first17 + checkDigit(first17);
    converted = true;
  } else if (raw.length === 18) {
    if (!/^\d{17}[\dX]$/.test(raw)) return { ok: false, problem: 'characters' };
    number = raw;
  } else {
    return { ok: false, problem: 'length' };
  }
  if (!PROVINCES.has(number.slice(0, 2))) return { ok: false, problem: 'region' };
  const y = Number(number.slice(6, 10));
  const m = Number(number.slice(10, 12));
  const d = Number(number.slice(12, 14));
  if (!validDate(y, m, d)) return { ok: false, problem: 'birth_date' };
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  // Today in the city (Beijing time by default), not UTC: a child born this morning before 08:00 is not "future".
  if (birthDate > todayIn(DEFAULT_TIME_ZONE, today)) return { ok: false, problem: 'future_birth' };
  if (!converted && checkDigit(number.slice(0, 17)) !== number[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, value: { number, regionCode: number.slice(0, 6), birthDate, sex: Number(number[16]) % 2 === 1 ? 'M' : 'F', converted } };
}

/** Shows at most the first 6 and last 4 characters: 341881********123X. */
export function maskIdNumber(number: string): string {
  if (number.length <= 10) return '*'.repeat(number.length);
  return number.slice(0, 6) + '*'.repeat(number.length - 10) + number.slice(-4);
}

/** Builds a valid 18-digit number (for the demo city and tests). */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number, sex: 'M' | 'F'): string {
  let seq = Math.max(0, Math.min(999, sequence));
  if ((seq % 2 === 1) !== (sex === 'M')) seq = seq === 999 ? 998 : seq + 1;
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}

/** Age in whole years on a date. */
export function ageOn(birthDate: string, on: Date = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = on.getUTCFullYear() - y;
  const md = (on.getUTCMonth() + 1) * 100 + on.getUTCDate();
  if (md < m * 100 + d) age--;
  return age;
}
