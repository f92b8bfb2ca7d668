import { useQuery } from '@tanstack/react-query';
import type { SessionResponse } from '@shared/contracts/auth';
import { api, isApiError, setCsrfToken } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** Query key of the signed-in user; sign-in fills it, sign-out clears it. */
export const authKeys = queryKeys('auth');
export const meKey = authKeys.of('me');

/** GET /api/auth/me: the session, or null when nobody is signed in. */
export async function getMe(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    const session = await api<SessionResponse>('GET', '/api/auth/me', undefined, signal);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (isApiError(err, 'AUTH_REQUIRED')) return null;
    throw err;
  }
}

/** The session, fetched once and kept until sign-in, sign-out or a password change. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => getMe(signal), staleTime: Infinity, retry: false });
}
