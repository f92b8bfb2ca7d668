import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BuildingListItem, BuildingsPage } from '@shared/contracts/buildings';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type Building = z.infer<typeof BuildingListItem>;

/** Filters and page of the building list. */
export interface BuildingsParams {
  q?: string;
  regionId?: string;
  page: number;
  pageSize: number;
}

/** Every buildings query's key is built here; writes invalidate `.all`. */
export const buildingKeys = queryKeys('buildings');

/** GET /api/buildings. */
export const listBuildings = (params: BuildingsParams, signal?: AbortSignal) =>
  api<z.infer<typeof BuildingsPage>>('GET', withQuery('/api/buildings', { ...params }), undefined, signal);

/** One page of buildings; the previous page stays on screen while the next loads. */
export function useBuildings(params: BuildingsParams) {
  return useQuery({ queryKey: buildingKeys.list(params), queryFn: ({ signal }) => listBuildings(params, signal), placeholderData: keepPreviousData });
}
