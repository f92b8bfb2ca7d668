import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api';
import { organisationKeys } from './list-organisations';

/** DELETE /api/organisations/:id with the version read (a stale one gets 409). */
export const deleteOrganisation = ({ id, version }: { id: string; version: number }) =>
  api<{ ok: true }>('DELETE', withQuery(`/api/organisations/${encodeURIComponent(id)}`, { version }));

/** Deletes an organisation with its members and honours; lists and counts refresh. */
export function useDeleteOrganisation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteOrganisation, onSuccess: () => void qc.invalidateQueries({ queryKey: organisationKeys.all }) });
}
