import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganisationDetail, UpdateOrganisationRequest } from '@shared/contracts/organisations';
import { api } from '../../../lib/api';
import { organisationKeys } from './list-organisations';

export type UpdateOrganisationInput = z.input<typeof UpdateOrganisationRequest> & { id: string };

/** PATCH /api/organisations/:id at the version read (409 VERSION_CONFLICT when someone saved in between). */
export const updateOrganisation = ({ id, ...body }: UpdateOrganisationInput) =>
  api<OrganisationDetail>('PATCH', `/api/organisations/${encodeURIComponent(id)}`, body);

/** Edits an organisation; it, the lists and the counts refresh whether the save went through or was stale. */
export function useUpdateOrganisation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateOrganisation, onSettled: () => void qc.invalidateQueries({ queryKey: organisationKeys.all }) });
}
