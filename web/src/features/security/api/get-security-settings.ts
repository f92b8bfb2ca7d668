import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SecuritySettingsView } from '@shared/contracts/security';
import { api } from '../../../lib/api';

export type SecuritySettingsViewT = z.infer<typeof SecuritySettingsView>;

/** Every security-administration query starts with this key. */
export const securityKey = ['security'] as const;

/** GET /api/security/settings. */
export const getSecuritySettings = (signal?: AbortSignal) => api<SecuritySettingsViewT>('GET', '/api/security/settings', undefined, signal);

/** The settings in force, the defaults and the version to send back. */
export function useSecuritySettings() {
  return useQuery({ queryKey: [...securityKey, 'settings'], queryFn: ({ signal }) => getSecuritySettings(signal) });
}
