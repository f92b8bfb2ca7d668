import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateObjectionRequest, PostingDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** POST /api/cadre-postings/:id/objections: an objection received during the notice. */
export function useCreateObjection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateObjectionRequest }) =>
      api<PostingDetail>('POST', `/api/cadre-postings/${encodeURIComponent(id)}/objections`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
