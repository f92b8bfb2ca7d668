/**
 * Labels for the registry's stored codes (shared/domain/registry.ts) in the UI language, and select
 * options built from them. Unknown codes are shown as they are.
 */
import {
  CARE_GROUP_LABELS,
  EDUCATION_LABELS,
  EMPLOYMENT_LABELS,
  HOUSEHOLD_TYPE_LABELS,
  MARITAL_LABELS,
  POLITICAL_STATUS_LABELS,
  RELATION_LABELS,
  RESIDENCE_TYPE_LABELS,
  RESIDENT_STATUS_LABELS,
} from '@shared/domain/registry';
import type { Lang } from '../../lib/i18n';

type Labels = Record<string, { zh: string; en: string }>;

/** The registry's vocabularies by name. */
export const VOCABULARIES = {
  careGroup: CARE_GROUP_LABELS,
  education: EDUCATION_LABELS,
  employment: EMPLOYMENT_LABELS,
  householdType: HOUSEHOLD_TYPE_LABELS,
  marital: MARITAL_LABELS,
  political: POLITICAL_STATUS_LABELS,
  relation: RELATION_LABELS,
  residenceType: RESIDENCE_TYPE_LABELS,
  residentStatus: RESIDENT_STATUS_LABELS,
} satisfies Record<string, Labels>;

export type Vocabulary = keyof typeof VOCABULARIES;

/** The label of one code, e.g. label('relation', 'spouse', 'zh-CN') → 配偶. */
export function label(vocabulary: Vocabulary, code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  const entry = (VOCABULARIES[vocabulary] as Labels)[code];
  return entry ? (lang === 'en' ? entry.en : entry.zh) : code;
}

/** Select options of a vocabulary, in its declared order. */
export function options(vocabulary: Vocabulary, lang: Lang, only?: readonly string[]): { value: string; label: string }[] {
  const all = Object.entries(VOCABULARIES[vocabulary] as Labels).map(([value, l]) => ({ value, label: lang === 'en' ? l.en : l.zh }));
  return only ? all.filter((o) => only.includes(o.value)) : all;
}
