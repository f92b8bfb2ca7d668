import { Alert, App, Button, Flex, Form, Input, Modal, theme } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { PASSWORD_POLICY, passwordRule } from '../../../lib/password';
import { useResetPassword } from '../api/reset-password';
import type { Account } from '../api/list-accounts';

/** 重置密码: the administrator sets a temporary password; the user must change it at next sign-in. */
export function ResetPasswordModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const reset = useResetPassword();
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    setProblem(null);
    onClose();
  };
  return (
    <Modal
      open={account !== null}
      title={account ? t('accounts.resetPasswordOf', { name: account.displayName }) : ''}
      onCancel={close}
      footer={null}
      destroyOnHidden
    >
      {account && (
        <Form<{ newPassword: string }>
          layout="vertical"
          disabled={reset.isPending}
          onFinish={({ newPassword }) =>
            reset.mutate(
              { id: account.id, newPassword },
              {
                onSuccess: () => {
                  message.success(t('accounts.passwordReset'));
                  close();
                },
                onError: (err) => setProblem(err.message),
              },
            )
          }
        >
          <Form.Item
            label={t('password.new')}
            name="newPassword"
            extra={t('password.rule', { ...PASSWORD_POLICY })}
            rules={[{ required: true, message: t('password.newRequired') }, passwordRule(t, () => account.username)]}
          >
            <Input.Password autoComplete="new-password" autoFocus />
          </Form.Item>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: token.marginMD }} />}
          <Flex justify="flex-end" gap={token.marginXS}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={reset.isPending}>
              {t('accounts.resetPassword')}
            </Button>
          </Flex>
        </Form>
      )}
    </Modal>
  );
}
