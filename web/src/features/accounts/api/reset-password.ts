import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { accountKeys } from './list-accounts';

/** POST /api/accounts/:id/reset-password: the user must change it at next sign-in. */
export const resetPassword = ({ id, newPassword }: { id: string; newPassword: string }) =>
  api<{ ok: true }>('POST', `/api/accounts/${encodeURIComponent(id)}/reset-password`, { newPassword });

/** Resets a user's password and refreshes the list (its "must change" flag). */
export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: resetPassword, onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }) });
}
