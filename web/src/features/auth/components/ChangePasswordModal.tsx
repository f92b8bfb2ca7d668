import { Modal } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

/** 修改密码 from the user menu. */
export function ChangePasswordModal({ open, username, onClose }: { open: boolean; username: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('password.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <ChangePasswordForm username={username} onDone={onClose} onCancel={onClose} />
    </Modal>
  );
}
