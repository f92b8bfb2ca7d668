import { defineModule } from '../module';
import { WorkbenchRepository } from './workbench.repository';
import { workbenchRoutes } from './workbench.routes';
import { WorkbenchService } from './workbench.service';

/** The 工作台: a frame fed by every module's `workbench` hook, plus recent records and shortcuts. No tables. */
export const workbenchModule = defineModule({
  name: 'workbench',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./workbench.fixtures'),
  tables: [],
  routes: async (app, { services, database }) => {
    // Imported when the routes are registered: the list of modules includes this one.
    const { MODULES } = await import('../index');
    return app.register(workbenchRoutes, { workbench: new WorkbenchService(new WorkbenchRepository(database.db), services, MODULES) });
  },
});
