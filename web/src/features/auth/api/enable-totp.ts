import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@shared/contracts/auth';
import { api } from '../../../lib/api';
import { meKey } from './get-me';

/** POST /api/auth/totp/enable: turns the second factor on with the app's current code. */
export const enableTotp = (code: string) => api<{ ok: true }>('POST', '/api/auth/totp/enable', { code });

/** Turns the factor on; the session no longer needs a setup (updated at once, then reloaded). */
export function useEnableTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: enableTotp,
    onSuccess: () => {
      qc.setQueryData<SessionResponse | null>(meKey, (s) => (s ? { ...s, user: { ...s.user, totpEnabled: true, totpSetupRequired: false } } : s));
      return qc.invalidateQueries({ queryKey: meKey });
    },
  });
}
