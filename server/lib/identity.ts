import { ID_PROBLEM_MESSAGES, maskIdNumber, parseIdNumber, type IdProblem } from '../../shared/domain/id-number';
import type { Actor } from './context';
import type { FieldCrypto } from './crypto';
import { validationError } from './errors';

/** The stored forms of an ID number: cipher text, blind index, masked display, reversed tail. */
export interface IdentityColumns {
  idCipher: Buffer;
  idHash: string;
  idMasked: string;
  idTailRev: string;
  birthDate: string;
  sex: 'M' | 'F';
}

/** Normalises an ID number (15 → 18 digits, upper-case X) for hashing and look-up. */
export function normaliseIdNumber(input: string): string | null {
  const parsed = parseIdNumber(input);
  return parsed.ok ? parsed.value.number : null;
}

/** Validates an ID number and derives what the residents table stores. Throws a 400 naming `field`. */
export function identityColumns(crypto: FieldCrypto, idNumber: string, field = 'idNumber'): IdentityColumns {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) {
    throw validationError([{ path: field, code: `id_${parsed.problem}`, ...idMessages(parsed.problem) }]);
  }
  const n = parsed.value.number;
  return {
    idCipher: crypto.encrypt(n),
    idHash: crypto.blindIndex(n),
    idMasked: maskIdNumber(n),
    idTailRev: n.slice(-6).split('').reverse().join(''),
    birthDate: parsed.value.birthDate,
    sex: parsed.value.sex,
  };
}

function idMessages(problem: IdProblem) {
  return { message: ID_PROBLEM_MESSAGES[problem].zh, messageEn: ID_PROBLEM_MESSAGES[problem].en };
}

/**
 * Text for the audit log with ID numbers and phone numbers masked (search terms, filters, usernames typed
 * at sign-in): an 18- or 15-character ID keeps its first 6 and last 4 characters like the masked display,
 * any other run of 7 or more digits (a phone or part of one) keeps its first 3. Full-width digits count.
 */
export function redactIdentifiers(text: string): string {
  return text.replace(/[0-9０-９]{14,17}[0-9０-９XxＸｘ]|[0-9０-９]{7,}/g, (run) => {
    const half = toHalfWidthDigits(run);
    if (/^\d{17}[\dXx]$/.test(half) || /^\d{15}$/.test(half)) return `${half.slice(0, 6)}${'*'.repeat(half.length - 10)}${half.slice(-4)}`;
    return `${half.slice(0, 3)}${'*'.repeat(half.length - 3)}`;
  });
}

function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A 5-year age band like the statistics' pyramids: 35–39 (100+ at the top). */
export function ageBand(age: number): string {
  if (age >= 100) return '100+';
  const low = Math.floor(Math.max(age, 0) / 5) * 5;
  return `${low}–${low + 4}`;
}

/**
 * The age a caller is shown beside a masked ID number. The masked ID keeps the check digit, which with the
 * exact age leaves about 33 possible birth dates — few enough to confirm by exact-ID look-ups. A caller who
 * may reveal the full number anyway (residents.reveal) sees the age; everyone else sees the 5-year band
 * only (about 166 candidates, beyond the look-up limit). See docs/security.md, "search oracle".
 */
export function ageView(actor: Actor, age: number): { age: number | null; ageBand: string } {
  return { age: actor.permissions.has('residents.reveal') ? age : null, ageBand: ageBand(age) };
}
