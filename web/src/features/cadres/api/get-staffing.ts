import { useQuery } from '@tanstack/react-query';
import type { StaffingReport } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

export type { StaffingReport };

/** GET /api/cadres/staffing: each community against the standard. */
export function useStaffing() {
  return useQuery({ queryKey: cadreKeys.of('staffing'), queryFn: ({ signal }) => api<StaffingReport>('GET', '/api/cadres/staffing', undefined, signal) });
}
