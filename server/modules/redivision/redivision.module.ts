import { defineModule } from '../module';
import { redivisionRoutes } from './redivision.routes';

/** Moving a grid or a building to another community, re-keying the rows under it. */
export const redivisionModule = defineModule({
  name: 'redivision',
  tables: [],
  auditActions: {
    'redivision.move_grid': { zh: '网格划转', en: 'Move a grid to another community' },
    'redivision.move_building': { zh: '楼栋划转', en: 'Move a building to another grid' },
  },
  routes: (app, { services }) => app.register(redivisionRoutes, { redivision: services.redivision }),
});
