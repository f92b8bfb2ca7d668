import { Alert, Button, Flex, Form, Input, theme } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useSignIn, type SignInInput } from '../api/sign-in';
import { TotpCodeField } from './TotpCodeField';

interface Problem {
  message: string;
  hint?: string;
}

/** Only same-app paths may be returned to after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/**
 * The sign-in page: username, password, Enter submits; the server's message on failure, with the lockout
 * rule (the attempts left only for a wrong authenticator code, after the right password). Part of the first download, so it uses only light antd parts (no Card, Typography).
 */
export function SignInPage() {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const [problem, setProblem] = useState<Problem | null>(null);
  // Administrators: after a right password the server asks for the authenticator code.
  const [needTotp, setNeedTotp] = useState(false);
  const [form] = Form.useForm<SignInInput>();

  const onFinish = (values: SignInInput) => {
    setProblem(null);
    signIn.mutate(values, {
      onSuccess: () => navigate(safeNext(params.get('next')), { replace: true }),
      onError: (err) => {
        if (isApiError(err, 'AUTH_ACCOUNT_LOCKED')) {
          const until = (err.details as { lockedUntil?: string } | undefined)?.lockedUntil;
          const time = until ? new Date(until).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }) : undefined;
          setProblem({ message: err.message, hint: time ? t('login.lockedUntil', { time }) : undefined });
        } else if (isApiError(err, 'AUTH_TOTP_REQUIRED')) {
          setNeedTotp(true);
        } else if (isApiError(err, 'AUTH_INVALID_CREDENTIALS')) {
          // The same answer for every failure before the right password (nothing tells accounts apart): the
          // lockout rule, not the attempts left.
          const rule = err.details as { lockoutThreshold?: number; lockoutMinutes?: number } | undefined;
          const hint = rule?.lockoutThreshold ? t('login.lockRule', { n: rule.lockoutThreshold, minutes: rule.lockoutMinutes ?? '' }) : undefined;
          setProblem({ message: err.message, hint });
        } else if (isApiError(err, 'AUTH_TOTP_INVALID')) {
          // After the right password the attempts left may be told.
          form.setFieldValue('totpCode', '');
          const remaining = (err.details as { remainingAttempts?: number } | undefined)?.remainingAttempts;
          let hint: string | undefined;
          if (remaining === 0) hint = t('login.nowLocked');
          else if (remaining === 1) hint = t('login.lastAttempt');
          else if (typeof remaining === 'number') hint = t('login.remaining', { n: remaining });
          setProblem({ message: err.message, hint });
        } else {
          setProblem({ message: err instanceof Error ? err.message : String(err) });
        }
      },
    });
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: token.paddingLG, background: token.colorBgLayout }}>
      <Flex style={{ position: 'absolute', top: token.paddingSM, right: token.paddingLG }}>
        <LanguageSwitch />
      </Flex>
      <main style={{ width: '100%', maxWidth: 400 }}>
        <h1
          style={{
            textAlign: 'center',
            fontSize: token.fontSizeHeading2,
            fontWeight: token.fontWeightStrong,
            margin: `0 0 ${token.marginLG}px`,
            color: token.colorPrimary,
          }}
        >
          {t('app.title')}
        </h1>
        <section
          style={{
            background: token.colorBgContainer,
            borderRadius: token.borderRadiusLG,
            boxShadow: token.boxShadowTertiary,
            padding: token.paddingLG,
          }}
        >
          <h2 style={{ fontSize: token.fontSizeHeading4, fontWeight: token.fontWeightStrong, margin: 0, color: token.colorTextHeading }}>{t('login.title')}</h2>
          <p style={{ color: token.colorTextSecondary, margin: `${token.marginXS}px 0 ${token.marginLG}px` }}>{t('login.subtitle')}</p>
          <Form<SignInInput>
            form={form}
            // Another username may not need a code: the field goes until the server asks again.
            onValuesChange={(changed) => 'username' in changed && setNeedTotp(false)}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            aria-label={t('login.title')}
            disabled={signIn.isPending}
          >
            <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password autoComplete="current-password" size="large" />
            </Form.Item>
            {needTotp && <TotpCodeField name="totpCode" label={t('login.totp')} extra={t('login.totpHint')} />}
            {problem && <Alert type="error" showIcon title={problem.message} description={problem.hint} style={{ marginBottom: token.marginMD }} />}
            <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </section>
        <p style={{ textAlign: 'center', marginTop: token.marginLG, fontSize: token.fontSizeSM, color: token.colorTextTertiary }}>{t('app.footer')}</p>
      </main>
    </Flex>
  );
}
