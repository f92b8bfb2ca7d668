import { Button, Result } from 'antd';
import { useNavigate, useRouteError } from 'react-router-dom';
import { isApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

function HomeButton() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.backHome')}
    </Button>
  );
}

/** 403: the user lacks the permission the page needs. */
export function ForbiddenPage() {
  const { t } = useI18n();
  return <Result status="403" title={t('error.forbidden.title')} subTitle={t('error.forbidden.desc')} extra={<HomeButton />} />;
}

/** 404: no page at this address. */
export function NotFoundPage() {
  const { t } = useI18n();
  return <Result status="404" title={t('error.notFound.title')} subTitle={t('error.notFound.desc')} extra={<HomeButton />} />;
}

/** The session ran out (idle or absolute limit): the server answered AUTH_SESSION_EXPIRED. */
export function SessionExpiredPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="warning"
      title={t('error.expired.title')}
      subTitle={t('error.expired.desc')}
      extra={
        <Button type="primary" autoFocus onClick={() => navigate('/login')}>
          {t('error.expired.action')}
        </Button>
      }
    />
  );
}

/** A page that failed while rendering or loading its code: the menu stays, the page offers a reload. */
export function RouteErrorPage() {
  const { t } = useI18n();
  const error = useRouteError();
  // The details go to the console for a developer; the user gets a sentence and a way out.
  console.error(error);
  return (
    <Result
      status="error"
      title={t('error.page.title')}
      subTitle={t('error.page.desc')}
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('error.page.reload')}
        </Button>,
        <HomeButton key="home" />,
      ]}
    />
  );
}

/**
 * A detail page whose record did not load: not found (404, or 400 for an address that is no id) with the
 * page's own wording, or the server's message; either way a button back to the list.
 */
export function LoadFailed({ error, notFoundTitle, backTo, backLabel }: { error: Error; notFoundTitle: string; backTo: string; backLabel: string }) {
  const navigate = useNavigate();
  const notFound = isApiError(error) && (error.status === 404 || error.status === 400);
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? notFoundTitle : error.message}
      extra={
        <Button type="primary" onClick={() => navigate(backTo)}>
          {backLabel}
        </Button>
      }
    />
  );
}
