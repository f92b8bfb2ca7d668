import { defineModule } from '../module';
import { selfRoutes } from './self.routes';

/**
 * A resident's own pages (我的信息, 我的家庭, 选举): read through the registry's and the elections' services,
 * scoped to the account's self scope (server/lib/scope.ts SelfScope). No tables: an objection is the elections module's row.
 */
export const selfModule = defineModule({
  name: 'self',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./self.fixtures'),
  tables: [],
  routes: (app, { services }) => app.register(selfRoutes, { residents: services.residents, elections: services.elections }),
});
