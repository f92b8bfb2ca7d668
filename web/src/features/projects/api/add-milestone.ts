import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddMilestoneRequest, ProjectDetail } from '@shared/contracts/projects';
import { api } from '../../../lib/api';
import { projectKeys } from './list-projects';

/** POST /api/projects/:id/milestones; the project refreshes. */
export function useAddMilestone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: AddMilestoneRequest & { id: string }) =>
      api<ProjectDetail>('POST', `/api/projects/${encodeURIComponent(id)}/milestones`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
