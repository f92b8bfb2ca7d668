import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccountsPage, AccountView } from '@shared/contracts/accounts';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type Account = z.infer<typeof AccountView>;
export type AccountsResult = z.infer<typeof AccountsPage>;

/** Filters and page of the account list. */
export interface AccountsParams {
  q?: string;
  page: number;
  pageSize: number;
}

/** Every accounts query's key is built here; mutations invalidate `.all`. */
export const accountKeys = queryKeys('accounts');

/** GET /api/accounts. */
export const listAccounts = (params: AccountsParams, signal?: AbortSignal) =>
  api<AccountsResult>('GET', withQuery('/api/accounts', { ...params }), undefined, signal);

/** One page of accounts; the previous page stays on screen while the next loads. */
export function useAccounts(params: AccountsParams) {
  return useQuery({ queryKey: accountKeys.list(params), queryFn: ({ signal }) => listAccounts(params, signal), placeholderData: keepPreviousData });
}
