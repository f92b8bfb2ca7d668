import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DecideOutcomeRequest, PostingDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** PUT /api/cadre-applications/:id/outcome: appoint, or enter into the election; the register refreshes too. */
export function useDecideOutcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecideOutcomeRequest }) =>
      api<PostingDetail>('PUT', `/api/cadre-applications/${encodeURIComponent(id)}/outcome`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
