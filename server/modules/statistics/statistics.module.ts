import { defineModule } from '../module';
import { statisticsRoutes } from './statistics.routes';

/** Counts, pyramid and map computed from the register. */
export const statisticsModule = defineModule({
  name: 'statistics',
  tables: [],
  routes: (app, { services }) => app.register(statisticsRoutes, { statistics: services.statistics }),
});
