import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PostingDetail, UpdatePostingRequest, WithdrawPostingRequest } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** PATCH /api/cadre-postings/:id at the version read (409 when stale or once scores exist); the posting and the lists refresh. */
export function useUpdatePosting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePostingRequest }) =>
      api<PostingDetail>('PATCH', `/api/cadre-postings/${encodeURIComponent(id)}`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}

/** POST /api/cadre-postings/:id/withdraw with the reason, at the version read; the posting and the lists refresh. */
export function useWithdrawPosting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: WithdrawPostingRequest }) =>
      api<PostingDetail>('POST', `/api/cadre-postings/${encodeURIComponent(id)}/withdraw`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
