import { defineModule } from '../module';
import { organisationsRoutes } from './organisations.routes';
import { organisationHonours, organisationMembers, organisations } from './organisations.table';
import { seedOrganisations } from './organisations.seed';

/** Organisations of communities (党组织、居委会、队伍、驻区单位 …) with members and honours. */
export const organisationsModule = defineModule({
  name: 'organisations',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./organisations.fixtures'),
  // Members are residents of their community.
  seed: { run: (database, options) => seedOrganisations(database, options.seed), after: ['residents'] },
  tables: [organisations, organisationMembers, organisationHonours],
  // An organisation belongs to a community as a whole; moving a grid away does not move it.
  scopeKeys: { organisations: 'reference', organisation_members: 'reference', organisation_honours: 'reference' },
  auditActions: {
    'organisations.create': { zh: '新建社区组织', en: 'Create an organisation' },
    'organisations.update': { zh: '修改社区组织', en: 'Change an organisation' },
    'organisations.delete': { zh: '删除社区组织', en: 'Delete an organisation' },
    'organisations.member.add': { zh: '添加组织成员', en: 'Add a member' },
    'organisations.member.end': { zh: '结束组织成员身份', en: 'End a membership' },
    'organisations.honour.add': { zh: '登记组织荣誉', en: 'Record an honour' },
    'organisations.export': { zh: '导出社区组织', en: 'Export organisations' },
  },
  auditObjects: { organisation: { label: { zh: '社区组织', en: 'Organisation' } } },
  routes: (app, { services }) => app.register(organisationsRoutes, { organisations: services.organisations }),
});
