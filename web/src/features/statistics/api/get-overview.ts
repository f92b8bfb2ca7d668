import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OverviewResponse } from '@shared/contracts/statistics';
import { api, withQuery } from '../../../lib/api';

export type { OverviewResponse };

/** Every statistics query starts with this key; registry writes invalidate it. */
export const statisticsKey = ['statistics'] as const;

/** GET /api/statistics/overview for a region (default: the caller's whole scope). */
export const getOverview = (regionId: string | undefined, signal?: AbortSignal) =>
  api<OverviewResponse>('GET', withQuery('/api/statistics/overview', { regionId }), undefined, signal);

/** The overview of the region chosen in the header; the previous region's numbers stay while the next load. */
export function useOverview(regionId: string | undefined) {
  return useQuery({
    queryKey: [...statisticsKey, 'overview', regionId ?? null],
    queryFn: ({ signal }) => getOverview(regionId, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
