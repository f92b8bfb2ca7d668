import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompleteMilestoneRequest, ProjectDetail } from '@shared/contracts/projects';
import { api } from '../../../lib/api';
import { projectKeys } from './list-projects';

/** POST /api/projects/:id/milestones/:milestoneId/complete; the progress follows. */
export function useCompleteMilestone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, milestoneId, ...body }: CompleteMilestoneRequest & { id: string; milestoneId: string }) =>
      api<ProjectDetail>('POST', `/api/projects/${encodeURIComponent(id)}/milestones/${encodeURIComponent(milestoneId)}/complete`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
