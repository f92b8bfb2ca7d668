import { useQuery } from '@tanstack/react-query';
import type { OrganisationDetail } from '@shared/contracts/organisations';
import { api } from '../../../lib/api';
import { organisationsKey } from './list-organisations';

export type { OrganisationDetail };

export const organisationKey = (id: string) => [...organisationsKey, 'detail', id] as const;

/** GET /api/organisations/:id: the organisation with its members, honours and sub-organisations. */
export const getOrganisation = (id: string, signal?: AbortSignal) =>
  api<OrganisationDetail>('GET', `/api/organisations/${encodeURIComponent(id)}`, undefined, signal);

/** One organisation. */
export function useOrganisation(id: string) {
  return useQuery({ queryKey: organisationKey(id), queryFn: ({ signal }) => getOrganisation(id, signal) });
}
