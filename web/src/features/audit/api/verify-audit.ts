import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditVerifyResponse } from '@shared/contracts/audit';
import { api } from '../../../lib/api';
import { auditKeys } from './list-audit';

export type AuditVerdict = z.infer<typeof AuditVerifyResponse>;

/** GET /api/audit/verify: walks the hash chain (and records that it did). */
export const verifyAudit = () => api<AuditVerdict>('GET', '/api/audit/verify');

/**
 * Runs on demand (a button), so it is a mutation although the request is a GET; the verification is
 * itself audited, hence the list is refreshed.
 */
export function useVerifyAudit() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: verifyAudit, onSettled: () => qc.invalidateQueries({ queryKey: auditKeys.all }) });
}
