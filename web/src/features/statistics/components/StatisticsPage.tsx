import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { withQuery } from '../../../lib/api';
import { Alert, Button, Card, Col, Empty, Progress, Row, Skeleton, Space, Statistic, Table, Typography, theme, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo } from 'react';
import type { OverviewResponse } from '@shared/contracts/statistics';
import { useRegion } from '../../../app/region-context';
import { PageHeader } from '../../../components/PageHeader';
import { pageNumbers } from '../../../components/PrintSheet';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { regionLabel } from '../../regions/region-label';
import { useBoundaries } from '../../regions/api/get-boundaries';
import { label } from '../../residents/labels';
import { useOverview } from '../api/get-overview';
import { useStatisticsT } from '../messages';

// ECharts arrives only with these two charts.
const PopulationPyramid = lazy(() => import('./PopulationPyramid'));
const PopulationMap = lazy(() => import('./PopulationMap'));

type CommunityRow = OverviewResponse['byCommunity'][number];
type CareRow = OverviewResponse['careGroups'][number];

/** 统计报表: totals, residents by community (table and map), care groups and the population pyramid, for the header's region. */
export function StatisticsPage() {
  const t = useStatisticsT();
  const { lang, t: tt } = useI18n();
  const { token } = theme.useToken();
  const { regionId, region } = useRegion();
  const overview = useOverview(regionId ?? undefined);
  const data = overview.data;

  return (
    <>
      {/* On paper: the report alone (no menu, header or buttons), A4 landscape with page numbers. */}
      <style>{`@media print {
  @page { size: A4 landscape; margin: 12mm; ${pageNumbers(tt('print.page'))} }
  .ant-layout-sider, .ant-layout-header, .ant-breadcrumb, .no-print { display: none !important; }
  .ant-layout-content { margin: 0 !important; }
}`}</style>
      <PageHeader
        title={t('title')}
        extra={
          <Space wrap size={token.marginSM}>
            <Typography.Text type="secondary">{region ? t('scope', { name: regionLabel(region, lang) }) : t('scopeAll')}</Typography.Text>
            {data && <Typography.Text type="secondary">{t('asOf', { time: dayjs(overview.dataUpdatedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>}
            {data && (
              <Button className="no-print" icon={<DownloadOutlined />} href={withQuery('/api/statistics/export', { regionId: regionId ?? undefined })} download>
                {tt('common.exportExcel')}
              </Button>
            )}
            {data && (
              <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
                {tt('print.print')}
              </Button>
            )}
          </Space>
        }
      />
      {overview.isError && <Alert type="error" showIcon title={overview.error.message} style={{ marginBottom: token.marginMD }} />}
      {!data ? (
        overview.isPending && <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <Row gutter={[token.marginMD, token.marginMD]}>
          <Col span={24}>
            <Totals data={data} />
          </Col>
          <Col xs={24} xl={12}>
            <Card variant="borderless" title={t('pyramid')} size="small">
              <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                <PopulationPyramid
                  bands={data.pyramid}
                  labels={{ male: t('male'), female: t('female'), age: t('age'), people: t('people') }}
                  ariaLabel={t('pyramidLabel')}
                />
              </Suspense>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <MapCard data={data} />
          </Col>
          <Col xs={24} xl={14}>
            <CommunityTable data={data} />
          </Col>
          <Col xs={24} xl={10}>
            <CareGroups data={data} />
          </Col>
        </Row>
      )}
    </>
  );
}

function Totals({ data }: { data: OverviewResponse }) {
  const t = useStatisticsT();
  const { token } = theme.useToken();
  const items: { key: string; title: string; value: number; precision?: number }[] = [
    { key: 'residents', title: t('residents'), value: data.totals.residents.active },
    { key: 'households', title: t('households'), value: data.totals.households },
    { key: 'avg', title: t('avgSize'), value: data.totals.averageHouseholdSize, precision: 2 },
    { key: 'buildings', title: t('buildings'), value: data.totals.buildings },
    { key: 'grids', title: t('grids'), value: data.totals.grids },
    { key: 'communities', title: t('communities'), value: data.totals.communities },
    { key: 'movedOut', title: t('movedOut'), value: data.totals.residents.movedOut },
    { key: 'deceased', title: t('deceased'), value: data.totals.residents.deceased },
  ];
  return (
    <Card variant="borderless" size="small">
      <Row gutter={[token.marginMD, token.marginSM]}>
        {items.map((i) => (
          <Col key={i.key} xs={12} sm={8} md={6} xl={3}>
            <Statistic title={i.title} value={i.value} precision={i.precision} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function MapCard({ data }: { data: OverviewResponse }) {
  const t = useStatisticsT();
  const { can } = useSession();
  const boundaries = useBoundaries('community', can('regions.read'));
  const counts = useMemo(() => new Map(data.byCommunity.map((c) => [c.communityId, c.residents])), [data.byCommunity]);
  const drawable = boundaries.data?.features.filter((f) => f.geometry && counts.has(f.properties.id)).length ?? 0;
  return (
    <Card variant="borderless" title={t('map')} size="small">
      {boundaries.isPending && can('regions.read') ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : boundaries.isError ? (
        <Empty description={boundaries.error.message} />
      ) : !boundaries.data || drawable === 0 ? (
        <Empty description={t('mapEmpty')} />
      ) : (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          <PopulationMap boundaries={boundaries.data} counts={counts} people={t('people')} ariaLabel={t('mapLabel')} />
        </Suspense>
      )}
    </Card>
  );
}

function CommunityTable({ data }: { data: OverviewResponse }) {
  const t = useStatisticsT();
  const total = data.totals.residents.active || 1;
  const largest = Math.max(1, ...data.byCommunity.map((c) => c.residents));
  const columns: TableColumnsType<CommunityRow> = [
    { title: t('community'), dataIndex: 'name', key: 'name' },
    {
      title: t('residents'),
      dataIndex: 'residents',
      key: 'residents',
      align: 'right',
      sorter: (a, b) => a.residents - b.residents,
      defaultSortOrder: 'descend',
      render: (v: number) => v.toLocaleString(),
    },
    {
      title: t('share'),
      key: 'share',
      width: 150,
      render: (_, r) => (
        <Progress
          aria-label={`${r.name} ${t('share')} ${((r.residents / total) * 100).toFixed(1)}%`}
          percent={(r.residents / largest) * 100}
          format={() => `${((r.residents / total) * 100).toFixed(1)}%`}
          size="small"
          status="normal"
        />
      ),
    },
    {
      title: t('households'),
      dataIndex: 'households',
      key: 'households',
      align: 'right',
      sorter: (a, b) => a.households - b.households,
      render: (v: number) => v.toLocaleString(),
    },
    { title: t('avgSize'), dataIndex: 'averageHouseholdSize', key: 'avg', align: 'right', render: (v: number) => v.toFixed(2) },
    { title: t('buildings'), dataIndex: 'buildings', key: 'buildings', align: 'right' },
    { title: t('grids'), dataIndex: 'grids', key: 'grids', align: 'right' },
  ];
  return (
    <Card variant="borderless" title={t('byCommunity')} size="small">
      <Table<CommunityRow>
        rowKey="communityId"
        size="small"
        columns={columns}
        dataSource={data.byCommunity}
        pagination={false}
        scroll={{ x: 640 }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{data.totals.residents.active.toLocaleString()}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong>{data.totals.households.toLocaleString()}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {data.totals.averageHouseholdSize.toFixed(2)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              {data.totals.buildings}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              {data.totals.grids}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function CareGroups({ data }: { data: OverviewResponse }) {
  const t = useStatisticsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const max = Math.max(1, ...data.careGroups.map((g) => g.count));
  const columns: TableColumnsType<CareRow> = [
    { title: t('careGroup'), dataIndex: 'group', key: 'group', render: (g: string) => label('careGroup', g, lang) },
    { title: t('count'), dataIndex: 'count', key: 'count', align: 'right', width: 80, sorter: (a, b) => a.count - b.count },
    {
      title: '',
      key: 'bar',
      width: 160,
      render: (_, r) => (
        <Progress
          aria-label={`${label('careGroup', r.group, lang)} ${r.count}`}
          percent={(r.count / max) * 100}
          showInfo={false}
          size="small"
          strokeColor={token.colorWarning}
        />
      ),
    },
  ];
  return (
    <Card variant="borderless" title={t('careGroups')} size="small">
      <Table<CareRow> rowKey="group" size="small" columns={columns} dataSource={data.careGroups} pagination={false} locale={{ emptyText: t('careEmpty') }} />
      <Typography.Title level={2} style={{ fontSize: token.fontSize, marginTop: token.marginMD }}>
        {t('residenceTypes')}
      </Typography.Title>
      <Row gutter={[token.marginSM, token.marginSM]}>
        {data.residenceTypes.map((r) => (
          <Col key={r.type} xs={12} sm={8}>
            <Statistic title={label('residenceType', r.type, lang)} value={r.count} styles={{ content: { fontSize: token.fontSizeHeading4 } }} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
