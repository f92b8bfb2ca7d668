import { defineModule } from '../module';
import { redivisionRoutes } from './redivision.routes';
import { regionChanges } from './redivision.table';

/** Moving a grid or a building to another community, re-keying the rows under it. */
export const redivisionModule = defineModule({
  name: 'redivision',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./redivision.fixtures'),
  tables: [regionChanges],
  // The change log is history: a move is recorded as it was.
  scopeKeys: { region_changes: 'history' },
  auditActions: {
    'redivision.move_grid': { zh: '网格划转', en: 'Move a grid to another community' },
    'redivision.move_building': { zh: '楼栋划转', en: 'Move a building to another grid' },
  },
  routes: (app, { services }) => app.register(redivisionRoutes, { redivision: services.redivision }),
});
