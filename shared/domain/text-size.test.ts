import { describe, expect, it } from 'vitest';
import { fontTokensFor, TEXT_SIZES } from './text-size';

describe('the larger-text setting', () => {
  it('keeps Ant Design’s own sizes at the standard size', () => {
    expect(fontTokensFor('standard')).toEqual({
      fontSize: 14,
      fontSizeSM: 12,
      fontSizeLG: 16,
      fontSizeXL: 20,
      fontSizeHeading1: 38,
      fontSizeHeading2: 30,
      fontSizeHeading3: 24,
      fontSizeHeading4: 20,
      fontSizeHeading5: 16,
    });
  });

  it('scales every size in proportion, so small text is never smaller than standard body text at the largest', () => {
    expect(fontTokensFor('large')).toMatchObject({ fontSize: 16, fontSizeSM: 14, fontSizeHeading3: 27 });
    expect(fontTokensFor('larger')).toMatchObject({ fontSize: 18, fontSizeSM: 15, fontSizeHeading1: 49 });
    expect(fontTokensFor('larger').fontSizeSM).toBeGreaterThan(fontTokensFor('standard').fontSize);
  });

  it('grows every token from one size to the next', () => {
    for (let i = 1; i < TEXT_SIZES.length; i++) {
      const smaller = fontTokensFor(TEXT_SIZES[i - 1]);
      const bigger = fontTokensFor(TEXT_SIZES[i]);
      for (const k of Object.keys(smaller) as (keyof typeof smaller)[]) expect(bigger[k]).toBeGreaterThan(smaller[k]);
    }
  });
});
