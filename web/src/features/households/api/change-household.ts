import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { HouseholdChangeResponse, MergeHouseholdRequest, MoveMemberRequest, SplitHouseholdRequest } from '@shared/contracts/households';
import { api } from '../../../lib/api';
import { householdKey } from './get-household';
import { householdsKey } from './list-households';

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
  qc.setQueryData(householdKey(change.household.id), change.household);
  qc.setQueryData(householdKey(change.other.id), change.other);
  void qc.invalidateQueries({ queryKey: [...householdsKey, 'list'] });
  void qc.invalidateQueries({ queryKey: ['residents'] });
  void qc.invalidateQueries({ queryKey: ['buildings'] });
  void qc.invalidateQueries({ queryKey: ['statistics'] });
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
