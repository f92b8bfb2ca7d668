import { Button, Card, InputNumber, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { FUNDING_KIND_LABELS, FUNDING_SOURCE_LABELS, type FundingKind, type FundingSource } from '@shared/domain/four-haves';
import { useI18n } from '../../../lib/i18n';
import { bi } from '../../organisations/components/communities';
import { fundingExportUrl, useFunding, type FundingLedger } from '../api/four-haves';
import { useFourHavesT, type FourHavesMessageKey } from '../messages';
import { PageHeader } from '../../../components/PageHeader';

type Entry = FundingLedger['items'][number];
type Summary = FundingLedger['summaries'][number];
const money = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** 经费台账: balances and gaps per community and year, the entries, and the Excel export. */
export function FundingPage() {
  const t = useFourHavesT();
  const { lang } = useI18n();
  const [year, setYear] = useState<number | undefined>(new Date().getFullYear());
  const query = useFunding({ year });
  const summaryColumns: TableColumnsType<Summary> = [
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', width: 110 },
    { title: t('funding.year'), dataIndex: 'year', key: 'year', width: 70 },
    ...(['need', 'received', 'spent', 'balance', 'gap'] as const).map((k) => ({
      title: t(`funding.${k}` as FourHavesMessageKey),
      dataIndex: k,
      key: k,
      align: 'right' as const,
      render: (v: number | null) => money(v),
    })),
  ];
  const entryColumns: TableColumnsType<Entry> = [
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', width: 110 },
    { title: t('funding.date'), dataIndex: 'entryDate', key: 'date', width: 110 },
    { title: t('funding.kind'), dataIndex: 'kind', key: 'kind', width: 80, render: (v: FundingKind) => bi(FUNDING_KIND_LABELS[v], lang) },
    {
      title: t('funding.source'),
      dataIndex: 'source',
      key: 'source',
      width: 120,
      render: (v: FundingSource | null) => (v ? bi(FUNDING_SOURCE_LABELS[v], lang) : '—'),
    },
    { title: t('funding.description'), dataIndex: 'description', key: 'description' },
    { title: t('funding.voucher'), dataIndex: 'voucher', key: 'voucher', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('funding.amount'), dataIndex: 'amount', key: 'amount', width: 130, align: 'right', render: (v: number) => money(v) },
  ];
  return (
    <>
      <PageHeader
        title={t('funding.title')}
        extra={
          <Space>
            <InputNumber aria-label={t('funding.year')} min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? undefined)} />
            <Button href={fundingExportUrl({ year })}>{t('funding.export')}</Button>
          </Space>
        }
      />
      <Card>
        <Typography.Title level={5}>{t('funding.summaries')}</Typography.Title>
        <Table<Summary>
          rowKey={(s) => `${s.communityId}-${s.year}`}
          size="small"
          pagination={false}
          columns={summaryColumns}
          dataSource={query.data?.summaries ?? []}
          loading={query.isLoading}
          scroll={{ x: 'max-content' }}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('funding.entries')}
        </Typography.Title>
        <Table<Entry> rowKey="id" size="small" columns={entryColumns} dataSource={query.data?.items ?? []} loading={query.isLoading} scroll={{ x: 900 }} />
      </Card>
    </>
  );
}
