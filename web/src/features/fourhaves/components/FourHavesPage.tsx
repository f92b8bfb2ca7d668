import { Alert, Button, Card, Empty, Segmented, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session';
import { useBoundaries } from '../../regions/api/get-boundaries';
import { useFourHaves, type FourHavesRow } from '../api/four-haves';
import { useFourHavesT, type FourHavesMessageKey } from '../messages';
import { drillDownLink, HAVES, type HaveKey } from './four-haves-map';
import { StatusTag } from './StatusTag';
import { PageHeader } from '../../../components/PageHeader';

const FourHavesMap = lazy(() => import('./FourHavesMap'));

const HAVE_LABEL: Record<HaveKey, FourHavesMessageKey> = { people: 'col.people', money: 'col.money', premises: 'col.premises', rules: 'col.rules' };

/**
 * 四有: every community in the user's scope with its four statuses and reasons, on a table and on the
 * city map (coloured by a chosen have); each colour opens the records behind it.
 */
export function FourHavesPage() {
  const t = useFourHavesT();
  const query = useFourHaves();
  const boundaries = useBoundaries('community');
  const { can } = useSession();
  const [have, setHave] = useState<HaveKey>('premises');
  const statusLabel = useCallback((s: 'green' | 'amber' | 'red') => t(`status.${s}`), [t]);
  const rows = query.data?.items ?? [];
  const cell = (key: HaveKey, r: FourHavesRow, extra?: string) => (
    <Link to={drillDownLink(r.communityId, key)} aria-label={t('list.drill', { name: r.name, have: t(HAVE_LABEL[key]) })} style={{ color: 'inherit' }}>
      <StatusTag {...r[key]} extra={extra} />
    </Link>
  );
  const columns: TableColumnsType<FourHavesRow> = [
    { title: t('col.community'), dataIndex: 'name', key: 'name', width: 110, render: (v: string, r) => <Link to={`/four-haves/${r.communityId}`}>{v}</Link> },
    { title: t('col.people'), key: 'people', render: (_, r) => cell('people', r) },
    { title: t('col.money'), key: 'money', render: (_, r) => cell('money', r) },
    {
      title: t('col.premises'),
      key: 'premises',
      render: (_, r) => cell('premises', r, t('premises.area', { area: r.premises.areaM2, required: r.premises.requiredM2 })),
    },
    { title: t('col.rules'), key: 'rules', render: (_, r) => cell('rules', r) },
  ];
  const drawable = boundaries.data?.features.some((f) => f.geometry && rows.some((r) => r.communityId === f.properties.id));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('list.title')}
        extra={
          <Link to="/four-haves/standards">
            <Button>{can('fourhaves.settings') ? t('standards.edit') : t('standards.view')}</Button>
          </Link>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('list.hint')}</Typography.Paragraph>
        {query.error && <Alert type="error" showIcon message={(query.error as Error).message} />}
        <Table<FourHavesRow>
          rowKey="communityId"
          columns={columns}
          dataSource={rows}
          loading={query.isLoading}
          pagination={false}
          size="small"
          scroll={{ x: 800 }}
        />
      </Card>
      <Card
        size="small"
        title={t('map.title')}
        extra={
          <Segmented<HaveKey>
            aria-label={t('map.choose')}
            value={have}
            onChange={setHave}
            options={HAVES.map((h) => ({ value: h, label: t(HAVE_LABEL[h]) }))}
          />
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('map.hint')}
        </Typography.Paragraph>
        {boundaries.isLoading || query.isLoading ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : drawable && boundaries.data ? (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <FourHavesMap
              boundaries={boundaries.data}
              rows={rows}
              have={have}
              haveLabel={t(HAVE_LABEL[have])}
              statusLabel={statusLabel}
              ariaLabel={t('map.label', { have: t(HAVE_LABEL[have]) })}
            />
          </Suspense>
        ) : (
          <Empty description={t('map.empty')} />
        )}
      </Card>
    </Space>
  );
}
