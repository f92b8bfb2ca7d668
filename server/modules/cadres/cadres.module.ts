import { defineModule } from '../module';
import { cadresRoutes } from './cadres.routes';
import { cadreSettings, cadreTrainings, cadres } from './cadres.table';

/** Community cadres (社区干部队伍): profiles, training, insurance, staffing against the standard. */
export const cadresModule = defineModule({
  name: 'cadres',
  tables: [cadres, cadreTrainings, cadreSettings],
  // A cadre serves a community as a whole; moving a grid away does not move them.
  scopeKeys: { cadres: 'reference', cadre_trainings: 'reference' },
  auditActions: {
    'cadres.settings': { zh: '修改干部配备标准', en: 'Change the staffing standard' },
    'cadres.create': { zh: '登记社区干部', en: 'Record a cadre' },
    'cadres.update': { zh: '修改社区干部', en: 'Change a cadre' },
    'cadres.leave': { zh: '社区干部离任', en: 'Record a cadre leaving' },
    'cadres.training': { zh: '登记干部培训', en: 'Record a training' },
  },
  auditObjects: {
    cadre: { label: { zh: '社区干部', en: 'Cadre' } },
    setting: { label: { zh: '设置', en: 'Setting' } },
  },
  routes: (app, { services }) => app.register(cadresRoutes, { cadres: services.cadres }),
  workbench: (services, ctx) => services.cadres.workbench(ctx),
});
