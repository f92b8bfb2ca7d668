import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Empty, Flex, Grid, Input, Table, theme, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import { PageHeader } from '../PageHeader';
import { CardList } from './CardList';
import type { ListState } from './use-list-state';

export interface ListPageProps<T, F extends string> {
  title: ReactNode;
  /** The list's URL state (useListState). */
  state: ListState<F>;
  /** The page of rows for that state. */
  query: UseQueryResult<{ items: T[]; total: number }, Error>;
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  /** The search box's label and placeholder; no search box without it. */
  searchLabel?: string;
  /** Filters beside the search box (selects, switches). */
  filters?: ReactNode;
  /** Actions in the page header (create, export). */
  actions?: ReactNode;
  /** What an empty list says. */
  emptyText: string;
  /** The table's scroll width, so that narrow screens scroll instead of squeezing columns. */
  scrollX?: number;
}

/**
 * A list page: title and actions, search box and filters, a table with loading, error and empty states,
 * and pagination with the total — all driven by the URL state of useListState. On a phone the rows are
 * cards (CardList).
 */
export function ListPage<T extends object, F extends string = never>(props: ListPageProps<T, F>) {
  const { title, state, query, columns, rowKey, searchLabel, filters, actions, emptyText, scrollX = 900 } = props;
  const { t } = useI18n();
  const { token } = theme.useToken();
  // Under 768 px (md) the rows become cards: a table of many columns cannot be read on a phone.
  const phone = Grid.useBreakpoint().md === false;
  return (
    <>
      <PageHeader title={title} extra={actions} />
      <Card variant="borderless" size="small">
        {(searchLabel || filters) && (
          <Flex wrap gap={token.marginXS} style={{ marginBottom: token.marginSM }} role="search">
            {searchLabel && (
              <Input.Search
                aria-label={searchLabel}
                placeholder={searchLabel}
                allowClear
                autoFocus
                value={state.text}
                onChange={(e) => state.setText(e.target.value)}
                onSearch={(v) => state.set({ q: v.trim() })}
                style={{ maxWidth: 420 }}
              />
            )}
            {filters}
          </Flex>
        )}
        {phone ? (
          <CardList<T>
            rowKey={rowKey}
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            empty={query.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={query.isError ? query.error.message : emptyText} />}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: query.data?.total ?? 0,
              onChange: (page) => state.set({ page }),
            }}
          />
        ) : (
          <Table<T>
            rowKey={rowKey}
            size="middle"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            locale={{
              emptyText: query.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={query.isError ? query.error.message : emptyText} />,
            }}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: query.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { n }),
              onChange: (page, size) => state.set(size !== state.pageSize ? { pageSize: size } : { page }),
            }}
            scroll={{ x: scrollX }}
          />
        )}
      </Card>
    </>
  );
}
