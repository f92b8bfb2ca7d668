import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccountsPage, AccountView } from '@shared/contracts/accounts';
import { api, withQuery } from '../../../lib/api';

export type Account = z.infer<typeof AccountView>;
export type AccountsResult = z.infer<typeof AccountsPage>;

/** Filters and page of the account list. */
export interface AccountsParams {
  q?: string;
  page: number;
  pageSize: number;
}

/** Every accounts query starts with this key; mutations invalidate it. */
export const accountsKey = ['accounts'] as const;

/** GET /api/accounts. */
export const listAccounts = (params: AccountsParams, signal?: AbortSignal) =>
  api<AccountsResult>('GET', withQuery('/api/accounts', { ...params }), undefined, signal);

/** One page of accounts; the previous page stays on screen while the next loads. */
export function useAccounts(params: AccountsParams) {
  return useQuery({ queryKey: [...accountsKey, 'list', params], queryFn: ({ signal }) => listAccounts(params, signal), placeholderData: keepPreviousData });
}
