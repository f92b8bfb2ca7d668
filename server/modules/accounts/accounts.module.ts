import { defineModule } from '../module';
import { accountsRoutes } from './accounts.routes';
import { passwordHistory, userGrants, users } from './accounts.table';

/** Accounts and their grants (role, region, domain). */
export const accountsModule = defineModule({
  name: 'accounts',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./accounts.fixtures'),
  tables: [users, userGrants, passwordHistory],
  // A grant names a region; the region keeps its id when it moves.
  scopeKeys: { user_grants: 'reference' },
  routes: (app, { services }) => app.register(accountsRoutes, { accounts: services.accounts }),
  auditActions: {
    'accounts.bootstrap': { zh: '创建初始管理员', en: 'Create the first administrator' },
    'accounts.create': { zh: '新建账户', en: 'Create an account' },
    'accounts.update': { zh: '修改账户', en: 'Change an account' },
    'accounts.reset_password': { zh: '重置密码', en: 'Reset a password' },
    'accounts.reset_totp': { zh: '重置动态口令', en: 'Reset the second factor' },
    'accounts.unlock': { zh: '解除锁定', en: 'Unlock an account' },
    'accounts.grant.approve': { zh: '批准授权', en: 'Approve a grant' },
    'accounts.grant.reject': { zh: '驳回授权', en: 'Reject a grant' },
  },
  auditObjects: {
    user: { label: { zh: '账户', en: 'Account' }, names: (services, ids) => services.accounts.auditNames(ids) },
  },
});
