import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  theme,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import {
  PREMISES_OWNERSHIP_LABELS,
  PREMISES_OWNERSHIPS,
  PREMISES_STATE_LABELS,
  PREMISES_STATES,
  PREMISES_USE_LABELS,
  PREMISES_USES,
  RULE_KIND_LABELS,
  type PremisesOwnership,
  type PremisesState,
  type PremisesUse,
  type RuleKind,
} from '@shared/domain/four-haves';
import { FormModal } from '../../../components/form/FormModal';
import { useServerFormErrors } from '../../../components/form/use-server-form';
import { useI18n } from '../../../lib/i18n';
import { bi } from '../../organisations/components/communities';
import { useSession } from '../../auth/hooks/use-session';
import { useCommunityFourHaves, useCreatePremises, useUpdatePremises, type FourHavesDetail, type PremisesView } from '../api/four-haves';
import { useFourHavesT, type FourHavesMessageKey } from '../messages';
import { PremisesFiles } from './PremisesFiles';
import { StatusTag } from './StatusTag';
import { DetailHeader } from '../../../components/DetailHeader';

type Rule = FourHavesDetail['rulesList'][number];

/** One community's four haves: every reason, the premises (with hand-over), rules, staffing and money behind them. */
export function CommunityFourHavesPage() {
  const t = useFourHavesT();
  const { lang } = useI18n();
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const query = useCommunityFourHaves(id);
  const update = useUpdatePremises();
  const [adding, setAdding] = useState(false);
  const { can } = useSession();
  const canWrite = can('fourhaves.write');
  const d = query.data;
  // The map and the table link here with #people, #money, #premises or #rules: the records behind that colour.
  const { hash } = useLocation();
  const focus = hash.replace(/^#/, '');
  const { token } = theme.useToken();
  useEffect(() => {
    if (d && focus) document.getElementById(`records-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [d, focus]);
  const marked = (key: string): CSSProperties | undefined =>
    focus === key ? { borderColor: token.colorPrimary, boxShadow: `0 0 0 2px ${token.colorPrimaryBg}` } : undefined;
  if (query.error) return <Alert type="error" showIcon message={t('detail.notFound')} action={<Link to="/four-haves">{t('detail.back')}</Link>} />;
  if (!d) return <Card loading />;

  const handOver = (p: PremisesView) =>
    modal.confirm({
      title: t('premises.handOverConfirm', { name: p.name }),
      onOk: async () => {
        await update.mutateAsync({ id: p.id, version: p.version, state: 'in_use' });
        message.success(t('premises.handedOver'));
      },
    });

  const premisesColumns: TableColumnsType<PremisesView> = [
    // Fixed: the table scrolls sideways on a phone, and a fixed column keeps the expanded files panel in view.
    { title: t('premises.name'), dataIndex: 'name', key: 'name', fixed: 'left', width: 160 },
    { title: t('premises.use'), dataIndex: 'use', key: 'use', width: 120, render: (v: PremisesUse) => bi(PREMISES_USE_LABELS[v], lang) },
    { title: t('premises.areaM2'), dataIndex: 'areaM2', key: 'areaM2', width: 100, align: 'right' },
    {
      title: t('premises.ownership'),
      dataIndex: 'ownership',
      key: 'ownership',
      width: 130,
      render: (v: PremisesOwnership) => bi(PREMISES_OWNERSHIP_LABELS[v], lang),
    },
    {
      title: t('premises.state'),
      dataIndex: 'state',
      key: 'state',
      width: 110,
      render: (v: PremisesState) => <Tag color={v === 'in_use' ? 'success' : 'processing'}>{bi(PREMISES_STATE_LABELS[v], lang)}</Tag>,
    },
    { title: t('premises.leaseEnd'), dataIndex: 'leaseEnd', key: 'leaseEnd', width: 110, render: (v: string | null) => v ?? '—' },
    ...(canWrite
      ? [
          {
            title: t('premises.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, p: PremisesView) =>
              p.state !== 'in_use' && (
                <Button size="small" onClick={() => handOver(p)}>
                  {t('premises.handOver')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  const ruleColumns: TableColumnsType<Rule> = [
    { title: t('rules.kind'), dataIndex: 'kind', key: 'kind', width: 120, render: (v: RuleKind) => bi(RULE_KIND_LABELS[v], lang) },
    { title: t('rules.title'), dataIndex: 'title', key: 'title' },
    { title: t('rules.adoptedOn'), dataIndex: 'adoptedOn', key: 'adoptedOn', width: 120 },
    {
      title: '',
      dataIndex: 'current',
      key: 'current',
      width: 100,
      render: (v: boolean) => <Tag color={v ? 'success' : 'warning'}>{t(v ? 'rules.current' : 'rules.stale')}</Tag>,
    },
  ];
  const have = (label: FourHavesMessageKey, h: { status: 'green' | 'amber' | 'red'; reasons: string[] }, extra?: string) => (
    <Col xs={24} md={12} xl={6}>
      <Card size="small" title={t(label)}>
        <StatusTag status={h.status} reason={h.reasons.join('；')} extra={extra} />
      </Card>
    </Col>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <DetailHeader
        title={d.name}
        back="/four-haves"
        backLabel={t('detail.back')}
        tags={<Typography.Text type="secondary">{t('detail.households', { n: d.households })}</Typography.Text>}
        extra={<Link to={`/projects?communityId=${d.communityId}`}>{t('detail.projects')}</Link>}
      />
      <Row gutter={[12, 12]}>
        {have('col.people', d.people)}
        {have('col.money', d.money)}
        {have('col.premises', d.premises, t('premises.area', { area: d.premises.areaM2, required: d.premises.requiredM2 }))}
        {have('col.rules', d.rules)}
      </Row>
      <Card
        id="records-premises"
        style={marked('premises')}
        size="small"
        title={t('detail.premises')}
        extra={
          canWrite && (
            <Button type="primary" size="small" onClick={() => setAdding(true)}>
              {t('premises.add')}
            </Button>
          )
        }
      >
        <Table<PremisesView>
          rowKey="id"
          size="small"
          pagination={false}
          columns={premisesColumns}
          dataSource={d.premisesList}
          scroll={{ x: 900 }}
          expandable={{
            columnTitle: t('files.column'),
            columnWidth: 90,
            fixed: 'left',
            expandedRowRender: (p) => <PremisesFiles premisesId={p.id} premisesName={p.name} canWrite={canWrite} />,
            expandIcon: ({ expanded, onExpand, record }) => (
              <Button size="small" type={expanded ? 'primary' : 'default'} onClick={(e) => onExpand(record, e)} aria-expanded={expanded}>
                {t('files.open', { name: record.name })}
              </Button>
            ),
          }}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card id="records-rules" style={marked('rules')} size="small" title={t('detail.rules')}>
            <Table<Rule> rowKey="id" size="small" pagination={false} columns={ruleColumns} dataSource={d.rulesList} scroll={{ x: 480 }} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card id="records-money" style={marked('money')} size="small" title={t('detail.funding', { year: d.funding.year })}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('funding.need')}>{d.funding.need?.toLocaleString() ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('funding.received')}>{d.funding.received.toLocaleString()}</Descriptions.Item>
              <Descriptions.Item label={t('funding.spent')}>{d.funding.spent.toLocaleString()}</Descriptions.Item>
              <Descriptions.Item label={t('funding.balance')}>{d.funding.balance.toLocaleString()}</Descriptions.Item>
              <Descriptions.Item label={t('funding.gap')}>{d.funding.gap.toLocaleString()}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card id="records-people" style={{ marginTop: 12, ...marked('people') }} size="small" title={t('detail.staffing')}>
            {d.staffing ? t('detail.staffingText', { f: d.staffing.fullTime, p: d.staffing.partTime, police: d.staffing.police }) : t('detail.noStaffing')}
          </Card>
        </Col>
      </Row>
      {adding && <AddPremises communityId={d.communityId} onClose={() => setAdding(false)} />}
    </Space>
  );
}

interface PremisesValues {
  name: string;
  use: PremisesUse;
  areaM2: number;
  ownership: PremisesOwnership;
  leaseEnd?: string;
  state: PremisesState;
}

/** The form to record premises of a community. */
function AddPremises({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const t = useFourHavesT();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const create = useCreatePremises();
  const [form] = Form.useForm<PremisesValues>();
  const { problem, clear, fail } = useServerFormErrors(form, { fields: ['name', 'use', 'areaM2', 'ownership', 'leaseEnd', 'state'] });
  const ownership = Form.useWatch('ownership', form);
  const options = <K extends string>(values: readonly K[], labels: Record<K, { zh: string; en: string }>) =>
    values.map((v) => ({ value: v, label: bi(labels[v], lang) }));
  const submit = (v: PremisesValues) => {
    clear();
    create.mutate(
      { communityId, ...v },
      {
        onSuccess: () => {
          message.success(t('premises.saved'));
          onClose();
        },
        onError: (err) => void fail(err),
      },
    );
  };
  return (
    <FormModal<PremisesValues>
      form={form}
      title={t('premises.add')}
      onClose={onClose}
      onFinish={submit}
      saving={create.isPending}
      problem={problem}
      initialValues={{ use: 'activity', ownership: 'owned', state: 'in_use' }}
    >
      <Form.Item name="name" label={t('premises.name')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="use" label={t('premises.use')}>
        <Select options={options(PREMISES_USES, PREMISES_USE_LABELS)} />
      </Form.Item>
      <Form.Item name="areaM2" label={t('premises.areaM2')} rules={[{ required: true }]}>
        <InputNumber min={0.01} max={1_000_000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="ownership" label={t('premises.ownership')}>
        <Select options={options(PREMISES_OWNERSHIPS, PREMISES_OWNERSHIP_LABELS)} />
      </Form.Item>
      {ownership === 'rented' && (
        <Form.Item name="leaseEnd" label={t('premises.leaseEnd')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
          <Input placeholder="2027-06-30" />
        </Form.Item>
      )}
      <Form.Item name="state" label={t('premises.state')}>
        <Select options={options(PREMISES_STATES, PREMISES_STATE_LABELS)} />
      </Form.Item>
    </FormModal>
  );
}
