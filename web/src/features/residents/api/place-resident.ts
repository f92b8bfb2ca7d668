import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlaceResidentRequest, ResidentDetail } from '@shared/contracts/residents';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';
import { residentKeys } from './list-residents';

/** POST /api/residents/:id/place: a resident waiting for a grid gets one of their community's grids. */
export const placeResident = ({ id, ...body }: PlaceResidentRequest & { id: string }) =>
  api<ResidentDetail>('POST', `/api/residents/${encodeURIComponent(id)}/place`, body);

/** Places a resident; the answer becomes the cached detail and the lists (and the workbench's count) refresh. */
export function usePlaceResident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: placeResident,
    onSuccess: (resident) => {
      qc.setQueryData(residentKeys.detail(resident.id), resident);
      void qc.invalidateQueries({ queryKey: residentKeys.list() });
      void qc.invalidateQueries({ queryKey: queryKeys('workbench').all });
    },
  });
}
