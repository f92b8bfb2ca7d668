import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@shared/contracts/auth';
import { api } from '../../../lib/api';
import { meKey } from './get-me';

/** The change-password form as the server takes it. */
export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/auth/password. */
export const changePassword = (input: ChangePasswordInput) => api<{ ok: true }>('POST', '/api/auth/password', input);

/** Changes one's own password; the session no longer needs a change (updated at once, then reloaded). */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      qc.setQueryData<SessionResponse | null>(meKey, (s) => (s ? { ...s, user: { ...s.user, mustChangePassword: false } } : s));
      return qc.invalidateQueries({ queryKey: meKey });
    },
  });
}
