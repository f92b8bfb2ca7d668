import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Voter, VOTERS_EXPORT_VIEWS, VOTERS_VIEWS, VotersPage } from '@shared/contracts/elections';
import { api, withQuery } from '../../../lib/api';
import { electionKeys } from './list-elections';

export type VoterRow = z.infer<typeof Voter>;

export interface VotersParams {
  q?: string;
  view: (typeof VOTERS_VIEWS)[number];
  page: number;
  pageSize: number;
}

/** GET /api/elections/:id/voters: the roll, masked. */
export function useVoters(id: string, params: VotersParams) {
  return useQuery({
    queryKey: electionKeys.detail(id, 'voters', params),
    queryFn: ({ signal }) =>
      api<z.infer<typeof VotersPage>>('GET', withQuery(`/api/elections/${encodeURIComponent(id)}/voters`, { ...params }), undefined, signal),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx of the roll (a plain link: the session cookie authorises it). */
export const votersExportUrl = (id: string, view: (typeof VOTERS_EXPORT_VIEWS)[number]) =>
  `/api/elections/${encodeURIComponent(id)}/voters/export?view=${view}`;
