import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { securityKeys } from './get-security-settings';

/** DELETE /api/security/sessions/:id (audited as auth.session.end). */
export const endSession = (id: string) => api<{ ok: true }>('DELETE', `/api/security/sessions/${encodeURIComponent(id)}`);

/** Ends a session and refreshes the list. */
export function useEndSession() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: endSession, onSuccess: () => qc.invalidateQueries({ queryKey: securityKeys.of('sessions') }) });
}
