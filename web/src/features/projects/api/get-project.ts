import { useQuery } from '@tanstack/react-query';
import type { ProjectDetail } from '@shared/contracts/projects';
import { api } from '../../../lib/api';
import { projectKeys } from './list-projects';

export type { ProjectDetail };

/** GET /api/projects/:id: the project, its milestones and its funding by source. */
export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => api<ProjectDetail>('GET', `/api/projects/${encodeURIComponent(id)}`, undefined, signal),
  });
}
