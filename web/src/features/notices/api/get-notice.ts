import { useQuery } from '@tanstack/react-query';
import type { NoticeDetail } from '@shared/contracts/notices';
import { api } from '../../../lib/api';
import { noticeKeys } from './list-notices';

export type { NoticeDetail };

/** GET /api/notices/:id: one notice with its text (disabled without an id, for a closed drawer). */
export function useNotice(id: string | null) {
  return useQuery({
    queryKey: noticeKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<NoticeDetail>('GET', `/api/notices/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: Boolean(id),
  });
}
