import { Alert, App as AntApp, Button, Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useI18n } from '../../../lib/i18n';
import { useSignOut } from '../api/sign-out';

/**
 * The page a signed-in user must pass before the app (a new password, the second factor): a card with
 * the title, the language switch, why the user is here, the step itself, and a way to sign out instead.
 */
export function GatePage({ title, notice, maxWidth, children }: { title: string; notice: string; maxWidth: number; children: ReactNode }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <AntApp>
      <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: token.paddingLG, background: token.colorBgLayout }}>
        <main style={{ width: '100%', maxWidth }}>
          <Card
            variant="borderless"
            title={
              <Typography.Title level={1} style={{ margin: 0, fontSize: token.fontSizeHeading4 }}>
                {title}
              </Typography.Title>
            }
            extra={<LanguageSwitch />}
          >
            <Alert type="info" showIcon title={notice} style={{ marginBottom: token.marginLG }} />
            {children}
            <Button
              type="link"
              style={{ paddingInline: 0, marginTop: token.marginSM }}
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
