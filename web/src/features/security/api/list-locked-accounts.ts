import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LockedAccount } from '@shared/contracts/security';
import { api } from '../../../lib/api';
import { securityKeys } from './get-security-settings';

export type LockedAccountT = z.infer<typeof LockedAccount>;

/** GET /api/security/locked-accounts. */
export const listLockedAccounts = (signal?: AbortSignal) => api<{ items: LockedAccountT[] }>('GET', '/api/security/locked-accounts', undefined, signal);

/** Accounts locked by failed attempts now. */
export function useLockedAccounts() {
  return useQuery({ queryKey: securityKeys.of('locked'), queryFn: ({ signal }) => listLockedAccounts(signal) });
}
