/**
 * Language state for React: t(key) from the dictionary, pick({ zh, en }) for a page's own strings.
 * The antd locale follows the same switch (see app/providers.tsx).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatMessage } from '@shared/errors';
import { getLang, storeLang, type Lang } from './i18n-store';
import { en, zh, type MessageKey } from './messages';

export type { Lang } from './i18n-store';
export type { MessageKey } from './messages';

/** A string in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Dictionary look-up with `{name}` placeholders. */
  t: (key: MessageKey, params?: Record<string, unknown>) => string;
  /** Chooses the string of the current language. */
  pick: (text: Bilingual) => string;
}

/** Translates outside React (current language). */
export function translate(key: MessageKey, params?: Record<string, unknown>, lang: Lang = getLang()): string {
  return formatMessage(lang === 'en' ? en[key] : zh[key], params);
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(getLang);
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(key, params, lang),
      pick: (text) => (lang === 'en' ? text.en : text.zh),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its helpers. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
