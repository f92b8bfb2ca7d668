import { useQuery } from '@tanstack/react-query';
import type { CadreAnalytics } from '@shared/contracts/cadres';
import { api, withQuery } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

export type { CadreAnalytics };

/** GET /api/cadres/analytics: the team's profile, one community or the whole scope. */
export function useCadreAnalytics(communityId?: string) {
  return useQuery({
    queryKey: cadreKeys.of('analytics', communityId ?? 'all'),
    queryFn: ({ signal }) => api<CadreAnalytics>('GET', withQuery('/api/cadres/analytics', { communityId }), undefined, signal),
  });
}
