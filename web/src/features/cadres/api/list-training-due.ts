import { useQuery } from '@tanstack/react-query';
import type { TrainingDueList } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

export type { TrainingDueList };

/** GET /api/cadres/training-due: overdue and soon-due trainings. */
export function useTrainingDue() {
  return useQuery({
    queryKey: cadreKeys.of('training-due'),
    queryFn: ({ signal }) => api<TrainingDueList>('GET', '/api/cadres/training-due', undefined, signal),
  });
}
