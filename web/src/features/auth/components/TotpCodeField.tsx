import { Form, Input } from 'antd';
import { useI18n } from '../../../lib/i18n';

/** The six digits from an authenticator app (sign-in and setup): digits only, focused when it appears. */
export function TotpCodeField({ name, label, extra }: { name: string; label: string; extra?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      label={label}
      name={name}
      extra={extra}
      normalize={(v: string) => v.replace(/\D/g, '').slice(0, 6)}
      rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpRequired') }]}
    >
      <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus size="large" />
    </Form.Item>
  );
}
