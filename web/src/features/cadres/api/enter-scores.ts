import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EnterScoresRequest, PostingDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** PUT /api/cadre-postings/:id/scores: written or interview scores. */
export function useEnterScores() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EnterScoresRequest }) =>
      api<PostingDetail>('PUT', `/api/cadre-postings/${encodeURIComponent(id)}/scores`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
