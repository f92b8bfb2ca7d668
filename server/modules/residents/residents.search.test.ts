import { describe, expect, it } from 'vitest';
import { ageOn, birthRange, classifyQuery, decodeCursor, encodeCursor, escapeCell, maskPhone, toHalfWidth } from './residents.search';

describe('classifyQuery', () => {
  it.each([
    ['王小明', 'name'],
    ['幸福小区', 'name_or_address'],
    ['wxm', 'pinyin'],
    ['Wang Xiao', 'pinyin'],
    ['1234', 'id_suffix'],
    ['12345X', 'id_suffix'],
    ['13812345', 'phone'],
    ['13812345678', 'phone_exact'],
    ['0551123456', 'phone'],
    ['３４１８８１１９８００５０１００１Ｘ', 'id_exact'],
    ['１３８１２３４５６７８', 'phone_exact'],
    ['34188119800501001X', 'id_exact'],
    ['3栋201', 'address'],
  ])('reads %s as %s', (q, kind) => {
    expect(classifyQuery(q)?.kind).toBe(kind);
  });

  it('reads full-width digits and Ｘ typed with a Chinese input method as the ID number they are', () => {
    expect(classifyQuery('３４１８８１１９８００５０１００１ｘ')).toEqual({ kind: 'id_exact', value: '34188119800501001X' });
    expect(toHalfWidth('３栋２０１　室')).toBe('3栋201 室');
  });

  it('ignores blank text', () => {
    expect(classifyQuery('   ')).toBeNull();
  });
});

describe('masking and escaping', () => {
  it('masks a mobile as 138****1234 and a landline keeping its area code', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0563-1234567')).toBe('0563-****67');
    expect(maskPhone(null)).toBeNull();
  });

  it('puts an apostrophe before text that a spreadsheet would run as a formula', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(escapeCell(v)).toBe(`'${v}`);
    expect(escapeCell('王小明')).toBe('王小明');
  });
});

describe('ages', () => {
  it('counts whole years, a birthday reached on the day itself', () => {
    expect(ageOn('1980-05-01', '2026-04-30')).toBe(45);
    expect(ageOn('1980-05-01', '2026-05-01')).toBe(46);
  });

  it('turns an age range into birth-date bounds', () => {
    expect(birthRange(18, 60, '2026-11-26')).toEqual({ bornOnOrBefore: '2008-11-26', bornAfter: '1965-11-26' });
  });
});

describe('cursors', () => {
  it('round-trips and refuses a cursor of another sort order', () => {
    const c = encodeCursor('name', 'asc', { value: 'wang', id: '9b2b7f2e-3c1e-4c55-9a59-0b8e0c0f6a11' });
    expect(decodeCursor(c, 'name', 'asc')).toEqual({ value: 'wang', id: '9b2b7f2e-3c1e-4c55-9a59-0b8e0c0f6a11' });
    expect(() => decodeCursor(c, 'name', 'desc')).toThrow();
    expect(() => decodeCursor('not-a-cursor', 'name', 'asc')).toThrow();
  });
});
