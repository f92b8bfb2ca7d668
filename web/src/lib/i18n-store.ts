/** The UI language, outside React so the fetch client can read it. Remembered in localStorage. */
export type Lang = 'zh-CN' | 'en';

const KEY = 'shequ.lang';

function initial(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // Storage may be unavailable (private mode); Chinese is the default.
  }
  return 'zh-CN';
}

let current: Lang = initial();

/** The language in use now. */
export const getLang = (): Lang => current;

/** Switches the language and remembers the choice. */
export function storeLang(lang: Lang) {
  current = lang;
  try {
    globalThis.localStorage?.setItem(KEY, lang);
  } catch {
    // Not remembered; still switched for this page.
  }
}
