import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CadreSettingsView, UpdateCadreSettingsRequest } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadreKeys } from './list-cadres';

/**
 * PUT /api/cadres/settings (cadres.configure) at the version read; the staffing report and the training reminders
 * follow the new values. A stale version answers 409 VERSION_CONFLICT.
 */
export function useUpdateCadreSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (settings: UpdateCadreSettingsRequest) => api<CadreSettingsView>('PUT', '/api/cadres/settings', settings),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadreKeys.all }),
  });
}
