import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api';
import { meKey } from './get-me';

/** POST /api/auth/logout. */
export const signOut = () => api<{ ok: true }>('POST', '/api/auth/logout', {});

/** Signs out; whatever the server says, the browser forgets the session and every cached answer. */
export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}
