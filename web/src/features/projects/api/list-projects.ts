import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ProjectListItem, ProjectsPage } from '@shared/contracts/projects';
import type { ProjectKind, ProjectState } from '@shared/domain/projects';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type { ProjectListItem };

/** Every projects query's key is built here; writes invalidate `.all`. */
export const projectKeys = queryKeys('projects');

/** Filters and page of the list. */
export interface ProjectsParams {
  q?: string;
  communityId?: string;
  kind?: ProjectKind;
  state?: ProjectState;
  overdue?: 'true';
  page: number;
  pageSize: number;
}

/** GET /api/projects: one page of projects with their money. */
export function useProjects(params: ProjectsParams) {
  return useQuery({
    queryKey: projectKeys.list(params),
    queryFn: ({ signal }) => api<z.infer<typeof ProjectsPage>>('GET', withQuery('/api/projects', { ...params }), undefined, signal),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx of the list's filters (a plain link downloads it with the session cookie). */
export const projectsExportUrl = (params: Omit<ProjectsParams, 'page' | 'pageSize'>) => withQuery('/api/projects/export', { ...params });
