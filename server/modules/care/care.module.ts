import { defineModule } from '../module';
import { careRoutes } from './care.routes';
import { careRecords } from './care.table';

/** Care groups as dated records on a resident (elderly living alone, 低保, disability …). */
export const careModule = defineModule({
  name: 'care',
  tables: [careRecords],
  scopeKeys: { care_records: 'rekeyed' },
  workbench: (services, ctx, today) => services.care.workbench(ctx.actor!, today),
  routes: (app, { services }) => app.register(careRoutes, { residents: services.residents, care: services.care }),
});
