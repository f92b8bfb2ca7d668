import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProjectRequest, ProjectDetail } from '@shared/contracts/projects';
import { api } from '../../../lib/api';
import { projectKeys } from './list-projects';

/** POST /api/projects; the lists refresh. */
export function useCreateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProjectRequest) => api<ProjectDetail>('POST', '/api/projects', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
