import { useQuery } from '@tanstack/react-query';
import type { HouseholdDetail } from '@shared/contracts/households';
import { api } from '../../../lib/api';
import { householdKeys } from './list-households';

export type { HouseholdDetail };

/** Query key of one household. */

/** GET /api/households/:id: members (active first) and moves (newest first). */
export const getHousehold = (id: string, signal?: AbortSignal) => api<HouseholdDetail>('GET', `/api/households/${encodeURIComponent(id)}`, undefined, signal);

/** One household. */
export function useHousehold(id: string) {
  return useQuery({ queryKey: householdKeys.detail(id), queryFn: ({ signal }) => getHousehold(id, signal) });
}
