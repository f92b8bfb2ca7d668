import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FileOwnObjectionRequest } from '@shared/contracts/elections';
import { api } from '../../../lib/api';
import { myElectionsKey } from './get-my-elections';

/**
 * POST /api/me/elections/:id/objections: the resident's own objection to the roll (about themselves), filed
 * today. 409 outside the objection window or while an earlier one awaits its answer; the list reloads either way.
 */
export function useFileMyObjection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ electionId, ...body }: FileOwnObjectionRequest & { electionId: string }) =>
      api<{ id: string }>('POST', `/api/me/elections/${electionId}/objections`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: myElectionsKey }),
  });
}
