import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Announcement, ElectionDetail } from '@shared/contracts/elections';
import { api } from '../../../lib/api';
import { electionKeys } from './list-elections';

export type { ElectionDetail };

/** GET /api/elections/:id: the election, its timeline, candidates with checks, counts and results. */
export const getElection = (id: string, signal?: AbortSignal) => api<ElectionDetail>('GET', `/api/elections/${encodeURIComponent(id)}`, undefined, signal);

export function useElection(id: string) {
  return useQuery({ queryKey: electionKeys.detail(id), queryFn: ({ signal }) => getElection(id, signal) });
}

/** GET /api/elections/:id/announcement: what the printed 公告 shows. */
export function useAnnouncement(id: string) {
  return useQuery({
    queryKey: electionKeys.detail(id, 'announcement'),
    queryFn: ({ signal }) => api<z.infer<typeof Announcement>>('GET', `/api/elections/${encodeURIComponent(id)}/announcement`, undefined, signal),
  });
}
