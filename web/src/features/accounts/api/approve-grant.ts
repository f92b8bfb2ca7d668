import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PendingGrant } from '@shared/contracts/accounts';
import { api } from '../../../lib/api';
import { accountKeys } from './list-accounts';

/** POST /api/accounts/pending-grants/:id/approve: puts a pending grant in force. */
export const approveGrant = (id: string) => api<PendingGrant>('POST', `/api/accounts/pending-grants/${encodeURIComponent(id)}/approve`, {});

/** Approves a grant and refreshes the lists. */
export function useApproveGrant() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: approveGrant, onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }) });
}
