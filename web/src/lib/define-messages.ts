import { useCallback } from 'react';
import { formatMessage } from '@shared/errors';
import { useI18n } from './i18n';

/** A feature's strings in both languages, and the hook that reads them in the current one. */
export interface Messages<K extends string = string> {
  zh: Record<K, string>;
  en: Record<K, string>;
  /** t(key, params) for this feature's strings; `{name}` placeholders are filled from params. */
  useT: () => (key: K, params?: Record<string, unknown>) => string;
}

/**
 * The one way a feature declares its strings: Chinese first, English with the same keys (the compiler
 * checks the keys; the features test checks the placeholders). Export the result in the feature's manifest.
 */
export function defineMessages<K extends string>(zh: Record<K, string>, en: Record<K, string>): Messages<K> {
  return {
    zh,
    en,
    useT() {
      const { lang } = useI18n();
      return useCallback((key: K, params?: Record<string, unknown>) => formatMessage(lang === 'en' ? en[key] : zh[key], params), [lang]);
    },
  };
}
