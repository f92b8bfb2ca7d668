import { useQuery } from '@tanstack/react-query';
import type { OrganisationCounts } from '@shared/contracts/organisations';
import { api } from '../../../lib/api';
import { organisationKeys } from './list-organisations';

/** GET /api/organisations/counts: organisations per community and type. */
export const getOrganisationCounts = (signal?: AbortSignal) => api<OrganisationCounts>('GET', '/api/organisations/counts', undefined, signal);

export function useOrganisationCounts() {
  return useQuery({ queryKey: organisationKeys.of('counts'), queryFn: ({ signal }) => getOrganisationCounts(signal) });
}
