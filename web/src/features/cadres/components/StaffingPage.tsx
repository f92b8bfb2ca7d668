import { Card, Col, Row, Select, Skeleton, Space, Table, Tag, Typography, theme, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { StaffingReport } from '@shared/contracts/cadres';
import { EDUCATION_LABELS } from '@shared/domain/registry';
import { CADRE_SOURCE_LABELS, type CadreSource } from '@shared/domain/staffing';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../lib/i18n';
import { useCadreAnalytics } from '../api/get-cadre-analytics';
import { useStaffing } from '../api/get-staffing';
import { bi } from '../../organisations/components/communities';
import { useCadresT } from '../messages';
import { CadreSettingsCard } from './CadreSettingsCard';
import { CadresTitle } from './CadresTabs';

const BarChart = lazy(() => import('./BarChart'));
type Row = StaffingReport['items'][number];

/** 配备与结构: each community against the staffing standard, and the team's age, education and sources as charts. */
export function StaffingPage() {
  const t = useCadresT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const staffing = useStaffing();
  const [communityId, setCommunityId] = useState<string>('');
  const analytics = useCadreAnalytics(communityId || undefined);
  const s = staffing.data?.standard;
  const cell = (actual: number, vacancy: number) => (vacancy > 0 ? <Typography.Text type="danger">{`${actual}（-${vacancy}）`}</Typography.Text> : actual);
  const columns: TableColumnsType<Row> = [
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', width: 100 },
    { title: t('staffing.residents'), dataIndex: 'residents', key: 'residents', width: 90 },
    { title: t('staffing.fullTime'), key: 'ft', width: 80, render: (_: unknown, r) => cell(r.actual.full_time, r.vacancies.full_time) },
    { title: t('staffing.partTime'), key: 'pt', width: 80, render: (_: unknown, r) => cell(r.actual.part_time, r.vacancies.part_time) },
    { title: t('staffing.police'), key: 'police', width: 80, render: (_: unknown, r) => cell(r.actual.police, r.vacancies.police) },
    {
      title: t('staffing.vacancies'),
      dataIndex: 'totalVacancies',
      key: 'vac',
      width: 80,
      render: (v: number) => <Tag color={v > 0 ? 'warning' : 'success'}>{v}</Tag>,
    },
    { title: t('staffing.ratio'), dataIndex: 'ratioRequired', key: 'ratio', width: 120 },
    { title: t('staffing.shortfall'), dataIndex: 'ratioShortfall', key: 'short', width: 120 },
  ];
  const a = analytics.data;
  const chart = (title: string, data: { label: string; value: number }[]) => (
    <Col xs={24} lg={8}>
      <Card title={title} size="small" variant="borderless">
        <Suspense fallback={<Skeleton active />}>
          <BarChart data={data} ariaLabel={title} unit={t('chart.people')} />
        </Suspense>
      </Card>
    </Col>
  );
  return (
    <>
      <PageHeader title={<CadresTitle />} />
      <Space direction="vertical" size={token.marginSM} style={{ width: '100%' }}>
        <Card
          size="small"
          variant="borderless"
          title={s ? t('staffing.title', { fullTime: s.fullTime, partTime: s.partTime, police: s.police, ratio: s.workersPer10k }) : ' '}
        >
          <Table<Row>
            rowKey="communityId"
            size="small"
            columns={columns}
            dataSource={staffing.data?.items}
            loading={staffing.isFetching}
            pagination={false}
            scroll={{ x: 800 }}
          />
        </Card>
        <CadreSettingsCard />
        <Space>
          <Typography.Text>{t('chart.scope')}</Typography.Text>
          <Select
            aria-label={t('chart.scope')}
            style={{ width: 160 }}
            value={communityId}
            onChange={setCommunityId}
            options={[
              { value: '', label: t('list.allCommunities') },
              ...(staffing.data?.items ?? []).map((c) => ({ value: c.communityId, label: c.communityName })),
            ]}
          />
          {a && (
            <Typography.Text type="secondary">
              {t('chart.party', { ratio: Math.round(a.partyRatio * 100), n: a.partyMembers, total: a.total, age: a.averageAge })}
            </Typography.Text>
          )}
        </Space>
        {a && (
          <Row gutter={[token.marginSM, token.marginSM]}>
            {chart(
              t('chart.age'),
              a.ageBands.map((b) => ({ label: b.key, value: b.count })),
            )}
            {chart(
              t('chart.education'),
              a.education.map((b) => ({
                label: b.key in EDUCATION_LABELS ? bi(EDUCATION_LABELS[b.key as keyof typeof EDUCATION_LABELS], lang) : t('common.none'),
                value: b.count,
              })),
            )}
            {chart(
              t('chart.source'),
              a.sources.map((b) => ({ label: b.key in CADRE_SOURCE_LABELS ? bi(CADRE_SOURCE_LABELS[b.key as CadreSource], lang) : b.key, value: b.count })),
            )}
          </Row>
        )}
      </Space>
    </>
  );
}
