import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganisationListItem, OrganisationsPage } from '@shared/contracts/organisations';
import type { OrganisationType } from '@shared/domain/organisations';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type { OrganisationListItem };

/** Filters, sort and page of the organisation list (the export takes the same filters). */
export interface OrganisationsParams {
  q?: string;
  type?: OrganisationType;
  communityId?: string;
  sort?: 'name' | 'type' | 'foundedDate' | 'members' | 'community';
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Every organisations query's key is built here; writes invalidate `.all`. */
export const organisationKeys = queryKeys('organisations');

/** GET /api/organisations. */
export const listOrganisations = (params: OrganisationsParams, signal?: AbortSignal) =>
  api<z.infer<typeof OrganisationsPage>>('GET', withQuery('/api/organisations', { ...params }), undefined, signal);

/** One page of organisations; the previous page stays on screen while the next loads. */
export function useOrganisations(params: OrganisationsParams) {
  return useQuery({
    queryKey: organisationKeys.list(params),
    queryFn: ({ signal }) => listOrganisations(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** The export's URL for the same filters (a plain download link: the session cookie goes with it). */
export const exportOrganisationsUrl = (params: Omit<OrganisationsParams, 'page' | 'pageSize'>) => withQuery('/api/organisations/export', { ...params });
