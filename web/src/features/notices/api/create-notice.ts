import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateNoticeRequest, NoticeDetail } from '@shared/contracts/notices';
import { api } from '../../../lib/api';
import { workbenchKey } from '../../dashboard/api/get-workbench';
import { noticesKey } from './list-notices';

/** POST /api/notices; the lists and the 工作台 refresh. */
export function useCreateNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateNoticeRequest> & Pick<CreateNoticeRequest, 'regionId' | 'title' | 'body'>) =>
      api<NoticeDetail>('POST', '/api/notices', body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: noticesKey });
      void qc.invalidateQueries({ queryKey: workbenchKey });
    },
  });
}
