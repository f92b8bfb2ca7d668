import { defineModule } from '../module';
import { householdsRoutes } from './households.routes';
import { households } from './households.table';
import { actorOf } from '../../lib/context';

/** Households: members, head, moves, split and merge. */
export const householdsModule = defineModule({
  name: 'households',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./households.fixtures'),
  tables: [households],
  scopeKeys: { households: 'rekeyed' },
  auditActions: {
    'households.create': { zh: '新建家庭户', en: 'Create a household' },
    'households.update': { zh: '修改家庭户', en: 'Change a household' },
    'households.split': { zh: '分户', en: 'Split a household' },
    'households.merge': { zh: '合户', en: 'Merge households' },
    'households.move_member': { zh: '迁往他户', en: 'Move a member to another household' },
    'households.export': { zh: '导出家庭户', en: 'Export households' },
  },
  auditObjects: { household: { label: { zh: '家庭户', en: 'Household' } } },
  workbench: (services, ctx) => services.households.workbench(actorOf(ctx)),
  routes: (app, { services }) => app.register(householdsRoutes, { households: services.households }),
});
