import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CadreSettings } from '@shared/contracts/cadres';
import { api } from '../../../lib/api';
import { cadresKey } from './list-cadres';

/** PUT /api/cadres/settings (cadres.configure); the staffing report and the training reminders follow the new values. */
export function useUpdateCadreSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (settings: CadreSettings) => api<CadreSettings>('PUT', '/api/cadres/settings', settings),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cadresKey }),
  });
}
