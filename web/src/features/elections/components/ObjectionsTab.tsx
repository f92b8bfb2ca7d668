import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { OBJECTION_KINDS, type Objection } from '@shared/contracts/elections';
import { useAnswerObjection, useFileObjection } from '../api/change-election';
import type { ElectionDetail } from '../api/get-election';
import { useElectionsT } from '../messages';
import { ResidentPicker, VoterPicker } from './pickers';

const STATUS_COLOURS = { open: 'processing', upheld: 'success', rejected: 'default' } as const;

/** Objections to the published voter roll: the window from the timeline, the list, a form to file and one to answer. */
export function ObjectionsTab({ e }: { e: ElectionDetail }) {
  const t = useElectionsT();
  const { message } = App.useApp();
  const file = useFileObjection(e.id);
  const answer = useAnswerObjection(e.id);
  const [filing, setFiling] = useState(false);
  const [answering, setAnswering] = useState<Objection | null>(null);
  const [fileForm] = Form.useForm<{ kind: (typeof OBJECTION_KINDS)[number]; residentId: string; filedBy: string; reason: string; filedOn: Dayjs }>();
  const [answerForm] = Form.useForm<{ decision: 'upheld' | 'rejected'; answer: string; answeredOn: Dayjs }>();
  const kind = Form.useWatch('kind', fileForm);
  const writable = e.capabilities.canEdit && e.status === 'preparing';
  const date = (key: string) => e.timeline.find((d) => d.key === key)?.date ?? '';
  const opens = date('voterListPublished');
  const closes = date('objectionsClose');
  const due = date('objectionsAnswered');

  const onFile = async () => {
    const v = await fileForm.validateFields();
    try {
      await file.mutateAsync({ ...v, filedOn: v.filedOn.format('YYYY-MM-DD') });
      void message.success(t('common.saved'));
      setFiling(false);
      fileForm.resetFields();
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const onAnswer = async () => {
    if (!answering) return;
    const v = await answerForm.validateFields();
    try {
      await answer.mutateAsync({ objectionId: answering.id, ...v, answeredOn: v.answeredOn.format('YYYY-MM-DD') });
      void message.success(t('common.saved'));
      setAnswering(null);
      answerForm.resetFields();
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  const columns: TableColumnsType<Objection> = [
    { title: t('obj.filedOn'), dataIndex: 'filedOn', key: 'filedOn', width: 110 },
    { title: t('obj.kind'), dataIndex: 'kind', key: 'kind', width: 150, render: (k: Objection['kind']) => t(`obj.kind.${k}`) },
    {
      title: t('obj.resident'),
      key: 'resident',
      width: 200,
      render: (_, o) => (
        <Space direction="vertical" size={0}>
          <span>{o.residentName}</span>
          <Typography.Text type="secondary" code>
            {o.idMasked}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('obj.filedBy'), dataIndex: 'filedBy', key: 'filedBy', width: 110 },
    { title: t('obj.reason'), dataIndex: 'reason', key: 'reason' },
    {
      title: t('obj.status'),
      key: 'status',
      width: 160,
      render: (_, o) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOURS[o.status]}>{t(`obj.status.${o.status}`)}</Tag>
          {o.late && <Tag color="red">{t(o.status === 'open' ? 'obj.overdue' : 'obj.lateAnswer')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('obj.answer'),
      key: 'answer',
      render: (_, o) => (o.answer ? `${o.answer}（${o.answeredOn}）` : t('obj.dueBy', { date: o.answerDue })),
    },
  ];
  if (writable)
    columns.push({
      title: '',
      key: 'actions',
      width: 80,
      render: (_, o) =>
        o.status === 'open' && (
          <Button size="small" onClick={() => setAnswering(o)}>
            {t('obj.answerAction')}
          </Button>
        ),
    });

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('obj.window', { opens, closes, due })} />
      {writable && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setFiling(true)}>
          {t('obj.file')}
        </Button>
      )}
      <Table<Objection>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={e.objections}
        locale={{ emptyText: t('obj.empty') }}
        scroll={{ x: 1000 }}
      />
      <Modal open={filing} title={t('obj.file')} onOk={onFile} onCancel={() => setFiling(false)} confirmLoading={file.isPending} destroyOnHidden>
        <Form form={fileForm} layout="vertical" initialValues={{ kind: 'exclude', filedOn: dayjs().isAfter(dayjs(closes)) ? dayjs(closes) : dayjs() }}>
          <Form.Item name="kind" label={t('obj.kind')} rules={[{ required: true }]}>
            <Select aria-label={t('obj.kind')} options={OBJECTION_KINDS.map((k) => ({ value: k, label: t(`obj.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="residentId" label={t('obj.resident')} rules={[{ required: true }]}>
            {kind === 'include' ? <ResidentPicker communityId={e.communityId} /> : <VoterPicker electionId={e.id} />}
          </Form.Item>
          <Form.Item name="filedBy" label={t('obj.filedBy')} rules={[{ required: true }]}>
            <Input aria-label={t('obj.filedBy')} maxLength={50} />
          </Form.Item>
          <Form.Item name="reason" label={t('obj.reason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea aria-label={t('obj.reason')} maxLength={500} rows={3} />
          </Form.Item>
          <Form.Item name="filedOn" label={t('obj.filedOn')} rules={[{ required: true }]} extra={t('obj.windowShort', { opens, closes })}>
            <DatePicker aria-label={t('obj.filedOn')} disabledDate={(d) => d.isBefore(dayjs(opens), 'day') || d.isAfter(dayjs(closes), 'day')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!answering}
        title={answering ? t('obj.answerTitle', { name: answering.residentName }) : ''}
        onOk={onAnswer}
        onCancel={() => setAnswering(null)}
        confirmLoading={answer.isPending}
        destroyOnHidden
      >
        {answering && (
          <Typography.Paragraph type="secondary">
            {t(`obj.kind.${answering.kind}`)}：{answering.reason}
          </Typography.Paragraph>
        )}
        <Form form={answerForm} layout="vertical" initialValues={{ decision: 'rejected', answeredOn: dayjs() }}>
          <Form.Item name="decision" label={t('obj.decision')} rules={[{ required: true }]} extra={t('obj.upheldHint')}>
            <Select aria-label={t('obj.decision')} options={(['upheld', 'rejected'] as const).map((d) => ({ value: d, label: t(`obj.status.${d}`) }))} />
          </Form.Item>
          <Form.Item name="answer" label={t('obj.answer')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea aria-label={t('obj.answer')} maxLength={500} rows={3} />
          </Form.Item>
          <Form.Item name="answeredOn" label={t('obj.answeredOn')} rules={[{ required: true }]} extra={t('obj.dueBy', { date: due })}>
            <DatePicker aria-label={t('obj.answeredOn')} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
