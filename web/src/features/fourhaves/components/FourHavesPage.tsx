import { Alert, Card, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useFourHaves, type FourHavesRow } from '../api/four-haves';
import { useFourHavesT } from '../messages';
import { StatusTag } from './StatusTag';

/** 四有: every community in the user's scope with its four statuses and reasons; a community opens its drill-down. */
export function FourHavesPage() {
  const t = useFourHavesT();
  const query = useFourHaves();
  const columns: TableColumnsType<FourHavesRow> = [
    { title: t('col.community'), dataIndex: 'name', key: 'name', width: 110, render: (v: string, r) => <Link to={`/four-haves/${r.communityId}`}>{v}</Link> },
    { title: t('col.people'), key: 'people', render: (_, r) => <StatusTag {...r.people} /> },
    { title: t('col.money'), key: 'money', render: (_, r) => <StatusTag {...r.money} /> },
    {
      title: t('col.premises'),
      key: 'premises',
      render: (_, r) => <StatusTag {...r.premises} extra={t('premises.area', { area: r.premises.areaM2, required: r.premises.requiredM2 })} />,
    },
    { title: t('col.rules'), key: 'rules', render: (_, r) => <StatusTag {...r.rules} /> },
  ];
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t('list.hint')}</Typography.Paragraph>
      {query.error && <Alert type="error" showIcon message={(query.error as Error).message} />}
      <Table<FourHavesRow>
        rowKey="communityId"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isLoading}
        pagination={false}
        size="small"
      />
    </Card>
  );
}
