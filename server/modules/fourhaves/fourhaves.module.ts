import { defineModule } from '../module';
import { fourHavesRoutes } from './fourhaves.routes';
import { communityRules, communityStaffing, fourHavesSettings, fundingEntries, housingProjects, premises } from './fourhaves.table';

/** The four haves (四有): premises, funding, staffing and rules per community, their status, 以奖代补. */
export const fourHavesModule = defineModule({
  name: 'fourhaves',
  tables: [premises, communityRules, communityStaffing, fundingEntries, fourHavesSettings, housingProjects],
  // Rows belong to a whole community, which a re-division (moving grids and buildings) never changes.
  scopeKeys: {
    premises: 'reference',
    community_rules: 'reference',
    community_staffing: 'reference',
    funding_entries: 'history',
    housing_projects: 'reference',
  },
  routes: (app, { services }) => app.register(fourHavesRoutes, { fourHaves: services.fourHaves }),
  workbench: (services, ctx, today) => services.fourHaves.workbench(ctx, today),
});
