import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { NOTICE_REASON_MAX } from '@shared/domain/notices';
import { DetailHeader } from '../../../components/DetailHeader';
import { DetailShell } from '../../../components/DetailShell';
import { isApiError } from '../../../lib/api';
import { useSession } from '../../auth/hooks/use-session';
import { useNotice, type NoticeDetail } from '../api/get-notice';
import { useReadOnOpen } from '../api/mark-notice-read';
import { useWithdrawNotice } from '../api/withdraw-notice';
import { useNoticesT } from '../messages';
import { NoticeForm } from './NoticeForm';
import { NoticeView } from './NoticeView';

/** 通知详情: the notice, and for those who may change it, edit and withdraw (with a reason, confirmed). */
export function NoticeDetailPage() {
  const t = useNoticesT();
  const { can } = useSession();
  const { id = '' } = useParams();
  const notice = useNotice(id);
  useReadOnOpen(notice.data);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const resident = can('self.read') && !can('residents.read');

  return (
    <DetailShell query={notice} notFoundTitle={t('detail.notFound')} backTo="/notices" backLabel={t('detail.back')}>
      {(n) => {
        const editable = n.canEdit && n.status !== 'withdrawn';
        return (
          <>
            <DetailHeader
              title={n.title}
              back="/notices"
              backLabel={t('detail.back')}
              extra={
                editable && (
                  <Space wrap>
                    <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                      {t('detail.edit')}
                    </Button>
                    <Button danger icon={<StopOutlined />} onClick={() => setWithdrawing(true)}>
                      {t('detail.withdraw')}
                    </Button>
                  </Space>
                )
              }
            />
            <Card variant="borderless">
              <NoticeView notice={n} resident={resident} />
            </Card>
            {editing && <NoticeForm notice={n} onClose={() => setEditing(false)} />}
            {withdrawing && <WithdrawDialog notice={n} onClose={() => setWithdrawing(false)} onStale={() => void notice.refetch()} />}
          </>
        );
      }}
    </DetailShell>
  );
}

/** 撤回: asks for the reason and confirms; a 409 reloads the notice. */
function WithdrawDialog({ notice, onClose, onStale }: { notice: NoticeDetail; onClose: () => void; onStale: () => void }) {
  const t = useNoticesT();
  const { message } = App.useApp();
  const withdraw = useWithdrawNotice();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = ({ reason }: { reason: string }) =>
    withdraw.mutate(
      { id: notice.id, version: notice.version, reason: reason.trim() },
      {
        onSuccess: () => {
          message.success(t('detail.withdrawn'));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.status === 409) {
            message.warning(t('detail.stale'));
            onStale();
            onClose();
          } else message.error(err.message);
        },
      },
    );
  return (
    <Modal
      open
      title={t('detail.withdrawTitle', { title: notice.title })}
      okText={t('detail.withdraw')}
      okButtonProps={{ danger: true }}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={withdraw.isPending}
      destroyOnHidden
    >
      <p>{t('detail.withdrawBody')}</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('detail.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: NOTICE_REASON_MAX }]}
        >
          <Input autoFocus maxLength={NOTICE_REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
