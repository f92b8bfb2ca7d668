import { defineModule } from '../module';
import { electionsRoutes } from './elections.routes';
import { electionCandidates, elections, electionTallies, electionVoters } from './elections.table';

/** Residents' committee elections: timeline, roll, candidates, counts, result, announcement. */
export const electionsModule = defineModule({
  name: 'elections',
  tables: [elections, electionVoters, electionCandidates, electionTallies],
  // An election is a record of the community it was held in; a re-division does not move it.
  scopeKeys: { elections: 'history', election_voters: 'history', election_candidates: 'history', election_tallies: 'history' },
  routes: (app, { services }) => app.register(electionsRoutes, { elections: services.elections }),
  workbench: (services, ctx, today) => services.elections.workbench(ctx.actor!, today),
});
