import { defineModule } from '../module';
import { regionsRoutes } from './regions.routes';
import { regionChanges, regions } from './regions.table';

/** The region tree: city → street → community → grid, with boundaries. */
export const regionsModule = defineModule({
  name: 'regions',
  tables: [regions, regionChanges],
  // A region's parent moves with it (re-division rewrites it); the change log is history.
  scopeKeys: { regions: 'reference', region_changes: 'history' },
  routes: (app, { services }) => app.register(regionsRoutes, { regions: services.regions }),
});
