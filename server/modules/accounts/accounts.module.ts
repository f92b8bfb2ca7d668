import { defineModule } from '../module';
import { accountsRoutes } from './accounts.routes';
import { passwordHistory, userGrants, users } from './accounts.table';

/** Accounts and their grants (role, region, domain). */
export const accountsModule = defineModule({
  name: 'accounts',
  tables: [users, userGrants, passwordHistory],
  // A grant names a region; the region keeps its id when it moves.
  scopeKeys: { user_grants: 'reference' },
  routes: (app, { services }) => app.register(accountsRoutes, { accounts: services.accounts }),
});
