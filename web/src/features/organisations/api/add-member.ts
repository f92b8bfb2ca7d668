import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AddMemberRequest, OrganisationMember } from '@shared/contracts/organisations';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { organisationKeys } from './list-organisations';

export type AddMemberInput = z.input<typeof AddMemberRequest>;

/** POST /api/organisations/:id/members. */
export const addMember = ({ id, member }: { id: string; member: AddMemberInput }) =>
  api<OrganisationMember>('POST', `/api/organisations/${encodeURIComponent(id)}/members`, member);

/** Adds a member; the organisation, lists and (through political status) residents refresh. */
export function useAddMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: addMember,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: organisationKeys.all });
      void qc.invalidateQueries({ queryKey: queryKeys('residents').all });
    },
  });
}
