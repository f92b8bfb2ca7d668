import { Button, Flex, Form, Input, QRCode, Typography, theme } from 'antd';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useEnableTotp } from '../api/enable-totp';
import { useStartTotpSetup } from '../api/start-totp-setup';
import { GatePage } from './GatePage';
import { TotpCodeField } from './TotpCodeField';

/** The key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * An account that must sign in with a second factor adds one before anything else: the password again
 * (a session alone cannot enrol a factor), then scan the QR code (drawn in the browser; the secret never
 * leaves for a QR service) or type the key, then confirm with a code.
 */
export function TotpSetupPage() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const setup = useStartTotpSetup();
  const enable = useEnableTotp();
  const [form] = Form.useForm<{ code: string }>();
  const [passwordForm] = Form.useForm<{ password: string }>();

  const onPassword = ({ password }: { password: string }) =>
    setup.mutate(
      { password },
      {
        onError: (err) => {
          // A wrong password names the field and the attempts left (it counts towards the lockout).
          const issue = isApiError(err) && Array.isArray(err.details) ? (err.details as { path?: string; remainingAttempts?: number }[])[0] : undefined;
          const left = issue?.remainingAttempts;
          const hint = left === undefined ? '' : left === 0 ? ` ${t('login.nowLocked')}` : ` ${t('login.remaining', { n: left })}`;
          passwordForm.setFields([{ name: 'password', value: '', errors: [err.message + hint] }]);
        },
      },
    );

  const onFinish = ({ code }: { code: string }) =>
    enable.mutate(code, {
      onSuccess: () => navigate('/', { replace: true }),
      onError: (err) => {
        // A wrong code comes back as a validation error naming `code`, with its own message.
        const issues = isApiError(err) && Array.isArray(err.details) ? (err.details as { path?: string; message?: string }[]) : [];
        form.setFields([{ name: 'code', value: '', errors: [issues.find((i) => i.path === 'code')?.message ?? err.message] }]);
      },
    });

  return (
    <GatePage title={t('totp.title')} notice={t('totp.intro')} maxWidth={480}>
      {!setup.data ? (
        <>
          <Typography.Paragraph>{t('totp.step0')}</Typography.Paragraph>
          <Form form={passwordForm} layout="vertical" requiredMark={false} onFinish={onPassword} disabled={setup.isPending}>
            <Form.Item label={t('totp.password')} name="password" rules={[{ required: true, message: t('totp.passwordRequired') }]}>
              <Input.Password autoComplete="current-password" autoFocus size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={setup.isPending}>
              {t('totp.continue')}
            </Button>
          </Form>
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('totp.step1')}</Typography.Paragraph>
          <Flex vertical align="center" gap={token.marginSM} style={{ marginBottom: token.marginLG }}>
            <QRCode value={setup.data.otpauthUri} aria-label={t('totp.qr')} size={200} bordered={false} />
            <Typography.Text>
              {t('totp.secret')}：
              <Typography.Text code copyable={{ text: setup.data.secret }} data-testid="totp-secret">
                {grouped(setup.data.secret)}
              </Typography.Text>
            </Typography.Text>
          </Flex>
        </>
      )}
      {setup.data && (
        <>
          <Typography.Paragraph>{t('totp.step2')}</Typography.Paragraph>
          {/* Mounted once the key is there, so that the code field takes the focus. */}
          <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={enable.isPending}>
            <TotpCodeField name="code" label={t('totp.code')} />
            <Button type="primary" htmlType="submit" block size="large" loading={enable.isPending}>
              {t('totp.enable')}
            </Button>
          </Form>
        </>
      )}
    </GatePage>
  );
}
