import { Alert, App as AntApp, Button, Card, Flex, Typography, theme } from 'antd';
import { useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useI18n } from '../../../lib/i18n';
import { useSignOut } from '../api/sign-out';
import { useSession } from '../hooks/use-session';
import { ChangePasswordForm } from './ChangePasswordForm';

/** A user whose password was set by someone else (new account, reset) chooses their own before anything else. */
export function ForcedPasswordPage() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const { user } = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <AntApp>
      <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: token.paddingLG, background: token.colorBgLayout }}>
        <main style={{ width: '100%', maxWidth: 440 }}>
          <Card
            variant="borderless"
            title={
              <Typography.Title level={1} style={{ margin: 0, fontSize: token.fontSizeHeading4 }}>
                {t('password.title')}
              </Typography.Title>
            }
            extra={<LanguageSwitch />}
          >
            <Alert type="info" showIcon title={t('password.mustChange')} style={{ marginBottom: token.marginLG }} />
            <ChangePasswordForm username={user.username} onDone={() => navigate('/', { replace: true })} />
            <Button
              type="link"
              style={{ paddingInline: 0 }}
              onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
            >
              {t('header.signOut')}
            </Button>
          </Card>
        </main>
      </Flex>
    </AntApp>
  );
}
