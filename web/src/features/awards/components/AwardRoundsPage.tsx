import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, InputNumber, Modal, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DEFAULT_AWARD_FLOOR, DEFAULT_AWARD_MAX_SHARE, DEFAULT_AWARD_POT_YUAN } from '@shared/contracts/awards';
import { DEFAULT_INSPECTION_ITEMS } from '@shared/domain/award-score';
import { ListPage } from '../../../components/list/ListPage';
import { useListState } from '../../../components/list/use-list-state';
import { useSession } from '../../auth/hooks/use-session';
import { useAwardRounds, useCreateAwardRound, type AwardRoundRow } from '../api/award-rounds';
import { useAwardsT } from '../messages';
import { money, RoundStatusTag } from './StatusTag';

/** The 以奖代补 rounds, one a year, newest first. */
export function AwardRoundsPage() {
  const t = useAwardsT();
  const state = useListState();
  const rounds = useAwardRounds();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  // The list is a handful of years: ListPage gets it as one page, newest first.
  const query = useMemo(
    () => ({ ...rounds, data: rounds.data ? { items: [...rounds.data.items].reverse(), total: rounds.data.items.length } : undefined }),
    [rounds],
  ) as unknown as Parameters<typeof ListPage<AwardRoundRow>>[0]['query'];
  const columns: TableColumnsType<AwardRoundRow> = [
    {
      title: t('list.year'),
      dataIndex: 'year',
      key: 'year',
      width: 90,
      render: (y: number, r) => <Link to={`/awards/${r.id}`}>{t('round.title', { year: y })}</Link>,
    },
    { title: t('list.pot'), dataIndex: 'pot', key: 'pot', width: 150, align: 'right', render: money },
    { title: t('list.status'), dataIndex: 'status', key: 'status', width: 100, render: (s: AwardRoundRow['status']) => <RoundStatusTag status={s} /> },
    { title: t('list.scored'), key: 'scored', width: 140, render: (_, r) => t('list.scoredText', { scored: r.scored, total: r.communities }) },
    { title: t('list.paid'), dataIndex: 'paid', key: 'paid', width: 150, align: 'right', render: money },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('list.hint')}</Typography.Paragraph>
      <ListPage<AwardRoundRow>
        title={t('list.title')}
        state={state}
        query={query}
        columns={columns}
        rowKey="id"
        emptyText={t('list.empty')}
        scrollX={640}
        actions={
          can('awards.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('list.create')}
            </Button>
          )
        }
      />
      {creating && <CreateRoundModal onClose={() => setCreating(false)} nextYear={(rounds.data?.items.at(-1)?.year ?? new Date().getFullYear() - 1) + 1} />}
    </>
  );
}

function CreateRoundModal({ onClose, nextYear }: { onClose: () => void; nextYear: number }) {
  const t = useAwardsT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateAwardRound();
  const [form] = Form.useForm<{ year: number; pot: number; floorScore: number; maxShare: number | null; byItem: boolean }>();
  const submit = async () => {
    const { byItem, ...v } = await form.validateFields();
    const round = await create.mutateAsync({ ...v, maxShare: v.maxShare ?? null, items: byItem ? DEFAULT_INSPECTION_ITEMS : [] });
    message.success(t('create.done', { year: round.year }));
    onClose();
    navigate(`/awards/${round.id}`);
  };
  return (
    <Modal
      open
      title={t('create.title')}
      okText={t('create.ok')}
      cancelText={t('create.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: nextYear, pot: DEFAULT_AWARD_POT_YUAN, floorScore: DEFAULT_AWARD_FLOOR, maxShare: DEFAULT_AWARD_MAX_SHARE, byItem: false }}
      >
        <Form.Item name="year" label={t('list.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="pot" label={t('list.pot')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="floorScore" label={t('round.floor')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="maxShare" label={t('round.maxShare')}>
          <InputNumber min={0.01} max={1} step={0.05} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="byItem" valuePropName="checked" extra={DEFAULT_INSPECTION_ITEMS.map((i) => `${i.label} ${i.weight}`).join('、')}>
          <Checkbox>{t('create.byItem')}</Checkbox>
        </Form.Item>
      </Form>
      {create.error && <Typography.Text type="danger">{create.error.message}</Typography.Text>}
    </Modal>
  );
}
