import { EyeOutlined, HomeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Space, Table, Tabs, Tag, Typography, theme, type TableColumnsType } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { ResidentDetail } from '@shared/contracts/residents';
import { DetailShell } from '../../../components/DetailShell';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../auth/hooks/use-session';
import { useResident } from '../api/get-resident';
import { useRevealResident } from '../api/reveal-resident';
import { label } from '../labels';
import { useResidentsT, zh, type ResidentsMessageKey } from '../messages';
import { BasicInfoForm } from './BasicInfoForm';
import { PlaceInGrid } from './PlaceInGrid';
import { CareRecordsTab } from './CareRecordsTab';
import { CareGroupTags, StatusTag } from './tags';
import { DetailHeader } from '../../../components/DetailHeader';

type Member = NonNullable<ResidentDetail['household']>['members'][number];
type Move = ResidentDetail['moves'][number];

const TABS = ['basic', 'household', 'care', 'moves'] as const;

/** 居民详情: 基本信息 (editable), 家庭, 关怀对象, 变动历史, and the audited "查看完整身份证号". */
export function ResidentDetailPage() {
  const t = useResidentsT();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const resident = useResident(id);
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'basic';

  return (
    <DetailShell query={resident} rows={10} notFoundTitle={t('detail.notFound')} backTo="/residents" backLabel={t('detail.back')}>
      {(r) => (
        <>
          <DetailHeader
            title={r.name}
            back="/residents"
            backLabel={t('detail.back')}
            tags={
              <>
                <StatusTag status={r.status} />
                <CareGroupTags groups={r.careGroups} />
              </>
            }
            extra={<RevealButton resident={r} />}
          />
          <PlaceInGrid resident={r} />
          <Card variant="borderless">
            <Tabs
              activeKey={tab}
              onChange={(key) => setParams(key === 'basic' ? {} : { tab: key }, { replace: true })}
              items={[
                {
                  key: 'basic',
                  label: t('detail.tab.basic'),
                  children: <BasicInfoForm key={r.id} resident={r} reload={async () => (await resident.refetch()).data} />,
                },
                { key: 'household', label: t('detail.tab.household'), children: <HouseholdTab resident={r} /> },
                {
                  key: 'care',
                  label: `${t('detail.tab.care')}${r.careRecords.some((c) => c.active) ? ` (${r.careRecords.filter((c) => c.active).length})` : ''}`,
                  children: <CareRecordsTab residentId={r.id} records={r.careRecords} writable={r.capabilities.canWriteCare} />,
                },
                { key: 'moves', label: t('detail.tab.moves'), children: <MovesTab moves={r.moves} /> },
              ]}
            />
          </Card>
        </>
      )}
    </DetailShell>
  );
}

/** Confirms first (the viewing is audited), then shows the full ID number and phone in a dialog. */
function RevealButton({ resident }: { resident: ResidentDetail }) {
  const t = useResidentsT();
  const { t: tt } = useI18n();
  const { modal, message } = App.useApp();
  const reveal = useRevealResident();
  if (!resident.capabilities.canReveal) return null;
  const onClick = () =>
    modal.confirm({
      title: t('reveal.confirmTitle'),
      content: t('reveal.confirmDesc'),
      okText: t('reveal.confirmOk'),
      cancelText: tt('common.cancel'),
      onOk: async () => {
        try {
          const shown = await reveal.mutateAsync(resident.id);
          modal.info({
            title: t('reveal.title', { name: resident.name }),
            okText: t('reveal.close'),
            width: 480,
            content: (
              <>
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    {
                      key: 'id',
                      label: t('reveal.idNumber'),
                      children: (
                        <Typography.Text copyable strong data-testid="revealed-id">
                          {shown.idNumber}
                        </Typography.Text>
                      ),
                    },
                    { key: 'phone', label: t('reveal.phone'), children: shown.phone ? <Typography.Text copyable>{shown.phone}</Typography.Text> : '—' },
                  ]}
                />
                <Typography.Text type="secondary">{t('reveal.note')}</Typography.Text>
              </>
            ),
          });
        } catch (err) {
          message.error((err as Error).message);
        }
      },
    });
  return (
    <Button icon={<EyeOutlined />} onClick={onClick} loading={reveal.isPending}>
      {t('reveal.button')}
    </Button>
  );
}

function HouseholdTab({ resident }: { resident: ResidentDetail }) {
  const t = useResidentsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { can } = useSession();
  const h = resident.household;
  if (!h) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('household.none')} />;
  const columns: TableColumnsType<Member> = [
    {
      title: t('col.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, m) =>
        m.id === resident.id ? (
          <Space size={4}>
            {name}
            <Tag>{t('household.self')}</Tag>
          </Space>
        ) : (
          <Link to={`/residents/${m.id}`}>{name}</Link>
        ),
    },
    { title: t('col.relation'), dataIndex: 'relationToHead', key: 'relation', render: (v: string | null) => label('relation', v, lang) || '—' },
    { title: t('col.sex'), dataIndex: 'sex', key: 'sex', render: (s: 'M' | 'F') => t(`sex.${s}`) },
    { title: t('col.age'), dataIndex: 'age', key: 'age', render: (age: number | null, m) => age ?? m.ageBand },
    { title: t('col.status'), dataIndex: 'status', key: 'status', render: (v: string) => <StatusTag status={v} /> },
  ];
  return (
    <>
      <Flex justify="space-between" align="start" wrap gap={token.marginSM} style={{ marginBottom: token.marginMD }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ flex: 1, minWidth: 280 }}
          items={[
            { key: 'address', label: t('household.address'), children: h.address },
            { key: 'number', label: t('household.number'), children: h.householdNumber ?? '—' },
            { key: 'type', label: t('household.type'), children: label('householdType', h.householdType, lang) },
          ]}
        />
        {can('households.read') && (
          <Link to={`/households/${h.id}`}>
            <Button icon={<HomeOutlined />}>{t('household.open')}</Button>
          </Link>
        )}
      </Flex>
      <Typography.Title level={2} style={{ fontSize: token.fontSizeLG }}>
        {t('household.members')}
      </Typography.Title>
      <Table<Member> rowKey="id" size="middle" columns={columns} dataSource={h.members} pagination={false} />
    </>
  );
}

function MovesTab({ moves }: { moves: Move[] }) {
  const t = useResidentsT();
  const { lang } = useI18n();
  const columns: TableColumnsType<Move> = [
    { title: t('moves.date'), dataIndex: 'effectiveDate', key: 'date', width: 120 },
    { title: t('moves.type'), dataIndex: 'moveType', key: 'type', width: 120, render: (v: string) => <Tag>{moveLabel(t, v)}</Tag> },
    { title: t('moves.from'), dataIndex: 'fromCommunityName', key: 'from', render: (v: string | null) => v ?? '—' },
    { title: t('moves.to'), dataIndex: 'toCommunityName', key: 'to', render: (v: string | null) => v ?? '—' },
    { title: t('moves.reason'), dataIndex: 'reason', key: 'reason', render: (v: string | null) => v ?? '' },
    { title: t('moves.recordedAt'), dataIndex: 'createdAt', key: 'at', width: 180, render: (v: string) => new Date(v).toLocaleString(lang) },
  ];
  return (
    <Table<Move>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={moves}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('moves.empty')} /> }}
    />
  );
}

/** The label of a move type (register, move_in …), or the code itself. */
export function moveLabel(t: (k: ResidentsMessageKey) => string, type: string): string {
  const key = `move.${type}`;
  return key in zh ? t(key as ResidentsMessageKey) : type;
}
