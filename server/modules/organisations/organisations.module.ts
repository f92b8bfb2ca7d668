import { defineModule } from '../module';
import { organisationsRoutes } from './organisations.routes';
import { organisationHonours, organisationMembers, organisations } from './organisations.table';

/** Organisations of communities (党组织、居委会、队伍、驻区单位 …) with members and honours. */
export const organisationsModule = defineModule({
  name: 'organisations',
  tables: [organisations, organisationMembers, organisationHonours],
  // An organisation belongs to a community as a whole; moving a grid away does not move it.
  scopeKeys: { organisations: 'reference', organisation_members: 'reference', organisation_honours: 'reference' },
  routes: (app, { services }) => app.register(organisationsRoutes, { organisations: services.organisations }),
});
