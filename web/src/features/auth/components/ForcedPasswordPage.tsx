import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../hooks/use-session';
import { ChangePasswordForm } from './ChangePasswordForm';
import { GatePage } from './GatePage';

/** A user whose password was set by someone else (new account, reset) chooses their own before anything else. */
export function ForcedPasswordPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  return (
    <GatePage title={t('password.title')} notice={t('password.mustChange')} maxWidth={440}>
      <ChangePasswordForm username={user.username} onDone={() => navigate('/', { replace: true })} />
    </GatePage>
  );
}
