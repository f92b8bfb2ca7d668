import { useQuery } from '@tanstack/react-query';
import type { CadreDetail } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

export type { CadreDetail };

/** GET /api/cadres/:id: profile, trainings, next training. */
export function useCadre(id: string) {
  return useQuery({
    queryKey: cadreKeys.detail(id),
    queryFn: ({ signal }) => api<CadreDetail>('GET', `/api/cadres/${encodeURIComponent(id)}`, undefined, signal),
  });
}
