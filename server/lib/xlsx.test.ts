import { describe, expect, it } from 'vitest';
import { attachment, escapeCell } from './xlsx';

describe('a download’s file name', () => {
  it('gives the Chinese name as filename* and an ASCII fallback for older browsers', () => {
    expect(attachment('社区经费台账.xlsx', 'funding.xlsx')).toBe(
      `attachment; filename="funding.xlsx"; filename*=UTF-8''${encodeURIComponent('社区经费台账.xlsx')}`,
    );
  });

  it('makes the fallback from the name when none is given, with no quote or backslash that could end the header value', () => {
    expect(attachment('活动室"照片\\.jpg')).toBe(`attachment; filename="_____.jpg"; filename*=UTF-8''${encodeURIComponent('活动室"照片\\.jpg')}`);
  });
});

describe('a cell of an exported sheet', () => {
  it('is kept from running as a formula', () => {
    expect(escapeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(escapeCell('张三')).toBe('张三');
  });
});
