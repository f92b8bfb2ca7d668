import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ResidentListItem, ResidentsPage } from '@shared/contracts/residents';
import type { CareGroup, ResidenceType, ResidentStatus } from '@shared/domain/registry';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type { ResidentListItem };

/** The filters shared by the list and the export (see ResidentsFilter in shared/contracts/residents.ts). */
export interface ResidentsFilterParams {
  q?: string;
  regionId?: string;
  careGroup?: CareGroup;
  ageMin?: number;
  ageMax?: number;
  sex?: 'M' | 'F';
  residenceType?: ResidenceType;
  status?: ResidentStatus | 'all';
  /** 'true': only residents waiting for a grid. */
  unplaced?: 'true';
  sort?: 'name' | 'birthDate' | 'createdAt';
  order?: 'asc' | 'desc';
}

export interface ResidentsParams extends ResidentsFilterParams {
  page: number;
  pageSize: number;
}

/** Every residents query's key is built here; writes invalidate `.all`. */
export const residentKeys = queryKeys('residents');

/** GET /api/residents. */
export const listResidents = (params: ResidentsParams, signal?: AbortSignal) =>
  api<ResidentsPage>('GET', withQuery('/api/residents', { ...params }), undefined, signal);

/** One page of residents; the previous page stays on screen while the next loads. */
export function useResidents(params: ResidentsParams, enabled = true) {
  return useQuery({
    queryKey: residentKeys.list(params),
    queryFn: ({ signal }) => listResidents(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The address of GET /api/residents/export for a filter: used as a plain download link (the cookie goes
 * along). It exports masked values only; a full export is POST /api/residents/export with the CSRF token.
 */
export const exportResidentsUrl = (filter: ResidentsFilterParams) => withQuery('/api/residents/export', { ...filter });
