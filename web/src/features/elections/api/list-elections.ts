import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ElectionListItem, ElectionsPage } from '@shared/contracts/elections';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type Election = z.infer<typeof ElectionListItem>;

/** Every elections query's key is built here; writes invalidate `.all`. */
export const electionKeys = queryKeys('elections');

export interface ElectionsParams {
  communityId?: string;
  status?: string;
  page: number;
  pageSize: number;
}

/** GET /api/elections. */
export const listElections = (params: ElectionsParams, signal?: AbortSignal) =>
  api<z.infer<typeof ElectionsPage>>('GET', withQuery('/api/elections', { ...params }), undefined, signal);

/** One page of elections in the user's scope. */
export function useElections(params: ElectionsParams) {
  return useQuery({ queryKey: electionKeys.list(params), queryFn: ({ signal }) => listElections(params, signal), placeholderData: keepPreviousData });
}
