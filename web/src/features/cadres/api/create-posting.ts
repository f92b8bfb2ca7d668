import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePostingRequest, PostingDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** POST /api/cadre-postings; the lists refresh. */
export function useCreatePosting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePostingRequest) => api<PostingDetail>('POST', '/api/cadre-postings', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
