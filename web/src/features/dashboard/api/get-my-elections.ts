import { useQuery } from '@tanstack/react-query';
import type { MyElections } from '@shared/contracts/elections';
import { api } from '../../../lib/api';
import { myKeys } from './get-my-details';

export type { MyElections };

export const myElectionsKey = myKeys.of('elections');

/**
 * GET /api/me/elections: the published rolls of the resident's community open to objections today, whether
 * the resident is on each, and the objections they filed with the answers (404 when the account is linked to nobody).
 */
export function useMyElections() {
  return useQuery({
    queryKey: myElectionsKey,
    queryFn: ({ signal }) => api<MyElections>('GET', '/api/me/elections', undefined, signal),
    retry: false,
  });
}
