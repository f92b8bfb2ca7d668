import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ImportJobView } from '@shared/contracts/imports';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { importKeys } from './list-imports';

export type { ImportJobView };

const running = (job?: ImportJobView) => job?.status === 'queued' || job?.status === 'running';

/** GET /api/imports/:id: progress and result. */
export const getImport = (id: string, signal?: AbortSignal) => api<ImportJobView>('GET', `/api/imports/${encodeURIComponent(id)}`, undefined, signal);

/** One job, polled every 800 ms until it is done or failed; then the registry's lists refresh. */
export function useImportJob(id: string | null) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.of('job', id),
    queryFn: ({ signal }) => getImport(id!, signal),
    enabled: !!id,
    refetchInterval: (q) => (running(q.state.data) || !q.state.data ? 800 : false),
  });
  const finished = query.data && !running(query.data);
  useEffect(() => {
    if (!finished) return;
    void qc.invalidateQueries({ queryKey: queryKeys('residents').all });
    void qc.invalidateQueries({ queryKey: queryKeys('households').all });
    void qc.invalidateQueries({ queryKey: queryKeys('statistics').all });
    void qc.invalidateQueries({ queryKey: importKeys.list() });
  }, [finished, qc]);
  return query;
}

/** The per-row report of a finished job (GET, downloaded through a plain link). */
export const reportUrl = (id: string) => `/api/imports/${encodeURIComponent(id)}/report`;
