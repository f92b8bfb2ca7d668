import { defineModule } from '../module';
import { buildingsRoutes } from './buildings.routes';
import { buildings } from './buildings.table';

/** Buildings of a grid, with their households. */
export const buildingsModule = defineModule({
  name: 'buildings',
  tables: [buildings],
  scopeKeys: { buildings: 'rekeyed' },
  routes: (app, { services }) => app.register(buildingsRoutes, { buildings: services.buildings }),
});
