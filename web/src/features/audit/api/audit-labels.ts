import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditLabelsResponse } from '@shared/contracts/audit';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { auditKeys } from './list-audit';

export type AuditLabels = z.infer<typeof AuditLabelsResponse>;

/** GET /api/audit/labels. */
export const getAuditLabels = (signal?: AbortSignal) => api<AuditLabels>('GET', '/api/audit/labels', undefined, signal);

/** The labels of actions and object types (they change only with a deployment). */
export function useAuditLabels() {
  return useQuery({ queryKey: auditKeys.of('labels'), queryFn: ({ signal }) => getAuditLabels(signal), staleTime: Infinity });
}

/** Label lookups in the current language, falling back to the code. */
export function useAuditLabeller() {
  const { lang } = useI18n();
  const labels = useAuditLabels().data;
  const pick = (l: { zh: string; en: string } | undefined, code: string) => (l ? (lang === 'en' ? l.en : l.zh) : code);
  return {
    labels,
    action: (code: string) => pick(labels?.actions[code], code),
    object: (type: string) => pick(labels?.objects[type], type),
  };
}
