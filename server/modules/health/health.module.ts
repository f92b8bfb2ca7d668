import { defineModule } from '../module';
import { healthRoutes } from './health.routes';

/** Liveness and database check for load balancers. */
export const healthModule = defineModule({
  name: 'health',
  tables: [],
  routes: (app, { database }) => app.register(healthRoutes, { database }),
});
