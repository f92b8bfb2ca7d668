import { defineModule } from '../module';
import { buildingsRoutes } from './buildings.routes';
import { buildings } from './buildings.table';

/** Buildings of a grid, with their households. */
export const buildingsModule = defineModule({
  name: 'buildings',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./buildings.fixtures'),
  tables: [buildings],
  scopeKeys: { buildings: 'rekeyed' },
  auditActions: {
    'buildings.create': { zh: '新建楼栋', en: 'Create a building' },
    'buildings.update': { zh: '修改楼栋', en: 'Change a building' },
    'buildings.export': { zh: '导出楼栋', en: 'Export buildings' },
  },
  auditObjects: {
    building: { label: { zh: '楼栋', en: 'Building' }, names: (services, ids) => services.buildings.auditNames(ids) },
  },
  routes: (app, { services }) => app.register(buildingsRoutes, { buildings: services.buildings }),
});
