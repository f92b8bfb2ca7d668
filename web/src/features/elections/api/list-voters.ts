import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Voter, VotersPage } from '@shared/contracts/elections';
import { api, withQuery } from '../../../lib/api';
import { electionKey } from './get-election';

export type VoterRow = z.infer<typeof Voter>;

export interface VotersParams {
  q?: string;
  view: 'all' | 'reps' | 'excluded';
  page: number;
  pageSize: number;
}

/** GET /api/elections/:id/voters: the roll, masked. */
export function useVoters(id: string, params: VotersParams) {
  return useQuery({
    queryKey: [...electionKey(id), 'voters', params],
    queryFn: ({ signal }) =>
      api<z.infer<typeof VotersPage>>('GET', withQuery(`/api/elections/${encodeURIComponent(id)}/voters`, { ...params }), undefined, signal),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx of the roll (a plain link: the session cookie authorises it). */
export const votersExportUrl = (id: string, view: 'all' | 'reps') => `/api/elections/${encodeURIComponent(id)}/voters/export?view=${view}`;
