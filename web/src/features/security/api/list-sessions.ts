import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActiveSession } from '@shared/contracts/security';
import { api } from '../../../lib/api';
import { securityKeys } from './get-security-settings';

export type ActiveSessionT = z.infer<typeof ActiveSession>;

/** GET /api/security/sessions. */
export const listSessions = (signal?: AbortSignal) => api<{ items: ActiveSessionT[] }>('GET', '/api/security/sessions', undefined, signal);

/** The signed-in browsers within the session limits. */
export function useSessions() {
  return useQuery({ queryKey: securityKeys.of('sessions'), queryFn: ({ signal }) => listSessions(signal) });
}
