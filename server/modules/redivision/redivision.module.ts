import { defineModule } from '../module';
import { redivisionRoutes } from './redivision.routes';

/** Moving a grid or a building to another community, re-keying the rows under it. */
export const redivisionModule = defineModule({
  name: 'redivision',
  tables: [],
  routes: (app, { services }) => app.register(redivisionRoutes, { redivision: services.redivision }),
});
