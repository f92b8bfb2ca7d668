import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@shared/contracts/auth';
import { api, setCsrfToken } from '../../../lib/api';
import { meKey } from './get-me';

/** The sign-in form. */
export interface SignInInput {
  username: string;
  password: string;
  /** The authenticator code, once the server has asked for it. */
  totpCode?: string;
}

/** POST /api/auth/login. */
export const signIn = (input: SignInInput) => api<SessionResponse>('POST', '/api/auth/login', input);

/** Signs in and stores the session (user and CSRF token) for the rest of the app. */
export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Data cached for a previous user must not leak into this session.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, session);
    },
  });
}
