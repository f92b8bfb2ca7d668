import { useQuery } from '@tanstack/react-query';
import type { ResidentDetail } from '@shared/contracts/residents';
import { api } from '../../../lib/api';
import { residentKeys } from './list-residents';

export type { ResidentDetail };

/** Query key of one resident. */

/** GET /api/residents/:id: masked identity, household, visible care records and moves. */
export const getResident = (id: string, signal?: AbortSignal) => api<ResidentDetail>('GET', `/api/residents/${encodeURIComponent(id)}`, undefined, signal);

/** One resident. */
export function useResident(id: string) {
  return useQuery({ queryKey: residentKeys.detail(id), queryFn: ({ signal }) => getResident(id, signal) });
}
