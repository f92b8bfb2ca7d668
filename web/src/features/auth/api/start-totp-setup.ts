import { useMutation } from '@tanstack/react-query';
import type { TotpSetupResponse } from '@shared/contracts/auth';
import { api } from '../../../lib/api';

/** POST /api/auth/totp/setup: a new secret for the authenticator app (shown once). */
export const startTotpSetup = () => api<TotpSetupResponse>('POST', '/api/auth/totp/setup', {});

/** Asks the server for a new secret while the second factor is off. */
export function useStartTotpSetup() {
  return useMutation({ mutationFn: startTotpSetup });
}
