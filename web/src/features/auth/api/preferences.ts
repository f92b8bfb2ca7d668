import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Preferences } from '@shared/contracts/auth';
import type { TextSize } from '@shared/domain/text-size';
import { api } from '../../../lib/api';
import { authKeys } from './get-me';

const preferencesKey = (userId: string) => authKeys.of('preferences', userId);

/** The last size seen for this account in this browser: the page opens in it before the server answers. */
const remembered = (userId: string): TextSize | undefined => {
  try {
    return (localStorage.getItem(`shequ.textSize.${userId}`) as TextSize | null) ?? undefined;
  } catch {
    return undefined;
  }
};
const remember = (userId: string, size: TextSize) => {
  try {
    localStorage.setItem(`shequ.textSize.${userId}`, size);
  } catch {
    // Private mode: the server keeps it anyway.
  }
};

/** GET /api/auth/preferences: one's own display preferences (the larger-text setting). */
export function usePreferences(userId: string) {
  const initial = remembered(userId);
  return useQuery({
    queryKey: preferencesKey(userId),
    queryFn: async ({ signal }) => {
      const prefs = await api<Preferences>('GET', '/api/auth/preferences', undefined, signal);
      remember(userId, prefs.textSize);
      return prefs;
    },
    placeholderData: initial ? { textSize: initial } : undefined,
    staleTime: Infinity,
  });
}

/** PUT /api/auth/preferences: keeps the setting with the account (the page changes at once). */
export function useSavePreferences(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (prefs: Preferences) => api<Preferences>('PUT', '/api/auth/preferences', prefs),
    onMutate: (prefs) => {
      remember(userId, prefs.textSize);
      qc.setQueryData(preferencesKey(userId), prefs);
    },
    onSuccess: (prefs) => qc.setQueryData(preferencesKey(userId), prefs),
  });
}
