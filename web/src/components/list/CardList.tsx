import { Card, Flex, List, Typography, theme, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

export interface CardListProps<T> {
  columns: TableColumnsType<T>;
  dataSource: readonly T[] | undefined;
  rowKey: keyof T & string;
  loading?: boolean;
  /** What an empty list shows (an Empty with its text and actions). */
  empty: ReactNode;
  pagination: { current: number; pageSize: number; total: number; onChange: (page: number, pageSize: number) => void };
}

/** The parts of a column definition a card reads. */
interface Column<T> {
  key?: string | number | bigint;
  title?: unknown;
  dataIndex?: unknown;
  render?: (value: unknown, record: T, index: number) => unknown;
}

/** The value a column shows for a row, as the table would render it. */
function cell<T>(col: Column<T>, record: T, index: number): ReactNode {
  const path: string[] = col.dataIndex === undefined ? [] : Array.isArray(col.dataIndex) ? col.dataIndex.map(String) : [String(col.dataIndex)];
  const value = path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], record);
  if (col.render) return col.render(value, record, index) as ReactNode;
  return value === null || value === undefined || value === '' ? '—' : (value as ReactNode);
}

/**
 * A table's rows as cards, for phones (under 768 px): the first column is the card's title (usually the
 * link to the record), every other column a label and its value, from the same column definitions.
 */
export function CardList<T extends object>({ columns, dataSource, rowKey, loading, empty, pagination }: CardListProps<T>) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const cols = columns.filter((c) => !('children' in c)) as unknown as Column<T>[];
  const [head, ...rest] = cols;
  return (
    <List<T>
      loading={loading}
      dataSource={dataSource as T[] | undefined}
      rowKey={(r) => String(r[rowKey])}
      locale={{ emptyText: empty }}
      split={false}
      pagination={
        pagination.total > pagination.pageSize
          ? { ...pagination, size: 'small', simple: true, showSizeChanger: false, align: 'center', showTotal: (n) => t('common.total', { n }) }
          : false
      }
      renderItem={(record, index) => (
        <List.Item style={{ paddingBlock: token.paddingXXS }}>
          <Card size="small" style={{ width: '100%' }} title={head ? cell(head, record, index) : undefined}>
            <Flex vertical gap={token.marginXXS}>
              {rest.map((col, i) => (
                <Flex key={String(col.key ?? i)} gap={token.marginSM} align="baseline">
                  <Typography.Text type="secondary" style={{ flex: '0 0 6em', whiteSpace: 'nowrap' }}>
                    {col.title as ReactNode}
                  </Typography.Text>
                  <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{cell(col, record, index)}</span>
                </Flex>
              ))}
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
