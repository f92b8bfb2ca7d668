import { useI18n } from '../../../lib/i18n';
import { ELECTION_MODE_LABELS, ELECTION_STATUS_LABELS, POST_LABELS, type ElectionMode, type ElectionStatus, type Post } from '@shared/contracts/elections';

type Lang = 'zh' | 'en';
const pick = (l: { zh: string; en: string } | undefined, lang: Lang) => (l ? l[lang] : '');

/** Labels of the election codes in the current language. */
export const modeLabel = (v: string, lang: Lang) => pick(ELECTION_MODE_LABELS[v as ElectionMode], lang);
export const statusLabel = (v: string, lang: Lang) => pick(ELECTION_STATUS_LABELS[v as ElectionStatus], lang);
export const postLabel = (v: string, lang: Lang) => pick(POST_LABELS[v as Post], lang);
export const STATUS_COLOURS: Record<ElectionStatus, string> = {
  preparing: 'processing',
  runoff: 'warning',
  completed: 'success',
  void: 'error',
  withdrawn: 'default',
};

/** The UI language as the bilingual labels key it ('zh' or 'en'). */
export function useLang(): Lang {
  return useI18n().lang === 'en' ? 'en' : 'zh';
}
