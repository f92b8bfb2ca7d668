import { useQuery } from '@tanstack/react-query';
import type { ApplicationView, ObjectionView, PostingDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

export type { ApplicationView, ObjectionView, PostingDetail };

/** GET /api/cadre-postings/:id: conditions, applicants in ranking order, objections. */
export function usePosting(id: string) {
  return useQuery({
    queryKey: cadreKeys.of('postings', 'detail', id),
    queryFn: ({ signal }) => api<PostingDetail>('GET', `/api/cadre-postings/${encodeURIComponent(id)}`, undefined, signal),
  });
}
