import { Alert, Button, Flex, Form, QRCode, Spin, Typography, theme } from 'antd';
import { useEffect, useRef } from 'react';
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
 * An administrator without a second factor adds one before anything else: scan the QR code (drawn in
 * the browser; the secret never leaves for a QR service), or type the key, then confirm with a code.
 */
export function TotpSetupPage() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const setup = useStartTotpSetup();
  const enable = useEnableTotp();
  const [form] = Form.useForm<{ code: string }>();
  const started = useRef(false);

  // One secret per visit (StrictMode runs effects twice; the ref keeps it to one request).
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    setup.mutate();
  }, [setup]);

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
      <Typography.Paragraph>{t('totp.step1')}</Typography.Paragraph>
      {setup.isError ? (
        <Alert
          type="error"
          showIcon
          title={setup.error.message}
          action={
            <Button size="small" onClick={() => setup.mutate()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : !setup.data ? (
        <Flex justify="center" style={{ padding: token.paddingLG }}>
          <Spin tip={t('totp.loading')} />
        </Flex>
      ) : (
        <Flex vertical align="center" gap={token.marginSM} style={{ marginBottom: token.marginLG }}>
          <QRCode value={setup.data.otpauthUri} aria-label={t('totp.qr')} size={200} bordered={false} />
          <Typography.Text>
            {t('totp.secret')}：
            <Typography.Text code copyable={{ text: setup.data.secret }} data-testid="totp-secret">
              {grouped(setup.data.secret)}
            </Typography.Text>
          </Typography.Text>
        </Flex>
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
