import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateAccountRequest } from '@shared/contracts/accounts';
import { api } from '../../../lib/api';
import { accountKeys, type Account } from './list-accounts';

export type UpdateAccountInput = z.input<typeof UpdateAccountRequest>;

/** PATCH /api/accounts/:id (carries the version read; a stale one gets 409). */
export const updateAccount = ({ id, ...body }: UpdateAccountInput & { id: string }) => api<Account>('PATCH', `/api/accounts/${encodeURIComponent(id)}`, body);

/** Edits an account (e.g. disables it) and refreshes the list. */
export function useUpdateAccount() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateAccount, onSettled: () => qc.invalidateQueries({ queryKey: accountKeys.all }) });
}
