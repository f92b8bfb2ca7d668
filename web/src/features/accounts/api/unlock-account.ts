import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { accountKeys } from './list-accounts';

/** POST /api/accounts/:id/unlock: clears a lockout after too many wrong passwords. */
export const unlockAccount = (id: string) => api<{ ok: true }>('POST', `/api/accounts/${encodeURIComponent(id)}/unlock`, {});

/** Unlocks an account and refreshes the list. */
export function useUnlockAccount() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: unlockAccount, onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }) });
}
