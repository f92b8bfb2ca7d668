import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateApplicationRequest, PostingDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** POST /api/cadre-postings/:id/applications. */
export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateApplicationRequest }) =>
      api<PostingDetail>('POST', `/api/cadre-postings/${encodeURIComponent(id)}/applications`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
