import { defineModule } from '../module';
import { selfRoutes } from './self.routes';

/** A resident's own pages (我的信息, 我的家庭): read through the registry's service, scoped to actor.residentId. No tables. */
export const selfModule = defineModule({
  name: 'self',
  tables: [],
  routes: (app, { services }) => app.register(selfRoutes, { residents: services.residents }),
});
