import { Alert, App, Button, Flex, Form, Input, Typography, theme } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { PASSWORD_POLICY, passwordRule } from '../../../lib/password';
import { useChangePassword } from '../api/change-password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password, new password twice; validates as you type and submits with Enter. */
export function ChangePasswordForm({ username, onDone, onCancel }: { username: string; onDone: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [problem, setProblem] = useState<string | null>(null);

  const onFinish = (values: Values) => {
    setProblem(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(t('password.changed'));
          form.resetFields();
          onDone();
        },
        onError: (err) => {
          // Field problems name their field: a wrong current password (it counts towards the lockout), a
          // password used before (PASSWORD_HISTORY).
          const issue = (path: string) =>
            isApiError(err) && Array.isArray(err.details)
              ? (err.details as { path?: string; message?: string; remainingAttempts?: number }[]).find((i) => i.path === path)
              : undefined;
          if (isApiError(err, 'AUTH_PASSWORD_WRONG')) {
            const left = issue('currentPassword')?.remainingAttempts;
            const hint = left === undefined ? '' : left === 0 ? ` ${t('login.nowLocked')}` : ` ${t('login.remaining', { n: left })}`;
            form.setFields([{ name: 'currentPassword', errors: [err.message + hint] }]);
          } else if (isApiError(err, 'AUTH_PASSWORD_WEAK')) form.setFields([{ name: 'newPassword', errors: [err.message] }]);
          else if (issue('newPassword')) form.setFields([{ name: 'newPassword', errors: [issue('newPassword')!.message ?? err.message] }]);
          else setProblem(err.message);
        },
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={change.isPending} aria-label={t('password.title')}>
      <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('password.new')}
        name="newPassword"
        extra={<Typography.Text type="secondary">{t('password.rule', { ...PASSWORD_POLICY })}</Typography.Text>}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('password.newRequired') },
          passwordRule(t, () => username),
          ({ getFieldValue }) => ({
            validator(_, value: string | undefined) {
              return value && value === getFieldValue('currentPassword') ? Promise.reject(new Error(t('password.sameAsCurrent'))) : Promise.resolve();
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('password.confirm')}
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator(_, value: string | undefined) {
              return !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: token.marginMD }} />}
      <Flex justify="flex-end" gap={token.marginXS}>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
