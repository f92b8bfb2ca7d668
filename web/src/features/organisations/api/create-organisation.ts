import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateOrganisationRequest, OrganisationDetail } from '@shared/contracts/organisations';
import { api } from '../../../lib/api';
import { organisationKeys } from './list-organisations';

export type CreateOrganisationInput = z.input<typeof CreateOrganisationRequest>;

/** POST /api/organisations. */
export const createOrganisation = (body: CreateOrganisationInput) => api<OrganisationDetail>('POST', '/api/organisations', body);

/** Registers an organisation; lists and counts refresh. */
export function useCreateOrganisation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createOrganisation, onSuccess: () => void qc.invalidateQueries({ queryKey: organisationKeys.all }) });
}
