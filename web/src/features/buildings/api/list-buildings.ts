import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BuildingListItem, BuildingsPage } from '@shared/contracts/buildings';
import { api, withQuery } from '../../../lib/api';

export type Building = z.infer<typeof BuildingListItem>;

/** Filters and page of the building list. */
export interface BuildingsParams {
  q?: string;
  regionId?: string;
  page: number;
  pageSize: number;
}

/** Every buildings query starts with this key; writes invalidate it. */
export const buildingsKey = ['buildings'] as const;

/** GET /api/buildings. */
export const listBuildings = (params: BuildingsParams, signal?: AbortSignal) =>
  api<z.infer<typeof BuildingsPage>>('GET', withQuery('/api/buildings', { ...params }), undefined, signal);

/** One page of buildings; the previous page stays on screen while the next loads. */
export function useBuildings(params: BuildingsParams) {
  return useQuery({ queryKey: [...buildingsKey, 'list', params], queryFn: ({ signal }) => listBuildings(params, signal), placeholderData: keepPreviousData });
}
