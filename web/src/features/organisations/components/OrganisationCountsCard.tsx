import { Card, Table, theme, type TableColumnsType } from 'antd';
import type { OrganisationCounts } from '@shared/contracts/organisations';
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from '@shared/domain/organisations';
import { useI18n } from '../../../lib/i18n';
import { useOrganisationCounts } from '../api/get-organisation-counts';
import { useOrganisationsT } from '../messages';
import { bi } from './communities';

type Row = OrganisationCounts['items'][number];

/** Organisations per community and type (the types any community has), with totals. */
export function OrganisationCountsCard() {
  const t = useOrganisationsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const counts = useOrganisationCounts();
  const rows = counts.data?.items ?? [];
  const types = ORGANISATION_TYPES.filter((k) => rows.some((r) => r.counts[k]));
  const columns: TableColumnsType<Row> = [
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', fixed: 'left', width: 100 },
    ...types.map((k) => ({ title: bi(ORGANISATION_TYPE_LABELS[k], lang), key: k, width: 90, render: (_: unknown, r: Row) => r.counts[k] ?? 0 })),
    { title: t('counts.total'), dataIndex: 'total', key: 'total', width: 70 },
  ];
  return (
    <Card title={t('counts.title')} variant="borderless" size="small" style={{ marginTop: token.marginSM }}>
      <Table<Row> rowKey="communityId" size="small" columns={columns} dataSource={rows} loading={counts.isFetching} pagination={false} scroll={{ x: 900 }} />
    </Card>
  );
}
