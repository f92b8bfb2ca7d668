import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PremisesList } from '@shared/contracts/fourhaves';
import { api, withQuery } from '../../../lib/api';
import { projectKeys } from './list-projects';

/** GET /api/premises of one community: the premises a project may build or renovate. */
export function usePremisesOf(communityId: string | undefined) {
  return useQuery({
    queryKey: projectKeys.of('premises', communityId),
    enabled: !!communityId,
    queryFn: ({ signal }) => api<z.infer<typeof PremisesList>>('GET', withQuery('/api/premises', { communityId }), undefined, signal),
  });
}
