/**
 * The larger-text setting (for eyes of fifty): a user picks one of three sizes; the web scales the theme's
 * font size tokens from the base size each stands for. Kept per account, so it follows the worker from PC to PC.
 */
export const TEXT_SIZES = ['standard', 'large', 'larger'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** The base font size in px each setting stands for (Ant Design's default is 14). */
export const TEXT_SIZE_BASE: Record<TextSize, number> = { standard: 14, large: 16, larger: 18 };

export const TEXT_SIZE_LABELS: Record<TextSize, { zh: string; en: string }> = {
  standard: { zh: '标准', en: 'Standard' },
  large: { zh: '大', en: 'Large' },
  larger: { zh: '特大', en: 'Larger' },
};

/**
 * The font tokens for a base size: body, small, large and headings grow in proportion to Ant Design's
 * defaults (12/14/16, headings 38/30/24/20/16 at 14), rounded to whole pixels.
 */
export function fontTokensFor(size: TextSize) {
  const base = TEXT_SIZE_BASE[size];
  const at = (px: number) => Math.round((px * base) / 14);
  return {
    fontSize: base,
    fontSizeSM: at(12),
    fontSizeLG: at(16),
    fontSizeXL: at(20),
    fontSizeHeading1: at(38),
    fontSizeHeading2: at(30),
    fontSizeHeading3: at(24),
    fontSizeHeading4: at(20),
    fontSizeHeading5: at(16),
  };
}
