import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PostingDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** POST /api/cadre-postings/:id/eligibility: checks every application not decided by an official. */
export function useCheckEligibility() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<PostingDetail>('POST', `/api/cadre-postings/${encodeURIComponent(id)}/eligibility`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
