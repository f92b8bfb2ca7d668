import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntry as AuditEntrySchema, AuditPage } from '@shared/contracts/audit';
import { api, withQuery } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditResult = z.infer<typeof AuditPage>;

/** Filters of the audit log (those of GET /api/audit and its export). */
export interface AuditFilterParams {
  action?: string;
  /** Words of an action in either language, or its code. */
  actionText?: string;
  username?: string;
  objectType?: string;
  objectId?: string;
  outcome?: string;
  /** ISO date-times, inclusive. */
  from?: string;
  to?: string;
}

/** Filters and page of the audit log. */
export interface AuditParams extends AuditFilterParams {
  page: number;
  pageSize: number;
}

/** Every audit query's key is built here. */
export const auditKeys = queryKeys('audit');

/** GET /api/audit. */
export const listAudit = (params: AuditParams, signal?: AbortSignal) => api<AuditResult>('GET', withQuery('/api/audit', { ...params }), undefined, signal);

/** One page of the audit log, newest first as the server orders it. */
export function useAuditLog(params: AuditParams) {
  return useQuery({ queryKey: auditKeys.list(params), queryFn: ({ signal }) => listAudit(params, signal), placeholderData: keepPreviousData });
}

/** The address of GET /api/audit/export for a filter: a plain download link (the cookie goes along). */
export const exportAuditUrl = (filter: AuditFilterParams) => withQuery('/api/audit/export', { ...filter });
