import { Card, Space, Table, Tag, theme, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { CADRE_POST_LABELS, type CadrePost } from '@shared/domain/staffing';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../lib/i18n';
import { useTrainingDue, type TrainingDueList } from '../api/list-training-due';
import { bi } from '../../organisations/components/communities';
import { useCadresT } from '../messages';
import { CadreSettingsCard } from './CadreSettingsCard';
import { CadresTitle } from './CadresTabs';

type Row = TrainingDueList['items'][number];

/** 培训提醒: cadres whose training is overdue (directors and secretaries yearly, others every two years) or falls due soon. */
export function TrainingDuePage() {
  const t = useCadresT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const due = useTrainingDue();
  const columns: TableColumnsType<Row> = [
    { title: t('col.name'), dataIndex: 'name', key: 'name', render: (v: string, r) => <Link to={`/cadres/${r.cadreId}`}>{v}</Link> },
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', width: 110 },
    { title: t('col.post'), dataIndex: 'post', key: 'post', render: (v: CadrePost) => bi(CADRE_POST_LABELS[v], lang) },
    { title: t('col.lastTraining'), dataIndex: 'lastTraining', key: 'last', width: 120, render: (v: string | null) => v ?? t('common.none') },
    { title: t('training.dueDate'), dataIndex: 'dueDate', key: 'due', width: 120 },
    {
      title: '',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (v: Row['status']) => <Tag color={v === 'overdue' ? 'error' : 'warning'}>{t(`training.status.${v}`)}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader title={<CadresTitle />} />
      <Space direction="vertical" size={token.marginSM} style={{ width: '100%' }}>
        <CadreSettingsCard />
        <Card variant="borderless" size="small">
          <Table<Row>
            rowKey="cadreId"
            size="middle"
            columns={columns}
            dataSource={due.data?.items}
            loading={due.isFetching}
            locale={{ emptyText: t('training.none') }}
            scroll={{ x: 800 }}
          />
        </Card>
      </Space>
    </>
  );
}
