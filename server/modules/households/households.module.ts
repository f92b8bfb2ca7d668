import { defineModule } from '../module';
import { householdsRoutes } from './households.routes';
import { households } from './households.table';

/** Households: members, head, moves, split and merge. */
export const householdsModule = defineModule({
  name: 'households',
  tables: [households],
  scopeKeys: { households: 'rekeyed' },
  workbench: (services, ctx) => services.households.workbench(ctx.actor!),
  routes: (app, { services }) => app.register(householdsRoutes, { households: services.households }),
});
