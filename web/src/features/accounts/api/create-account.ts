import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateAccountRequest } from '@shared/contracts/accounts';
import { api } from '../../../lib/api';
import { accountKeys, type Account } from './list-accounts';

export type CreateAccountInput = z.input<typeof CreateAccountRequest>;

/** POST /api/accounts. */
export const createAccount = (input: CreateAccountInput) => api<Account>('POST', '/api/accounts', input);

/** Creates an account and refreshes the list. */
export function useCreateAccount() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createAccount, onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.all }) });
}
