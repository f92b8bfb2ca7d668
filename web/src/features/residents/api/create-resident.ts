import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateResidentRequest, ResidentDetail } from '@shared/contracts/residents';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { residentKeys } from './list-residents';

export type CreateResidentInput = z.input<typeof CreateResidentRequest>;

/** POST /api/residents. */
export const createResident = (input: CreateResidentInput) => api<ResidentDetail>('POST', '/api/residents', input);

/** Registers a resident, caches the answer as their detail and refreshes lists (households and statistics too). */
export function useCreateResident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createResident,
    onSuccess: (resident) => {
      qc.setQueryData(residentKeys.detail(resident.id), resident);
      void qc.invalidateQueries({ queryKey: residentKeys.all });
      void qc.invalidateQueries({ queryKey: queryKeys('households').all });
      void qc.invalidateQueries({ queryKey: queryKeys('statistics').all });
    },
  });
}
