import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SecuritySettingsView } from '@shared/contracts/security';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type SecuritySettingsViewT = z.infer<typeof SecuritySettingsView>;

/** Every security-administration query's key is built here. */
export const securityKeys = queryKeys('security');

/** GET /api/security/settings. */
export const getSecuritySettings = (signal?: AbortSignal) => api<SecuritySettingsViewT>('GET', '/api/security/settings', undefined, signal);

/** The settings in force, the defaults and the version to send back. */
export function useSecuritySettings() {
  return useQuery({ queryKey: securityKeys.of('settings'), queryFn: ({ signal }) => getSecuritySettings(signal) });
}
