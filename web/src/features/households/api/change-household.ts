import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { HouseholdChangeResponse, MergeHouseholdRequest, MoveMemberRequest, SplitHouseholdRequest } from '@shared/contracts/households';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { householdKeys } from './list-households';

export type HouseholdChange = z.infer<typeof HouseholdChangeResponse>;
export type MoveMemberInput = z.input<typeof MoveMemberRequest>;
export type SplitHouseholdInput = z.input<typeof SplitHouseholdRequest>;
export type MergeHouseholdInput = z.input<typeof MergeHouseholdRequest>;

const path = (id: string, action: string) => `/api/households/${encodeURIComponent(id)}/${action}`;

/** POST /api/households/:id/move-member: one member goes to another household. */
export const moveMember = ({ householdId, ...body }: MoveMemberInput & { householdId: string }) =>
  api<HouseholdChange>('POST', path(householdId, 'move-member'), body);
/** POST /api/households/:id/split (分户): some members form a new household. */
export const splitHousehold = ({ householdId, ...body }: SplitHouseholdInput & { householdId: string }) =>
  api<HouseholdChange>('POST', path(householdId, 'split'), body);
/** POST /api/households/:id/merge (并户): every member joins another household. */
export const mergeHousehold = ({ householdId, ...body }: MergeHouseholdInput & { householdId: string }) =>
  api<HouseholdChange>('POST', path(householdId, 'merge'), body);

/** Both households of a change are cached from the answer; lists, residents and buildings refresh. */
function refresh(qc: QueryClient, change: HouseholdChange) {
  qc.setQueryData(householdKeys.detail(change.household.id), change.household);
  qc.setQueryData(householdKeys.detail(change.other.id), change.other);
  void qc.invalidateQueries({ queryKey: householdKeys.list() });
  void qc.invalidateQueries({ queryKey: queryKeys('residents').all });
  void qc.invalidateQueries({ queryKey: queryKeys('buildings').all });
  void qc.invalidateQueries({ queryKey: queryKeys('statistics').all });
}

/** Moves a member to another household. */
export function useMoveMember() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: moveMember, onSuccess: (change) => refresh(qc, change) });
}

/** Splits a household. */
export function useSplitHousehold() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: splitHousehold, onSuccess: (change) => refresh(qc, change) });
}

/** Merges a household into another. */
export function useMergeHousehold() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: mergeHousehold, onSuccess: (change) => refresh(qc, change) });
}
