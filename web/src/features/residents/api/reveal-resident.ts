import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RevealResponse } from '@shared/contracts/residents';
import { api } from '../../../lib/api';

export type Revealed = z.infer<typeof RevealResponse>;

/** POST /api/residents/:id/reveal: the full ID number and phone; the server audits every call. */
export const revealResident = (id: string) => api<Revealed>('POST', `/api/residents/${encodeURIComponent(id)}/reveal`, {});

/** Reveals a resident's identity (never cached: each viewing is a deliberate, audited act). */
export function useRevealResident() {
  return useMutation({ mutationFn: revealResident });
}
