import { defineModule } from '../module';
import { healthRoutes } from './health.routes';

/** Liveness and database check for load balancers. */
export const healthModule = defineModule({
  name: 'health',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./health.fixtures'),
  tables: [],
  routes: (app, { database }) => app.register(healthRoutes, { database }),
});
