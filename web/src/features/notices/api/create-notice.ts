import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateNoticeRequest, NoticeDetail } from '@shared/contracts/notices';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { noticeKeys } from './list-notices';

/** POST /api/notices; the lists and the 工作台 refresh. */
export function useCreateNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateNoticeRequest> & Pick<CreateNoticeRequest, 'regionId' | 'title' | 'body'>) =>
      api<NoticeDetail>('POST', '/api/notices', body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: noticeKeys.all });
      void qc.invalidateQueries({ queryKey: queryKeys('workbench').all });
    },
  });
}
