import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CareRecordView, UpdateCareRecordRequest } from '@shared/contracts/care';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { residentKeys } from './list-residents';

export type UpdateCareRecordInput = z.input<typeof UpdateCareRecordRequest>;

/** PATCH /api/residents/:id/care-records/:recordId (e.g. endDate to end it), with the record's version. */
export const updateCareRecord = ({ residentId, recordId, ...body }: UpdateCareRecordInput & { residentId: string; recordId: string }) =>
  api<CareRecordView>('PATCH', `/api/residents/${encodeURIComponent(residentId)}/care-records/${encodeURIComponent(recordId)}`, body);

/** Changes or ends a care record; the resident, lists and statistics refresh. */
export function useUpdateCareRecord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateCareRecord,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: residentKeys.all });
      void qc.invalidateQueries({ queryKey: queryKeys('statistics').all });
    },
  });
}
