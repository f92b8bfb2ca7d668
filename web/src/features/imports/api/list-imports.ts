import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportJobsList } from '@shared/contracts/imports';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type ImportJobSummary = z.infer<typeof ImportJobsList>['items'][number];

/** Every imports query's key is built here. */
export const importKeys = queryKeys('imports');

/** GET /api/imports: the caller's recent jobs. */
export const listImports = (signal?: AbortSignal) => api<z.infer<typeof ImportJobsList>>('GET', '/api/imports', undefined, signal);

/** Recent import jobs (refreshed while one of them is still running). */
export function useImports() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: ({ signal }) => listImports(signal),
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'queued' || j.status === 'running') ? 2000 : false),
  });
}

/** The template download (GET, so a plain link carries the session cookie). */
export const TEMPLATE_URL = '/api/imports/template';
