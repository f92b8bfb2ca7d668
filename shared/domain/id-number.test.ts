import { describe, expect, it } from 'vitest';
import { ageOn, checkDigit, makeIdNumber, maskIdNumber, parseIdNumber } from './id-number';

describe('parseIdNumber', () => {
  it('accepts the GB 11643 example number and reads birth date and sex from it', () => {
    const r = parseIdNumber('11010519491231002X');
    expect(r).toEqual({ ok: true, value: { number: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'F', converted: false } });
  });

  it('accepts a lower-case x as the check character', () => {
    expect(parseIdNumber('11010519491231002x').ok).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'check_digit' });
  });

  it('rejects an impossible birth date (30 February)', () => {
    const first17 = '34188119900230001';
    expect(parseIdNumber(first17 + checkDigit(first17))).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('rejects a birth date in the future', () => {
    const id = makeIdNumber('341881', '2030-01-01', 11, 'M');
    expect(parseIdNumber(id, new Date('2026-11-26'))).toEqual({ ok: false, problem: 'future_birth' });
  });

  it('rejects an unknown province code', () => {
    const first17 = '99188119900101001';
    expect(parseIdNumber(first17 + checkDigit(first17))).toEqual({ ok: false, problem: 'region' });
  });

  it('rejects wrong lengths and letters', () => {
    expect(parseIdNumber('12345')).toEqual({ ok: false, problem: 'length' });
    expect(parseIdNumber('3418811990010100AX')).toEqual({ ok: false, problem: 'characters' });
    expect(parseIdNumber('')).toEqual({ ok: false, problem: 'empty' });
  });

  it('converts a 15-digit legacy number to 18 digits', () => {
    const r = parseIdNumber('341881750312041');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.number).toHaveLength(18);
      expect(r.value.number.slice(0, 17)).toBe('34188119750312041');
      expect(r.value.birthDate).toBe('1975-03-12');
      expect(r.value.sex).toBe('M');
      expect(r.value.converted).toBe(true);
    }
  });
});

describe('makeIdNumber', () => {
  it('builds numbers that validate, with the sex digit matching', () => {
    for (const sex of ['M', 'F'] as const) {
      const id = makeIdNumber('341881', '1988-07-15', 120, sex);
      const r = parseIdNumber(id);
      expect(r.ok && r.value.sex).toBe(sex);
    }
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters only', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('ageOn', () => {
  it('counts whole years, birthday not yet reached', () => {
    expect(ageOn('1990-12-01', new Date('2026-11-26'))).toBe(35);
    expect(ageOn('1990-11-26', new Date('2026-11-26'))).toBe(36);
  });
});
