import { useQuery } from '@tanstack/react-query';
import type { CadreSettingsView } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

export type { CadreSettingsView };

export const cadreSettingsKey = cadreKeys.of('settings');

/** GET /api/cadres/settings: the staffing standard and the training cadence (city-wide), with the version a change sends back. */
export function useCadreSettings() {
  return useQuery({ queryKey: cadreSettingsKey, queryFn: ({ signal }) => api<CadreSettingsView>('GET', '/api/cadres/settings', undefined, signal) });
}
