import { Alert, Button, Flex } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin';
import { useMe } from '../features/auth/api/get-me';
import { isApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

/**
 * Lets signed-in users through; sends others to sign in, users who must change their password to do so
 * first, and administrators without a second factor to set one up.
 */
export function RequireAuth() {
  const { t } = useI18n();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    // The fetch client already moves an expired session to its page.
    if (isApiError(me.error, 'AUTH_SESSION_EXPIRED')) return <FullPageSpin />;
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed')}
          description={me.error.message}
          action={
            <Button type="primary" onClick={() => void me.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      </Flex>
    );
  }
  if (!me.data) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  // First a password of one's own, then (administrators) the second factor, then the app.
  const { mustChangePassword, totpSetupRequired } = me.data.user;
  const gate = mustChangePassword ? '/change-password' : totpSetupRequired ? '/totp-setup' : null;
  if (gate && location.pathname !== gate) return <Navigate to={gate} replace />;
  if (!gate && (location.pathname === '/change-password' || location.pathname === '/totp-setup')) return <Navigate to="/" replace />;
  return <Outlet />;
}
