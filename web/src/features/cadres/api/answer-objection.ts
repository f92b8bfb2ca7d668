import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AnswerObjectionRequest, PostingDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** PUT /api/cadre-posting-objections/:id/answer. */
export function useAnswerObjection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AnswerObjectionRequest }) =>
      api<PostingDetail>('PUT', `/api/cadre-posting-objections/${encodeURIComponent(id)}/answer`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
