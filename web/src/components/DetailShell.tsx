import type { UseQueryResult } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { LoadFailed } from './StatusPages';

/**
 * The frame of one record's page around its query: a skeleton while it loads, {@link LoadFailed} when it
 * failed (the page's not-found wording for a 404 or 400, else the server's message, and a button back to the
 * list), and otherwise `children(data)`.
 */
export function DetailShell<T>({
  query,
  notFoundTitle,
  backTo,
  backLabel,
  rows = 8,
  children,
}: {
  query: UseQueryResult<T>;
  notFoundTitle: string;
  backTo: string;
  backLabel: string;
  /** The skeleton's lines while loading. */
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (query.isError) return <LoadFailed error={query.error} notFoundTitle={notFoundTitle} backTo={backTo} backLabel={backLabel} />;
  return <>{children(query.data)}</>;
}
