import { ForkOutlined, MergeCellsOutlined, PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  theme,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { HouseholdDetail } from '@shared/contracts/households';
import { RELATIONS } from '@shared/domain/registry';
import { PageHeader } from '../../../components/PageHeader';
import { LoadFailed } from '../../../components/StatusPages';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { label, options } from '../../residents/labels';
import { useMergeHousehold, useMoveMember, useSplitHousehold } from '../api/change-household';
import { useHousehold } from '../api/get-household';
import type { Household } from '../api/list-households';
import { useHouseholdsT, zh, type HouseholdsMessageKey } from '../messages';
import { HouseholdSelect } from './HouseholdSelect';
import { HouseholdStatusTag } from './HouseholdsPage';
import { BackButton } from '../../../components/BackButton';

type Member = HouseholdDetail['members'][number];
type Move = HouseholdDetail['moves'][number];
const DAY = 'YYYY-MM-DD';

/** The server's message, or ours for a CONFLICT whose reason we know. */
function useErrorText() {
  const t = useHouseholdsT();
  return (err: Error) => {
    const reason = isApiError(err, 'CONFLICT') ? (err.details as { reason?: string } | undefined)?.reason : undefined;
    const key = `conflict.${reason}`;
    return reason && key in zh ? t(key as HouseholdsMessageKey) : err.message;
  };
}

/** 家庭户: its members and relations, move a member, split (分户) and merge (并户), and its move history. */
export function HouseholdDetailPage() {
  const t = useHouseholdsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const household = useHousehold(id);
  const [moving, setMoving] = useState<Member | null>(null);
  const [splitting, setSplitting] = useState(false);
  const [merging, setMerging] = useState(false);

  if (household.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (household.isError) return <LoadFailed error={household.error} notFoundTitle={t('detail.notFound')} backTo="/households" backLabel={t('detail.back')} />;
  const h = household.data;
  const active = h.status === 'active';
  const writable = h.capabilities.canEdit && active;
  const activeMembers = h.members.filter((m) => m.status === 'active');

  const memberColumns: TableColumnsType<Member> = [
    {
      title: t('member.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, m) => (
        <Space size={4}>
          <Link to={`/residents/${m.id}`}>{name}</Link>
          {m.id === h.headResidentId && <Tag color="blue">{label('relation', 'head', lang)}</Tag>}
        </Space>
      ),
    },
    { title: t('member.relation'), dataIndex: 'relationToHead', key: 'relation', render: (v: string | null) => label('relation', v, lang) || '—' },
    { title: t('member.idNumber'), dataIndex: 'idMasked', key: 'id', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('member.sex'), dataIndex: 'sex', key: 'sex', width: 70, render: (s: 'M' | 'F') => t(`sex.${s}`) },
    { title: t('member.age'), dataIndex: 'age', key: 'age', width: 70, render: (age: number | null, m) => age ?? m.ageBand },
    {
      title: t('member.status'),
      dataIndex: 'status',
      key: 'status',
      width: 80,
      render: (v: string) => <Tag color={v === 'active' ? 'success' : 'default'}>{label('residentStatus', v, lang)}</Tag>,
    },
  ];
  if (writable)
    memberColumns.push({
      title: lang === 'en' ? 'Actions' : '操作',
      key: 'actions',
      width: 130,
      render: (_, m) =>
        m.status === 'active' && (m.id !== h.headResidentId || activeMembers.length === 1) ? (
          <Button type="link" size="small" icon={<SwapOutlined />} onClick={() => setMoving(m)}>
            {t('member.move')}
          </Button>
        ) : null,
    });

  const moveColumns: TableColumnsType<Move> = [
    { title: t('moves.date'), dataIndex: 'effectiveDate', key: 'date', width: 120 },
    {
      title: t('moves.resident'),
      dataIndex: 'residentName',
      key: 'who',
      render: (v: string | null, m) => <Link to={`/residents/${m.residentId}`}>{v ?? '—'}</Link>,
    },
    { title: t('moves.type'), dataIndex: 'moveType', key: 'type', width: 110, render: (v: string) => <Tag>{moveTypeLabel(v, lang)}</Tag> },
    { title: t('moves.from'), dataIndex: 'fromHouseholdId', key: 'from', render: (v: string | null) => householdRef(v, h.id, t) },
    { title: t('moves.to'), dataIndex: 'toHouseholdId', key: 'to', render: (v: string | null) => householdRef(v, h.id, t) },
    { title: t('moves.reason'), dataIndex: 'reason', key: 'reason', render: (v: string | null) => v ?? '' },
  ];

  return (
    <>
      <PageHeader
        documentTitle={h.address}
        title={
          <Space wrap size={token.marginSM}>
            <BackButton fallback="/households" label={t('detail.back')} />
            {h.address}
            <HouseholdStatusTag status={h.status} />
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<PrinterOutlined />} onClick={() => navigate(`/households/${h.id}/card`)}>
              {t('card.print')}
            </Button>
            {writable && (
              <>
                <Button icon={<ForkOutlined />} disabled={activeMembers.length < 2} onClick={() => setSplitting(true)}>
                  {t('action.split')}
                </Button>
                <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)}>
                  {t('action.merge')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      {!active && (
        <Alert
          type="info"
          showIcon
          title={t('detail.inactive', { status: t(`status.${h.status}` as HouseholdsMessageKey) })}
          style={{ marginBottom: token.marginMD }}
        />
      )}
      <Row gutter={[token.marginMD, token.marginMD]}>
        <Col span={24}>
          <Card variant="borderless" title={t('detail.info')} size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              items={[
                { key: 'number', label: t('col.number'), children: h.householdNumber ?? '—' },
                { key: 'head', label: t('col.head'), children: h.headName ?? '—' },
                { key: 'type', label: t('col.type'), children: label('householdType', h.householdType, lang) },
                { key: 'members', label: t('col.members'), children: h.memberCount },
                { key: 'community', label: t('detail.community'), children: h.communityName },
                { key: 'grid', label: t('col.grid'), children: h.gridName },
                {
                  key: 'building',
                  label: t('col.building'),
                  children: h.buildingId && h.buildingName ? <Link to={`/buildings/${h.buildingId}`}>{h.buildingName}</Link> : '—',
                },
                { key: 'room', label: t('split.room'), children: h.room ?? '—' },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card variant="borderless" title={t('detail.members')} size="small">
            <Table<Member>
              rowKey="id"
              size="middle"
              columns={memberColumns}
              dataSource={h.members}
              pagination={false}
              locale={{ emptyText: t('detail.noMembers') }}
              scroll={{ x: 800 }}
            />
            {h.hiddenMembers > 0 && <Typography.Text type="secondary">{t('detail.hiddenMembers', { n: h.hiddenMembers })}</Typography.Text>}
          </Card>
        </Col>
        <Col span={24}>
          <Card variant="borderless" title={t('detail.moves')} size="small">
            <Table<Move>
              rowKey="id"
              size="middle"
              columns={moveColumns}
              dataSource={h.moves}
              pagination={h.moves.length > 10 ? { pageSize: 10 } : false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noMoves')} /> }}
              scroll={{ x: 800 }}
            />
          </Card>
        </Col>
      </Row>
      {writable && (
        <>
          <MoveMemberModal household={h} member={moving} onClose={() => setMoving(null)} />
          <SplitModal household={h} open={splitting} onClose={() => setSplitting(false)} />
          <MergeModal household={h} open={merging} onClose={() => setMerging(false)} />
        </>
      )}
    </>
  );
}

const MOVE_TYPES: Record<string, { zh: string; en: string }> = {
  transfer: { zh: '转户', en: 'Transfer' },
  split: { zh: '分户', en: 'Split' },
  merge: { zh: '并户', en: 'Merge' },
  register: { zh: '登记', en: 'Registered' },
  move_in: { zh: '迁入', en: 'Moved in' },
  move_out: { zh: '迁出', en: 'Moved out' },
  deceased: { zh: '死亡', en: 'Deceased' },
  reinstate: { zh: '恢复在册', en: 'Reinstated' },
};
const moveTypeLabel = (type: string, lang: string) => (MOVE_TYPES[type] ? (lang === 'en' ? MOVE_TYPES[type].en : MOVE_TYPES[type].zh) : type);

function householdRef(id: string | null, self: string, t: (k: HouseholdsMessageKey) => string) {
  if (!id) return '—';
  if (id === self) return t('moves.this');
  return <Link to={`/households/${id}`}>{t('moves.other')}</Link>;
}

const relationOptions = (lang: 'zh-CN' | 'en', withHead: boolean) => options('relation', lang, withHead ? RELATIONS : RELATIONS.filter((r) => r !== 'head'));

interface MoveValues {
  toHouseholdId: string;
  relationToHead: string;
  effectiveDate: Dayjs;
  reason?: string;
}

/** 迁往他户: the target is found by searching households; confirmed before it is sent. */
function MoveMemberModal({ household, member, onClose }: { household: HouseholdDetail; member: Member | null; onClose: () => void }) {
  const t = useHouseholdsT();
  const { t: tt, lang } = useI18n();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<MoveValues>();
  const [target, setTarget] = useState<Household | undefined>();
  const move = useMoveMember();
  const close = () => {
    form.resetFields();
    setTarget(undefined);
    move.reset();
    onClose();
  };
  const onFinish = (v: MoveValues) =>
    member &&
    modal.confirm({
      title: t('move.confirm', { name: member.name, address: target?.address ?? '' }),
      okText: tt('common.ok'),
      cancelText: tt('common.cancel'),
      onOk: () =>
        move
          .mutateAsync({
            householdId: household.id,
            residentId: member.id,
            toHouseholdId: v.toHouseholdId,
            relationToHead: v.relationToHead as never,
            effectiveDate: v.effectiveDate.format(DAY),
            reason: v.reason?.trim() || undefined,
          })
          .then(() => {
            message.success(t('move.done', { name: member.name }));
            close();
          })
          .catch(() => undefined),
    });
  return (
    <Modal
      open={!!member}
      title={member ? t('move.title', { name: member.name }) : ''}
      onCancel={close}
      okText={tt('common.ok')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: move.isPending }}
      destroyOnHidden
      width={600}
    >
      <Form<MoveValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ effectiveDate: dayjs(), relationToHead: 'other' }}>
        <Form.Item label={t('move.target')} name="toHouseholdId" rules={[{ required: true, message: t('field.requiredSelect', { field: t('move.target') }) }]}>
          <HouseholdSelect
            excludeId={household.id}
            autoFocus
            onChange={(id, h) => (form.setFieldValue('toHouseholdId', id), setTarget(h))}
            aria-label={t('move.target')}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('move.relation')} name="relationToHead" rules={[{ required: true }]}>
              <Select options={relationOptions(lang, !target?.headResidentId)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('field.effectiveDate')}
              name="effectiveDate"
              rules={[{ required: true, message: t('field.required', { field: t('field.effectiveDate') }) }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('field.reason')} name="reason" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        {move.isError && <Alert type="error" showIcon title={errorText(move.error)} />}
      </Form>
    </Modal>
  );
}

interface SplitValues {
  residentIds: string[];
  newHeadId: string;
  address: string;
  room?: string;
  householdNumber?: string;
  relations?: Record<string, string>;
  effectiveDate: Dayjs;
  reason?: string;
}

/** 分户: choose who leaves, their new head and address; confirmed before it is sent. */
function SplitModal({ household, open, onClose }: { household: HouseholdDetail; open: boolean; onClose: () => void }) {
  const t = useHouseholdsT();
  const { t: tt, lang } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [form] = Form.useForm<SplitValues>();
  const split = useSplitHousehold();
  const chosen: string[] = Form.useWatch('residentIds', form) ?? [];
  const newHeadId = Form.useWatch('newHeadId', form);
  const candidates = household.members.filter((m) => m.status === 'active' && m.id !== household.headResidentId);
  const nameOf = (id: string) => household.members.find((m) => m.id === id)?.name ?? '';
  const close = () => {
    form.resetFields();
    split.reset();
    onClose();
  };
  const onFinish = (v: SplitValues) =>
    modal.confirm({
      title: t('split.confirmTitle'),
      content: t('split.confirm', { n: v.residentIds.length, address: v.address.trim(), head: nameOf(v.newHeadId) }),
      okText: tt('common.ok'),
      cancelText: tt('common.cancel'),
      onOk: () => {
        const relations = Object.fromEntries(Object.entries(v.relations ?? {}).filter(([id, r]) => r && id !== v.newHeadId && v.residentIds.includes(id)));
        return split
          .mutateAsync({
            householdId: household.id,
            residentIds: v.residentIds,
            newHeadId: v.newHeadId,
            newHousehold: {
              address: v.address.trim(),
              room: v.room?.trim() || undefined,
              householdNumber: v.householdNumber?.trim() || undefined,
              householdType: 'family',
            },
            relations: Object.keys(relations).length ? (relations as never) : undefined,
            effectiveDate: v.effectiveDate.format(DAY),
            reason: v.reason?.trim() || undefined,
          })
          .then((change) => {
            message.success(t('split.done'));
            close();
            navigate(`/households/${change.other.id}`);
          })
          .catch(() => undefined);
      },
    });
  return (
    <Modal
      open={open}
      title={t('split.title')}
      onCancel={close}
      okText={tt('common.ok')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: split.isPending }}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('split.intro')}</Typography.Paragraph>
      <Form<SplitValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ effectiveDate: dayjs(), address: household.address }}>
        <Form.Item label={t('split.members')} name="residentIds" rules={[{ required: true, type: 'array', min: 1, message: t('split.membersRule') }]}>
          <Checkbox.Group
            options={candidates.map((m) => ({ value: m.id, label: `${m.name}（${label('relation', m.relationToHead, lang) || '—'}，${m.age ?? m.ageBand}）` }))}
            onChange={(ids) => !ids.includes(form.getFieldValue('newHeadId')) && form.setFieldValue('newHeadId', ids[0])}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('split.newHead')}
              name="newHeadId"
              rules={[{ required: true, message: t('field.requiredSelect', { field: t('split.newHead') }) }]}
            >
              <Select options={chosen.map((id) => ({ value: id, label: nameOf(id) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('field.effectiveDate')} name="effectiveDate" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        {chosen
          .filter((id) => id !== newHeadId)
          .map((id) => (
            <Form.Item key={id} label={t('split.relationOf', { name: nameOf(id) })} name={['relations', id]}>
              <Select allowClear options={relationOptions(lang, false)} />
            </Form.Item>
          ))}
        <Form.Item
          label={t('split.address')}
          name="address"
          rules={[{ required: true, whitespace: true, message: t('field.required', { field: t('split.address') }) }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('split.room')} name="room" rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('split.number')} name="householdNumber" rules={[{ max: 30 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('field.reason')} name="reason" rules={[{ max: 200 }]}>
          <Input placeholder={t('field.reasonPlaceholder')} />
        </Form.Item>
        {split.isError && <Alert type="error" showIcon title={errorText(split.error)} />}
      </Form>
    </Modal>
  );
}

interface MergeValues {
  intoHouseholdId: string;
  effectiveDate: Dayjs;
  reason?: string;
}

/** 并户: every member joins the household chosen by search; confirmed before it is sent. */
function MergeModal({ household, open, onClose }: { household: HouseholdDetail; open: boolean; onClose: () => void }) {
  const t = useHouseholdsT();
  const { t: tt } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [form] = Form.useForm<MergeValues>();
  const [target, setTarget] = useState<Household | undefined>();
  const merge = useMergeHousehold();
  const close = () => {
    form.resetFields();
    setTarget(undefined);
    merge.reset();
    onClose();
  };
  const onFinish = (v: MergeValues) =>
    modal.confirm({
      title: t('merge.confirmTitle'),
      content: t('merge.confirm', { n: household.memberCount, address: target?.address ?? '' }),
      okText: tt('common.ok'),
      okButtonProps: { danger: true },
      cancelText: tt('common.cancel'),
      onOk: () =>
        merge
          .mutateAsync({
            householdId: household.id,
            intoHouseholdId: v.intoHouseholdId,
            effectiveDate: v.effectiveDate.format(DAY),
            reason: v.reason?.trim() || undefined,
          })
          .then((change) => {
            message.success(t('merge.done'));
            close();
            navigate(`/households/${change.other.id}`);
          })
          .catch(() => undefined),
    });
  return (
    <Modal
      open={open}
      title={t('merge.title')}
      onCancel={close}
      okText={tt('common.ok')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: merge.isPending }}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph type="secondary">{t('merge.intro')}</Typography.Paragraph>
      <Form<MergeValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ effectiveDate: dayjs() }}>
        <Form.Item
          label={t('merge.target')}
          name="intoHouseholdId"
          rules={[{ required: true, message: t('field.requiredSelect', { field: t('merge.target') }) }]}
        >
          <HouseholdSelect
            excludeId={household.id}
            autoFocus
            onChange={(id, h) => (form.setFieldValue('intoHouseholdId', id), setTarget(h))}
            aria-label={t('merge.target')}
          />
        </Form.Item>
        <Form.Item label={t('field.effectiveDate')} name="effectiveDate" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label={t('field.reason')} name="reason" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        {merge.isError && <Alert type="error" showIcon title={errorText(merge.error)} />}
      </Form>
    </Modal>
  );
}
