import { Alert, App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Recall } from '@shared/contracts/elections';
import { useProposeRecall, useRecordRecallVote } from '../api/change-election';
import type { ElectionDetail } from '../api/get-election';
import { useElectionsT } from '../messages';
import { useLang } from './labels';

const STATUS_COLOURS = { proposed: 'processing', passed: 'error', failed: 'success', void: 'default' } as const;

interface VoteForm {
  voteDate: Dayjs;
  ballotsIssued: number;
  ballotsReturned: number;
  invalidBallots: number;
  votesFor: number;
}

/** 罢免: recalls of elected members — the proposal (≥ 1/5 of the voters) and the vote (double majority). */
export function RecallsTab({ e }: { e: ElectionDetail }) {
  const t = useElectionsT();
  const lang = useLang();
  const { message } = App.useApp();
  const propose = useProposeRecall(e.id);
  const record = useRecordRecallVote(e.id);
  const [proposing, setProposing] = useState(false);
  const [voting, setVoting] = useState<Recall | null>(null);
  const [proposeForm] = Form.useForm<{ candidateId: string; proposerCount: number; reason: string; proposedOn: Dayjs }>();
  const [voteForm] = Form.useForm<VoteForm>();
  const elected = new Set(e.results.filter((r) => r.valid).flatMap((r) => r.elected));
  const members = e.candidates.filter((c) => elected.has(c.id));
  const voters = e.mode === 'household_reps' ? e.householdRepCount : e.voterCount;
  const needed = Math.max(1, Math.ceil(voters * e.law.recallProposerShare - 1e-9));
  const writable = e.capabilities.canEdit && members.length > 0;

  const onPropose = async () => {
    const v = await proposeForm.validateFields();
    try {
      await propose.mutateAsync({ ...v, proposedOn: v.proposedOn.format('YYYY-MM-DD') });
      void message.success(t('common.saved'));
      setProposing(false);
      proposeForm.resetFields();
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const onVote = async () => {
    if (!voting) return;
    const v = await voteForm.validateFields();
    try {
      const r = await record.mutateAsync({ recallId: voting.id, ...v, voteDate: v.voteDate.format('YYYY-MM-DD') });
      void message.info(t(`recall.status.${r.status as Recall['status']}`));
      setVoting(null);
      voteForm.resetFields();
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  const columns: TableColumnsType<Recall> = [
    { title: t('recall.member'), dataIndex: 'memberName', key: 'member', width: 110 },
    { title: t('recall.proposedOn'), dataIndex: 'proposedOn', key: 'proposedOn', width: 110 },
    {
      title: t('recall.proposers'),
      key: 'proposers',
      width: 150,
      render: (_, k) => t('recall.proposersOf', { n: k.proposerCount, needed: k.proposersNeeded, voters: k.registeredVoters }),
    },
    { title: t('recall.reason'), dataIndex: 'reason', key: 'reason' },
    {
      title: t('recall.vote'),
      key: 'vote',
      render: (_, k) =>
        k.voteDate ? (
          <Space direction="vertical" size={0}>
            <span>{t('recall.voteOf', { date: k.voteDate, returned: k.ballotsReturned ?? 0, votesFor: k.votesFor ?? 0 })}</span>
            {k.reasons.map((x) => (
              <span key={x.code}>{x[lang]}</span>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('recall.status'),
      dataIndex: 'status',
      key: 'status',
      width: 110,
      render: (s: Recall['status']) => <Tag color={STATUS_COLOURS[s]}>{t(`recall.status.${s}`)}</Tag>,
    },
  ];
  if (e.capabilities.canEdit)
    columns.push({
      title: '',
      key: 'actions',
      width: 100,
      render: (_, k) =>
        k.status === 'proposed' && (
          <Button size="small" onClick={() => setVoting(k)}>
            {t('recall.recordVote')}
          </Button>
        ),
    });

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('recall.rule', { needed, voters })} />
      {writable && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setProposing(true)}>
          {t('recall.propose')}
        </Button>
      )}
      <Table<Recall>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={e.recalls}
        locale={{ emptyText: members.length > 0 ? t('recall.empty') : t('recall.noMembers') }}
        scroll={{ x: 900 }}
      />
      <Modal
        open={proposing}
        title={t('recall.propose')}
        onOk={onPropose}
        onCancel={() => setProposing(false)}
        confirmLoading={propose.isPending}
        destroyOnHidden
      >
        <Form form={proposeForm} layout="vertical" initialValues={{ proposerCount: needed, proposedOn: dayjs() }}>
          <Form.Item name="candidateId" label={t('recall.member')} rules={[{ required: true }]}>
            <Select aria-label={t('recall.member')} options={members.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="proposerCount" label={t('recall.proposers')} rules={[{ required: true }]} extra={t('recall.needed', { needed, voters })}>
            <InputNumber aria-label={t('recall.proposers')} min={0} />
          </Form.Item>
          <Form.Item name="reason" label={t('recall.reason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea aria-label={t('recall.reason')} maxLength={500} rows={3} />
          </Form.Item>
          <Form.Item name="proposedOn" label={t('recall.proposedOn')} rules={[{ required: true }]}>
            <DatePicker aria-label={t('recall.proposedOn')} disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(e.electionDate), 'day')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!voting}
        title={voting ? t('recall.voteTitle', { name: voting.memberName }) : ''}
        onOk={onVote}
        onCancel={() => setVoting(null)}
        confirmLoading={record.isPending}
        destroyOnHidden
      >
        {voting && (
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('recall.registered')}>{voting.registeredVoters}</Descriptions.Item>
          </Descriptions>
        )}
        <Form form={voteForm} layout="vertical" initialValues={{ voteDate: dayjs(), invalidBallots: 0 }}>
          <Form.Item name="voteDate" label={t('recall.voteDate')} rules={[{ required: true }]}>
            <DatePicker aria-label={t('recall.voteDate')} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="ballotsIssued" label={t('tally.issued')} rules={[{ required: true }]}>
              <InputNumber aria-label={t('tally.issued')} min={0} />
            </Form.Item>
            <Form.Item name="ballotsReturned" label={t('tally.returned')} rules={[{ required: true }]}>
              <InputNumber aria-label={t('tally.returned')} min={0} />
            </Form.Item>
            <Form.Item name="invalidBallots" label={t('tally.invalid')} rules={[{ required: true }]}>
              <InputNumber aria-label={t('tally.invalid')} min={0} />
            </Form.Item>
            <Form.Item name="votesFor" label={t('recall.votesFor')} rules={[{ required: true }]}>
              <InputNumber aria-label={t('recall.votesFor')} min={0} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
