import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrganisationMember } from '@shared/contracts/organisations';
import { api } from '../../../lib/api';
import { organisationKeys } from './list-organisations';

/** POST /api/organisations/:id/members/:memberId/end. */
export const endMember = ({ id, memberId, version, endDate }: { id: string; memberId: string; version: number; endDate: string }) =>
  api<OrganisationMember>('POST', `/api/organisations/${encodeURIComponent(id)}/members/${encodeURIComponent(memberId)}/end`, { version, endDate });

/** Ends a membership; the organisation and lists refresh. */
export function useEndMember() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: endMember, onSuccess: () => void qc.invalidateQueries({ queryKey: organisationKeys.all }) });
}
