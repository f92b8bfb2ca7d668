import { defineModule } from '../module';
import { statisticsRoutes } from './statistics.routes';

/** Counts, pyramid and map computed from the register. */
export const statisticsModule = defineModule({
  name: 'statistics',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./statistics.fixtures'),
  tables: [],
  routes: (app, { services }) => app.register(statisticsRoutes, { statistics: services.statistics }),
});
