import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NoticeDetail, WithdrawNoticeRequest } from '@shared/contracts/notices';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { noticeKeys } from './list-notices';

/** POST /api/notices/:id/withdraw with a reason, at the version read; the notice, the lists and the 工作台 refresh. */
export function useWithdrawNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: WithdrawNoticeRequest & { id: string }) => api<NoticeDetail>('POST', `/api/notices/${encodeURIComponent(id)}/withdraw`, body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: noticeKeys.all });
      void qc.invalidateQueries({ queryKey: queryKeys('workbench').all });
    },
  });
}
