import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StartNoticeRequest, PostingDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** POST /api/cadre-postings/:id/notice: the results go on public notice. */
export function useStartNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: StartNoticeRequest }) =>
      api<PostingDetail>('POST', `/api/cadre-postings/${encodeURIComponent(id)}/notice`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
