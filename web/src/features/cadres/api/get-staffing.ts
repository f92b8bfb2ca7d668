import { useQuery } from '@tanstack/react-query';
import type { StaffingReport } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadresKey } from './list-cadres';

export type { StaffingReport };

/** GET /api/cadres/staffing: each community against the standard. */
export function useStaffing() {
  return useQuery({ queryKey: [...cadresKey, 'staffing'], queryFn: ({ signal }) => api<StaffingReport>('GET', '/api/cadres/staffing', undefined, signal) });
}
