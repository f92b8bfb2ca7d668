import { pinyin } from 'pinyin-pro';

const cache = new Map<string, { namePinyin: string; nameInitials: string }>();

/**
 * The indexed pinyin forms of a Chinese name: full (wangxiaoming) and initials (wxm). Surnames use their
 * surname readings (单 → shan). ü is written v. Non-Chinese characters are kept, lower-cased.
 */
export function nameColumns(name: string): { namePinyin: string; nameInitials: string } {
  const hit = cache.get(name);
  if (hit) return hit;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const value = { namePinyin: syllables.join(''), nameInitials: syllables.map((s) => s[0]).join('') };
  if (cache.size > 200_000) cache.clear();
  cache.set(name, value);
  return value;
}
