import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CadreListItem, CadresPage } from '@shared/contracts/cadres';
import type { CadrePost, CadreSource } from '@shared/domain/staffing';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type { CadreListItem };

/** Every cadres query's key is built here; writes invalidate `.all`. */
export const cadreKeys = queryKeys('cadres');

/** Filters and page of the register. */
export interface CadresParams {
  q?: string;
  communityId?: string;
  post?: CadrePost;
  source?: CadreSource;
  uninsured?: 'true';
  page: number;
  pageSize: number;
}

/** GET /api/cadres: one page of the register. */
export function useCadres(params: CadresParams) {
  return useQuery({
    queryKey: cadreKeys.list(params),
    queryFn: ({ signal }) => api<z.infer<typeof CadresPage>>('GET', withQuery('/api/cadres', { ...params }), undefined, signal),
    placeholderData: keepPreviousData,
  });
}
