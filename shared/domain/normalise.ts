/**
 * Text people type into ID, phone and name fields, made comparable: full-width digits and letters
 * (３４１８８１…, Ｘ) become ASCII, spaces inside numbers and Chinese names go. Pure; used wherever an
 * ID number, phone or name is read (import, the create/update schemas, search).
 */

const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** Full-width ASCII (０–９, Ａ–Ｚ, ｘ, －…) → half-width, and the ideographic space → a space. */
export function normaliseDigits(text: string): string {
  if (!/[\uff01-\uff5e\u3000]/.test(text)) return text;
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** An ID number as typed → digits and upper-case X, no spaces or invisible characters. */
export function normaliseIdText(text: string): string {
  // The usual case, checked first: an import reads one per row.
  if (/^[0-9X]*$/.test(text ?? '')) return text ?? '';
  return normaliseDigits(text ?? '')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** A phone number as typed → half-width digits and '-', no spaces (１３８ ０000 1111 → 13800001111). */
export function normalisePhone(text: string): string {
  if (/^[0-9-]*$/.test(text ?? '')) return text ?? '';
  return normaliseDigits(text ?? '')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, '')
    .replace(/[—–]/g, '-');
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u00b7\u30fb]/;

/**
 * A name as typed → trimmed, no whitespace next to a Chinese character (李  明 → 李明, 艾力 · 买买提 →
 * 艾力·买买提), one space between Latin parts (John  Smith → John Smith).
 */
export function normaliseName(text: string): string {
  if (!/[\s\u200b-\u200d\u2060\ufeff]/.test(text ?? '')) return text ?? '';
  const t = (text ?? '')
    .replace(INVISIBLE, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  if (!t.includes(' ')) return t;
  return t.replace(/ /g, (_s, at: number) => (CJK.test(t[at - 1] ?? '') || CJK.test(t[at + 1] ?? '') ? '' : ' '));
}
