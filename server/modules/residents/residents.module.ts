import { defineModule } from '../module';
import { residentsRoutes } from './residents.routes';
import { residentMoves, residentNameKeys, residents } from './residents.table';

/** The population register: residents, their moves and the name search index. */
export const residentsModule = defineModule({
  name: 'residents',
  tables: [residents, residentMoves, residentNameKeys],
  scopeKeys: { residents: 'rekeyed', resident_moves: 'history', resident_name_keys: 'derived' },
  workbench: (services, ctx) => services.residents.workbench(ctx.actor!),
  routes: (app, { services, config }) => app.register(residentsRoutes, { residents: services.residents, searchRateLimit: config.searchRateLimit }),
});
