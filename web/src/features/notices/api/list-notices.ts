import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NoticeListItem, NoticesPage } from '@shared/contracts/notices';
import type { NoticeAudience, NoticeImportance, NoticeStatus } from '@shared/domain/notices';
import { api, withQuery } from '../../../lib/api';

export type { NoticeListItem };

/** Every notices query starts with this key; writes invalidate it (and the 工作台, which lists them). */
export const noticesKey = ['notices'] as const;

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
    queryKey: [...noticesKey, 'list', params],
    queryFn: ({ signal }) => api<NoticesPage>('GET', withQuery('/api/notices', { ...params }), undefined, signal),
    placeholderData: keepPreviousData,
  });
}
