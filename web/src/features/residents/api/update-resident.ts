import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ResidentDetail, UpdateResidentRequest } from '@shared/contracts/residents';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { residentKeys } from './list-residents';

export type UpdateResidentInput = z.input<typeof UpdateResidentRequest>;

/** PATCH /api/residents/:id with the version read (a stale one gets 409 VERSION_CONFLICT). */
export const updateResident = ({ id, ...body }: UpdateResidentInput & { id: string }) =>
  api<ResidentDetail>('PATCH', `/api/residents/${encodeURIComponent(id)}`, body);

/** Saves a resident; the answer becomes the cached detail and the lists refresh. */
export function useUpdateResident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateResident,
    onSuccess: (resident) => {
      qc.setQueryData(residentKeys.detail(resident.id), resident);
      void qc.invalidateQueries({ queryKey: residentKeys.list() });
      void qc.invalidateQueries({ queryKey: queryKeys('households').all });
    },
  });
}
