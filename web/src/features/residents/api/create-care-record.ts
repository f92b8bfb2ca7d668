import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CareRecordView, CreateCareRecordRequest } from '@shared/contracts/care';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { residentKeys } from './list-residents';

export type CreateCareRecordInput = z.input<typeof CreateCareRecordRequest>;

/** POST /api/residents/:id/care-records. */
export const createCareRecord = ({ residentId, record }: { residentId: string; record: CreateCareRecordInput }) =>
  api<CareRecordView>('POST', `/api/residents/${encodeURIComponent(residentId)}/care-records`, record);

/** Adds a care record; the resident (its records and tags), lists and statistics refresh. */
export function useCreateCareRecord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createCareRecord,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: residentKeys.all });
      void qc.invalidateQueries({ queryKey: queryKeys('statistics').all });
    },
  });
}
