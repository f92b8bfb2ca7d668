import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddHonourRequest, OrganisationHonour } from '@shared/contracts/organisations';
import { api } from '../../../lib/api';
import { organisationKeys } from './list-organisations';

/** POST /api/organisations/:id/honours. */
export const addHonour = ({ id, honour }: { id: string; honour: AddHonourRequest }) =>
  api<OrganisationHonour>('POST', `/api/organisations/${encodeURIComponent(id)}/honours`, honour);

/** Records an honour; the organisation refreshes. */
export function useAddHonour() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: addHonour, onSuccess: () => void qc.invalidateQueries({ queryKey: organisationKeys.all }) });
}
