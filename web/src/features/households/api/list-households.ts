import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { HouseholdListItem, HouseholdsPage } from '@shared/contracts/households';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type Household = z.infer<typeof HouseholdListItem>;
export type HouseholdsResult = z.infer<typeof HouseholdsPage>;

/** Filters and page of the household list. */
export interface HouseholdsParams {
  q?: string;
  regionId?: string;
  gridId?: string;
  buildingId?: string;
  status?: 'active' | 'merged' | 'dissolved' | 'all';
  page: number;
  pageSize: number;
}

/** Every households query's key is built here; writes invalidate `.all`. */
export const householdKeys = queryKeys('households');

/** GET /api/households. */
export const listHouseholds = (params: HouseholdsParams, signal?: AbortSignal) =>
  api<HouseholdsResult>('GET', withQuery('/api/households', { ...params }), undefined, signal);

/** One page of households; the previous page stays on screen while the next loads. */
export function useHouseholds(params: HouseholdsParams, enabled = true) {
  return useQuery({
    queryKey: householdKeys.list(params),
    queryFn: ({ signal }) => listHouseholds(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
