import { useQuery } from '@tanstack/react-query';
import type { RegionNodeT } from '@shared/contracts/regions';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** Query key of the caller's region tree. */
export const regionKeys = queryKeys('regions');
export const regionTreeKey = regionKeys.of('tree');

/** GET /api/regions/tree: one root per granted subtree. */
export const getRegionTree = (signal?: AbortSignal) => api<{ roots: RegionNodeT[] }>('GET', '/api/regions/tree', undefined, signal);

/** The region tree within the user's scope (only for holders of regions.read). */
export function useRegionTree(enabled = true) {
  return useQuery({ queryKey: regionTreeKey, queryFn: ({ signal }) => getRegionTree(signal), enabled, staleTime: 5 * 60_000 });
}
