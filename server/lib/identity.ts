import { ID_PROBLEM_MESSAGES, maskIdNumber, parseIdNumber, type IdProblem } from '../../shared/domain/id-number';
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
