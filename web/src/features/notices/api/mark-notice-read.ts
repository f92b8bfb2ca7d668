import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import type { NoticeDetail } from './get-notice';
import { noticeKeys } from './list-notices';

/** POST /api/notices/:id/read: the notice is marked read; the lists and the 工作台 refresh. */
export function useMarkNoticeRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>('POST', `/api/notices/${encodeURIComponent(id)}/read`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: noticeKeys.all });
      void qc.invalidateQueries({ queryKey: queryKeys('workbench').all });
    },
  });
}

/** Marks a notice read once it is shown (not yet read, and published: a draft opened by its writer is not "read"). */
export function useReadOnOpen(notice: NoticeDetail | undefined) {
  const { mutate } = useMarkNoticeRead();
  const id = notice && !notice.read && notice.status === 'current' ? notice.id : null;
  useEffect(() => {
    if (id) mutate(id);
  }, [id, mutate]);
}
