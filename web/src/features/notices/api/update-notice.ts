import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NoticeDetail, UpdateNoticeRequest } from '@shared/contracts/notices';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { noticeKeys } from './list-notices';

/** PATCH /api/notices/:id at the version read (409 when stale); the notice, the lists and the 工作台 refresh. */
export function useUpdateNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateNoticeRequest & { id: string }) => api<NoticeDetail>('PATCH', `/api/notices/${encodeURIComponent(id)}`, body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: noticeKeys.all });
      void qc.invalidateQueries({ queryKey: queryKeys('workbench').all });
    },
  });
}
