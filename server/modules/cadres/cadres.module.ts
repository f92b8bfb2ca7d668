import { defineModule } from '../module';
import { cadresRoutes } from './cadres.routes';
import { cadreSettings, cadreTrainings, cadres } from './cadres.table';

/** Community cadres (社区干部队伍): profiles, training, insurance, staffing against the standard. */
export const cadresModule = defineModule({
  name: 'cadres',
  tables: [cadres, cadreTrainings, cadreSettings],
  // A cadre serves a community as a whole; moving a grid away does not move them.
  scopeKeys: { cadres: 'reference', cadre_trainings: 'reference' },
  routes: (app, { services }) => app.register(cadresRoutes, { cadres: services.cadres }),
  workbench: (services, ctx) => services.cadres.workbench(ctx),
});
