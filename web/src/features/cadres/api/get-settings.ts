import { useQuery } from '@tanstack/react-query';
import type { CadreSettings } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadresKey } from './list-cadres';

export type { CadreSettings };

export const cadreSettingsKey = [...cadresKey, 'settings'] as const;

/** GET /api/cadres/settings: the staffing standard and the training cadence (city-wide). */
export function useCadreSettings() {
  return useQuery({ queryKey: cadreSettingsKey, queryFn: ({ signal }) => api<CadreSettings>('GET', '/api/cadres/settings', undefined, signal) });
}
