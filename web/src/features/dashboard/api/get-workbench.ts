import { useQuery } from '@tanstack/react-query';
import type { WorkbenchResponse } from '@shared/contracts/workbench';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type { WorkbenchResponse };

/** Query key of the 工作台 (refetched when the window regains focus: the numbers move during the day). */
export const workbenchKeys = queryKeys('workbench');

/** GET /api/workbench: cards, 待办, recent records and shortcuts of the signed-in user. */
export const getWorkbench = (signal?: AbortSignal) => api<WorkbenchResponse>('GET', '/api/workbench', undefined, signal);

/** The signed-in user's 工作台. */
export function useWorkbench() {
  return useQuery({ queryKey: workbenchKeys.all, queryFn: ({ signal }) => getWorkbench(signal), staleTime: 30_000 });
}
