import { defineModule } from '../module';
import { securityRoutes } from './security.routes';
import { securitySettings } from './security.table';

/** The security administrator's settings (password, lockout, sessions, second factor), locks and sessions. */
export const securityModule = defineModule({
  name: 'security',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./security.fixtures'),
  tables: [securitySettings],
  routes: (app, { services }) => app.register(securityRoutes, { settings: services.securitySettings, auth: services.auth, accounts: services.accounts }),
  auditActions: {
    'security.settings.update': { zh: '修改安全设置', en: 'Change the security settings' },
  },
  auditObjects: { security_settings: { label: { zh: '安全设置', en: 'Security settings' } } },
});
