import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OverviewResponse } from '@shared/contracts/statistics';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type { OverviewResponse };

/** Every statistics query's key is built here; registry writes invalidate `.all`. */
export const statisticsKeys = queryKeys('statistics');

/** GET /api/statistics/overview for a region (default: the caller's whole scope). */
export const getOverview = (regionId: string | undefined, signal?: AbortSignal) =>
  api<OverviewResponse>('GET', withQuery('/api/statistics/overview', { regionId }), undefined, signal);

/** The overview of the region chosen in the header; the previous region's numbers stay while the next load. */
export function useOverview(regionId: string | undefined) {
  return useQuery({
    queryKey: statisticsKeys.of('overview', regionId ?? null),
    queryFn: ({ signal }) => getOverview(regionId, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
