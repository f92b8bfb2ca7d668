import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddTrainingRequest, CadreDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/** POST /api/cadres/:id/trainings; the cadre and the reminder list refresh. */
export function useAddTraining() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, training }: { id: string; training: AddTrainingRequest }) =>
      api<CadreDetail>('POST', `/api/cadres/${encodeURIComponent(id)}/trainings`, training),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
