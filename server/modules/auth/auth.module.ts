import { defineModule } from '../module';
import { authRoutes } from './auth.routes';
import { sessions } from './sessions.table';

/** Sign-in, sessions, password change and the second factor. */
export const authModule = defineModule({
  name: 'auth',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./auth.fixtures'),
  tables: [sessions],
  routes: (app, { services, config }) => app.register(authRoutes, { auth: services.auth, config }),
  auditActions: {
    'auth.login': { zh: '登录', en: 'Sign in' },
    'auth.logout': { zh: '退出登录', en: 'Sign out' },
    'auth.lockout': { zh: '账户被锁定', en: 'Account locked' },
    'auth.password.change': { zh: '修改本人密码', en: 'Change own password' },
    'auth.totp.setup': { zh: '设置动态口令', en: 'Set up the second factor' },
    'auth.totp.enable': { zh: '启用动态口令', en: 'Enable the second factor' },
    'auth.session.end': { zh: '结束会话', en: 'End a session' },
  },
});
