import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateSecuritySettingsRequest } from '@shared/contracts/security';
import { api } from '../../../lib/api';
import { securityKeys, type SecuritySettingsViewT } from './get-security-settings';

/** PUT /api/security/settings (with the version read; a stale one gets 409). */
export const updateSecuritySettings = (body: z.infer<typeof UpdateSecuritySettingsRequest>) =>
  api<SecuritySettingsViewT>('PUT', '/api/security/settings', body);

/** Saves the settings and puts the answer in the cache. */
export function useUpdateSecuritySettings() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateSecuritySettings, onSuccess: (view) => qc.setQueryData(securityKeys.of('settings'), view) });
}
