import { defineModule } from '../module';
import { careRoutes } from './care.routes';
import { careRecords } from './care.table';
import { actorOf } from '../../lib/context';

/** Care groups as dated records on a resident (elderly living alone, 低保, disability …). */
export const careModule = defineModule({
  name: 'care',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./care.fixtures'),
  tables: [careRecords],
  scopeKeys: { care_records: 'rekeyed' },
  auditActions: {
    'care.create': { zh: '登记关怀对象', en: 'Record a care group' },
    'care.update': { zh: '修改关怀记录', en: 'Change a care record' },
    'care.end': { zh: '结束关怀记录', en: 'End a care record' },
  },
  auditObjects: { care_record: { label: { zh: '关怀记录', en: 'Care record' } } },
  workbench: (services, ctx, today) => services.care.workbench(actorOf(ctx), today),
  routes: (app, { services }) => app.register(careRoutes, { residents: services.residents, care: services.care }),
});
