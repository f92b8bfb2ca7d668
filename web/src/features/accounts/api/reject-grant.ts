import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { accountKeys } from './list-accounts';

/** POST /api/accounts/pending-grants/:id/reject: drops a pending grant. */
export const rejectGrant = (id: string) => api<{ ok: true }>('POST', `/api/accounts/pending-grants/${encodeURIComponent(id)}/reject`, {});

/** Rejects a grant and refreshes the lists. */
export function useRejectGrant() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: rejectGrant, onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }) });
}
