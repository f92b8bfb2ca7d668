import { useQuery } from '@tanstack/react-query';
import type { PostingListItem } from '@shared/contracts/cadres';
import { api, withQuery } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

export type { PostingListItem };

/** GET /api/cadre-postings: the recruitment postings in the caller's area, the newest window first. */
export function usePostings(communityId?: string) {
  return useQuery({
    queryKey: cadreKeys.of('postings', communityId ?? ''),
    queryFn: ({ signal }) => api<{ items: PostingListItem[] }>('GET', withQuery('/api/cadre-postings', { communityId }), undefined, signal),
  });
}
