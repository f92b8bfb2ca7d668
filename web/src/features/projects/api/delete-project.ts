import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api';
import { projectKeys } from './list-projects';

/** DELETE /api/projects/:id (a planned project only) at the version read. */
export function useDeleteProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<{ ok: true }>('DELETE', withQuery(`/api/projects/${encodeURIComponent(id)}`, { version })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
