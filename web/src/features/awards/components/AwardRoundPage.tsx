import { CheckOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { weightedScore } from '@shared/domain/award-score';
import { PageHeader } from '../../../components/PageHeader';
import { useSession } from '../../auth/hooks/use-session';
import {
  awardExportUrl,
  useApproveAwardRound,
  useAwardRound,
  useRecordAwardPayment,
  useSetAwardScore,
  type AwardLine,
  type AwardRoundDetail,
} from '../api/award-rounds';
import { useAwardsT } from '../messages';
import { money, RoundStatusTag } from './StatusTag';

const AwardsChart = lazy(() => import('./AwardsChart'));

/** One year's round: every community's score, amount and why, the chart, approval and payments. */
export function AwardRoundPage() {
  const t = useAwardsT();
  const { id = '' } = useParams();
  const { modal, message } = App.useApp();
  const { can } = useSession();
  const query = useAwardRound(id);
  const approve = useApproveAwardRound();
  const [scoring, setScoring] = useState<AwardLine | null>(null);
  const [paying, setPaying] = useState(false);
  const r = query.data;
  if (query.error) return <Alert type="error" showIcon message={t('round.notFound')} action={<Link to="/awards">{t('round.back')}</Link>} />;
  if (!r) return <Card loading />;
  const draft = r.status === 'draft';

  const confirmApprove = () =>
    modal.confirm({
      title: t('round.approveConfirm', { year: r.year }),
      content: t('round.approveBody', { total: money(r.total) }),
      okText: t('round.approve'),
      onOk: async () => {
        try {
          await approve.mutateAsync({ id: r.id, version: r.version });
          message.success(t('round.approved'));
        } catch (err) {
          message.error((err as Error).message);
        }
      },
    });

  const columns: TableColumnsType<AwardLine> = [
    { title: t('col.community'), dataIndex: 'communityName', key: 'community', width: 110, fixed: 'left' },
    {
      title: t('col.score'),
      dataIndex: 'score',
      key: 'score',
      width: 90,
      align: 'right',
      render: (v: number | null, l) =>
        v === null ? (
          '—'
        ) : l.itemScores ? (
          <Tooltip title={r.items.map((i) => `${i.label} ${l.itemScores?.[i.key] ?? '—'}`).join('；')}>
            <span style={{ textDecoration: 'underline dotted' }}>{v}</span>
          </Tooltip>
        ) : (
          v
        ),
    },
    { title: t('col.amount'), dataIndex: 'amount', key: 'amount', width: 140, align: 'right', render: money },
    { title: t('col.reason'), dataIndex: 'reason', key: 'reason' },
    { title: t('col.inspector'), key: 'inspector', width: 150, render: (_, l) => (l.inspector ? `${l.inspector} ${l.inspectedOn}` : '—') },
    { title: t('col.paid'), dataIndex: 'paid', key: 'paid', width: 120, align: 'right', render: money },
  ];
  if (draft && can('awards.write'))
    columns.push({
      title: t('col.actions'),
      key: 'actions',
      width: 110,
      render: (_, l) => (
        <Button size="small" onClick={() => setScoring(l)} aria-label={`${l.communityName} ${l.score === null ? t('score.enter') : t('score.edit')}`}>
          {l.score === null ? t('score.enter') : t('score.edit')}
        </Button>
      ),
    });

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <Link to="/awards">{t('round.back')}</Link>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('round.title', { year: r.year })}
            </Typography.Title>
            <RoundStatusTag status={r.status} />
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<FileExcelOutlined />} href={awardExportUrl(r.id)}>
              {t('round.export')}
            </Button>
            <Link to={`/awards/${r.id}/print`}>
              <Button icon={<PrinterOutlined />}>{t('round.print')}</Button>
            </Link>
            {!draft && can('awards.manage') && <Button onClick={() => setPaying(true)}>{t('pay.record')}</Button>}
            {draft && can('awards.approve') && (
              <Button type="primary" icon={<CheckOutlined />} onClick={confirmApprove} disabled={!!r.blocked}>
                {t('round.approve')}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('round.pot')}>{money(r.pot)}</Descriptions.Item>
          <Descriptions.Item label={t('round.floor')}>{r.floorScore}</Descriptions.Item>
          <Descriptions.Item label={t('round.maxShare')}>
            {r.maxShare === null ? t('round.noCap') : `${Math.round(r.maxShare * 10000) / 100}%`}
          </Descriptions.Item>
          {r.items.length > 0 && (
            <Descriptions.Item label={t('round.items')} span="filled">
              {r.items.map((i) => t('round.itemWeight', { label: i.label, weight: i.weight })).join('、')}
            </Descriptions.Item>
          )}
          {r.approvedOn && (
            <Descriptions.Item label={t('round.approvedOn')}>{t('round.approvedText', { by: r.approvedBy ?? '', date: r.approvedOn })}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {r.blocked && <Alert type="warning" showIcon message={r.blocked} style={{ marginBottom: 12 }} />}
      {!draft && <Alert type="info" showIcon message={t('round.frozen')} style={{ marginBottom: 12 }} />}
      <Card size="small" title={t('round.chart')} style={{ marginBottom: 12 }}>
        <Suspense fallback={<div style={{ height: 260 }} />}>
          <AwardsChart ariaLabel={t('round.chart')} data={r.lines.map((l) => ({ label: l.communityName, value: l.amount ?? 0 }))} />
        </Suspense>
      </Card>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Table<AwardLine>
          rowKey="communityId"
          size="small"
          pagination={false}
          dataSource={r.lines}
          columns={columns}
          scroll={{ x: 960 }}
          footer={() => <strong>{t('round.total', { total: money(r.total) })}</strong>}
        />
      </Card>
      <Card size="small" title={t('pay.list')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.payments}
          locale={{ emptyText: t('pay.empty') }}
          scroll={{ x: 560 }}
          columns={[
            { title: t('pay.community'), dataIndex: 'communityName', key: 'community', width: 110 },
            { title: t('pay.paidOn'), dataIndex: 'paidOn', key: 'paidOn', width: 120 },
            { title: t('pay.amount'), dataIndex: 'amount', key: 'amount', width: 140, align: 'right', render: money },
            { title: t('pay.voucher'), dataIndex: 'voucher', key: 'voucher' },
          ]}
        />
      </Card>
      {scoring && <ScoreModal round={r} line={scoring} onClose={() => setScoring(null)} />}
      {paying && <PaymentModal round={r} onClose={() => setPaying(false)} />}
    </>
  );
}

function ScoreModal({ round, line, onClose }: { round: AwardRoundDetail; line: AwardLine; onClose: () => void }) {
  const t = useAwardsT();
  const { message } = App.useApp();
  const { user } = useSession();
  const save = useSetAwardScore();
  const [form] = Form.useForm<{ score?: number; items?: Record<string, number>; inspector: string; inspectedOn: Dayjs; note?: string }>();
  const itemised = round.items.length > 0;
  const itemValues = Form.useWatch('items', form);
  const weighted = itemised ? weightedScore(round.items, itemValues ?? {}) : null;
  const submit = async () => {
    const v = await form.validateFields();
    await save.mutateAsync({
      id: round.id,
      communityId: line.communityId,
      ...(itemised ? { itemScores: v.items } : { score: v.score }),
      inspector: v.inspector,
      inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
      note: v.note || null,
      version: line.scoreVersion ?? undefined,
    });
    message.success(t('score.saved'));
    onClose();
  };
  return (
    <Modal open title={t('score.title', { community: line.communityName })} onOk={submit} onCancel={onClose} confirmLoading={save.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          score: line.score ?? undefined,
          items: line.itemScores ?? undefined,
          inspector: line.inspector ?? user.displayName,
          inspectedOn: line.inspectedOn ? dayjs(line.inspectedOn) : dayjs(),
          note: line.note ?? '',
        }}
      >
        {itemised ? (
          <>
            {round.items.map((i) => (
              <Form.Item key={i.key} name={['items', i.key]} label={t('score.item', { label: i.label, weight: i.weight })} rules={[{ required: true }]}>
                <InputNumber aria-label={i.label} min={0} max={100} precision={1} style={{ width: '100%' }} />
              </Form.Item>
            ))}
            <Typography.Paragraph strong>{t('score.weighted', { score: weighted ?? 0 })}</Typography.Paragraph>
          </>
        ) : (
          <Form.Item name="score" label={t('score.score')} rules={[{ required: true }]}>
            <InputNumber aria-label={t('score.score')} min={0} max={100} precision={1} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="inspector" label={t('score.inspector')} rules={[{ required: true, whitespace: true }]}>
          <Input aria-label={t('score.inspector')} maxLength={50} />
        </Form.Item>
        <Form.Item name="inspectedOn" label={t('score.inspectedOn')} rules={[{ required: true }]}>
          <DateInput label={t('score.inspectedOn')} />
        </Form.Item>
        <Form.Item name="note" label={t('score.note')}>
          <Input.TextArea aria-label={t('score.note')} maxLength={500} rows={2} />
        </Form.Item>
      </Form>
      {save.error && <Alert type="error" showIcon message={save.error.message} />}
    </Modal>
  );
}

function PaymentModal({ round, onClose }: { round: AwardRoundDetail; onClose: () => void }) {
  const t = useAwardsT();
  const { message } = App.useApp();
  const pay = useRecordAwardPayment();
  const [form] = Form.useForm<{ communityId: string; paidOn: Dayjs; amount: number; voucher: string }>();
  const due = (l: AwardLine) => Math.round(((l.amount ?? 0) - l.paid) * 100) / 100;
  const open = round.lines.filter((l) => due(l) > 0);
  const submit = async () => {
    const v = await form.validateFields();
    await pay.mutateAsync({ id: round.id, communityId: v.communityId, paidOn: v.paidOn.format('YYYY-MM-DD'), amount: v.amount, voucher: v.voucher });
    message.success(t('pay.saved'));
    onClose();
  };
  return (
    <Modal open title={t('pay.title')} onOk={submit} onCancel={onClose} confirmLoading={pay.isPending}>
      <Form form={form} layout="vertical" initialValues={{ paidOn: dayjs() }}>
        <Form.Item name="communityId" label={t('pay.community')} rules={[{ required: true }]}>
          <Select
            aria-label={t('pay.community')}
            options={open.map((l) => ({ value: l.communityId, label: l.communityName }))}
            onChange={(id: string) => {
              const l = open.find((x) => x.communityId === id);
              if (l) form.setFieldValue('amount', due(l));
            }}
          />
        </Form.Item>
        <Form.Item name="paidOn" label={t('pay.paidOn')} rules={[{ required: true }]}>
          <DateInput label={t('pay.paidOn')} />
        </Form.Item>
        <Form.Item name="amount" label={t('pay.amount')} rules={[{ required: true }]}>
          <InputNumber aria-label={t('pay.amount')} min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="voucher" label={t('pay.voucher')} rules={[{ required: true, whitespace: true }]}>
          <Input aria-label={t('pay.voucher')} maxLength={100} />
        </Form.Item>
      </Form>
      {pay.error && <Alert type="error" showIcon message={pay.error.message} />}
    </Modal>
  );
}

/** A date field as a plain YYYY-MM-DD input (Form passes value/onChange as a Dayjs). */
function DateInput({ value, onChange, label }: { value?: Dayjs; onChange?: (v: Dayjs | undefined) => void; label: string }) {
  return (
    <Input
      type="date"
      aria-label={label}
      value={value ? value.format('YYYY-MM-DD') : ''}
      onChange={(e) => onChange?.(e.target.value ? dayjs(e.target.value) : undefined)}
    />
  );
}
