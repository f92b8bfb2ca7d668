import { useQuery } from '@tanstack/react-query';
import type { OrganisationDetail } from '@shared/contracts/organisations';
import { api } from '../../../lib/api';
import { organisationKeys } from './list-organisations';

export type { OrganisationDetail };

/** GET /api/organisations/:id: the organisation with its members, honours and sub-organisations. */
export const getOrganisation = (id: string, signal?: AbortSignal) =>
  api<OrganisationDetail>('GET', `/api/organisations/${encodeURIComponent(id)}`, undefined, signal);

/** One organisation. */
export function useOrganisation(id: string) {
  return useQuery({ queryKey: organisationKeys.detail(id), queryFn: ({ signal }) => getOrganisation(id, signal) });
}
