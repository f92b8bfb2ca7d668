import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../components/form/FormModal';
import { useVersionedSave } from '../../../components/form/use-server-form';
import { isApiError } from '../../../lib/api';
import { useUpdateElection, useWithdrawElection } from '../api/change-election';
import type { ElectionDetail } from '../api/get-election';
import { electionKeys } from '../api/list-elections';
import { useElectionsT } from '../messages';
import { ELECTION_FIELDS, ElectionFields, type ElectionFormValues } from './ElectionFields';

type EditForm = ElectionFormValues;

const valuesOf = (e: ElectionDetail): EditForm => ({
  term: e.term,
  mode: e.mode,
  electionDate: dayjs(e.electionDate),
  seatsDirector: e.seatsDirector,
  seatsDeputy: e.seatsDeputy,
  seatsMember: e.seatsMember,
});

/**
 * 修改换届选举 at the version read: when someone else saved in between (409) the election is reloaded into
 * the form and the user is told to check it and try again. Mounted while open.
 */
function EditElectionModal({ e, onClose }: { e: ElectionDetail; onClose: () => void }) {
  const t = useElectionsT();
  const { message } = App.useApp();
  const update = useUpdateElection(e.id);
  const [form] = Form.useForm<EditForm>();
  const qc = useQueryClient();
  const save = useVersionedSave(form, {
    initial: e,
    valuesOf,
    fields: ELECTION_FIELDS,
    reload: async () => {
      await qc.invalidateQueries({ queryKey: electionKeys.all });
      return qc.getQueryData<ElectionDetail>(electionKeys.detail(e.id));
    },
  });
  const onFinish = (v: EditForm) =>
    save.run(
      (base) => update.mutateAsync({ ...v, electionDate: v.electionDate.format('YYYY-MM-DD'), version: base.version }),
      () => {
        void message.success(t('common.saved'));
        onClose();
      },
    );
  return (
    <FormModal<EditForm>
      form={form}
      title={t('edit.title')}
      onClose={onClose}
      onFinish={(v) => void onFinish(v)}
      initialValues={valuesOf(e)}
      saving={update.isPending}
      width={520}
      stale={save.stale}
      staleText={t('edit.stale')}
      problem={save.problem}
    >
      <ElectionFields dateHint={t('edit.dateHint')} />
    </FormModal>
  );
}

/** Edit and withdraw an election before its count (at the version read; withdrawing is confirmed with a reason). */
export function ElectionActions({ e }: { e: ElectionDetail }) {
  const t = useElectionsT();
  const { message, modal } = App.useApp();
  const withdraw = useWithdrawElection(e.id);
  const [editing, setEditing] = useState(false);
  const qc = useQueryClient();
  if (!e.capabilities.canEdit || e.status !== 'preparing' || e.tallies.length > 0 || e.results.length > 0) return null;

  const explain = (err: unknown) => {
    const stale = isApiError(err, 'VERSION_CONFLICT');
    // A stale withdrawal: reload the election so the next try starts from what is stored.
    if (stale) void qc.invalidateQueries({ queryKey: electionKeys.all });
    void message.error(stale ? t('edit.stale') : (err as Error).message);
  };
  const onWithdraw = () => {
    let reason = '';
    modal.confirm({
      title: t('withdraw.title'),
      okText: t('withdraw.ok'),
      okButtonProps: { danger: true },
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('withdraw.warning')}</span>
          <Input.TextArea aria-label={t('withdraw.reason')} placeholder={t('withdraw.reason')} rows={3} onChange={(ev) => (reason = ev.target.value)} />
        </Space>
      ),
      onOk: async () => {
        if (reason.trim().length < 2) {
          void message.error(t('withdraw.reasonRequired'));
          throw new Error('reason');
        }
        await withdraw.mutateAsync({ version: e.version, reason: reason.trim() }).catch((err: unknown) => {
          explain(err);
          throw err;
        });
      },
    });
  };

  return (
    <>
      <Space>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('edit.action')}
        </Button>
        <Button danger icon={<StopOutlined />} onClick={onWithdraw}>
          {t('withdraw.action')}
        </Button>
      </Space>
      {editing && <EditElectionModal e={e} onClose={() => setEditing(false)} />}
    </>
  );
}
