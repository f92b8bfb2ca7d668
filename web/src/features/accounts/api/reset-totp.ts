import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { accountKeys } from './list-accounts';

/** POST /api/accounts/:id/reset-totp: removes a lost authenticator; the user sets up a new one at next sign-in. */
export const resetTotp = (id: string) => api<{ ok: true }>('POST', `/api/accounts/${encodeURIComponent(id)}/reset-totp`, {});

/** Resets an account's second factor and refreshes the list. */
export function useResetTotp() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: resetTotp, onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }) });
}
