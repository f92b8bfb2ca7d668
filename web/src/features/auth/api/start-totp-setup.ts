import { useMutation } from '@tanstack/react-query';
import type { TotpSetupResponse } from '@shared/contracts/auth';
import { api } from '../../../lib/api';

/** What enrolment asks for: the password again (and the current code when a factor is in force). */
export interface TotpSetupInput {
  password: string;
  currentCode?: string;
}

/** POST /api/auth/totp/setup: a new secret for the authenticator app (shown once). */
export const startTotpSetup = (input: TotpSetupInput) => api<TotpSetupResponse>('POST', '/api/auth/totp/setup', input);

/** Asks the server for a new secret, after the password. */
export function useStartTotpSetup() {
  return useMutation({ mutationFn: startTotpSetup });
}
