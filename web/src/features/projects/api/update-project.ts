import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProjectDetail, UpdateProjectRequest } from '@shared/contracts/projects';
import { api } from '../../../lib/api';
import { projectKeys } from './list-projects';

/** PATCH /api/projects/:id at the version read (409 when stale); the project and the lists refresh. */
export function useUpdateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateProjectRequest & { id: string }) => api<ProjectDetail>('PATCH', `/api/projects/${encodeURIComponent(id)}`, body),
    onSettled: () => void qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
