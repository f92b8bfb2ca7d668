import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OverrideEligibilityRequest, PostingDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** PUT /api/cadre-applications/:id/eligibility: an official's decision with a reason. */
export function useOverrideEligibility() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: OverrideEligibilityRequest }) =>
      api<PostingDetail>('PUT', `/api/cadre-applications/${encodeURIComponent(id)}/eligibility`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
