import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NoticeListItem, NoticesPage } from '@shared/contracts/notices';
import type { NoticeAudience, NoticeImportance, NoticeStatus } from '@shared/domain/notices';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type { NoticeListItem };

/** Every notices query's key is built here; writes invalidate `.all` (and the 工作台, which lists them). */
export const noticeKeys = queryKeys('notices');

/** Filters and page of the list. */
export interface NoticesParams {
  q?: string;
  status?: NoticeStatus;
  audience?: NoticeAudience;
  importance?: NoticeImportance;
  page: number;
  pageSize: number;
}

/** GET /api/notices: one page of the notices reaching the user. */
export function useNotices(params: NoticesParams) {
  return useQuery({
    queryKey: noticeKeys.list(params),
    queryFn: ({ signal }) => api<NoticesPage>('GET', withQuery('/api/notices', { ...params }), undefined, signal),
    placeholderData: keepPreviousData,
  });
}
