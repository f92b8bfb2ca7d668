import { useQuery } from '@tanstack/react-query';
import type { PendingGrant } from '@shared/contracts/accounts';
import { api } from '../../../lib/api';
import { accountKeys } from './list-accounts';

export type { PendingGrant };

/** GET /api/accounts/pending-grants: grants waiting for the security administrator's approval. */
export const listPendingGrants = (signal?: AbortSignal) => api<{ items: PendingGrant[] }>('GET', '/api/accounts/pending-grants', undefined, signal);

/** The grants this approver may approve (under the accounts key: approving changes the account list too). */
export function usePendingGrants() {
  return useQuery({ queryKey: accountKeys.of('pending-grants'), queryFn: ({ signal }) => listPendingGrants(signal) });
}
