import { defineModule } from '../module';
import { regionsRoutes } from './regions.routes';
import { regions } from './regions.table';

/** The region tree: city → street → community → grid, with boundaries. */
export const regionsModule = defineModule({
  name: 'regions',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./regions.fixtures'),
  tables: [regions],
  // A region's parent moves with it (re-division rewrites it).
  scopeKeys: { regions: 'reference' },
  auditActions: {
    'regions.create': { zh: '新建区域', en: 'Create a region' },
    'regions.update': { zh: '修改区域', en: 'Change a region' },
  },
  auditObjects: {
    region: { label: { zh: '区域', en: 'Region' }, names: (services, ids) => services.regions.auditNames(ids) },
    grid: { label: { zh: '网格', en: 'Grid' }, names: (services, ids) => services.regions.auditNames(ids) },
  },
  routes: (app, { services }) => app.register(regionsRoutes, { regions: services.regions }),
});
