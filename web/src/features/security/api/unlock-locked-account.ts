import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { securityKeys } from './get-security-settings';

/** POST /api/security/locked-accounts/:id/unlock (audited as accounts.unlock). */
export const unlockLockedAccount = (id: string) => api<{ ok: true }>('POST', `/api/security/locked-accounts/${encodeURIComponent(id)}/unlock`, {});

/** Unlocks an account and refreshes the list. */
export function useUnlockLockedAccount() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: unlockLockedAccount, onSuccess: () => qc.invalidateQueries({ queryKey: securityKeys.of('locked') }) });
}
