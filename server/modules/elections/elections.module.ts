import { defineModule } from '../module';
import { electionsRoutes } from './elections.routes';
import { electionCandidates, electionObjections, electionRecalls, elections, electionTallies, electionVoters } from './elections.table';
import { actorOf } from '../../lib/context';
import { seedElections } from './elections.seed';

/** Residents' committee elections: timeline, roll, candidates, counts, result, announcement. */
export const electionsModule = defineModule({
  name: 'elections',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./elections.fixtures'),
  // Rolls and candidates are drawn from the registry.
  seed: { run: (database, options) => seedElections(database, options.seed), after: ['residents'] },
  tables: [elections, electionVoters, electionCandidates, electionTallies, electionObjections, electionRecalls],
  // An election is a record of the community it was held in; a re-division does not move it.
  scopeKeys: {
    elections: 'history',
    election_voters: 'history',
    election_candidates: 'history',
    election_tallies: 'history',
    election_objections: 'history',
    election_recalls: 'history',
  },
  auditActions: {
    'elections.create': { zh: '新建换届选举', en: 'Create an election' },
    'elections.roll.derive': { zh: '生成选民名单', en: 'Derive the voter roll' },
    'elections.voter.add': { zh: '补登选民', en: 'Add a voter' },
    'elections.voter.remove': { zh: '移出选民名单', en: 'Remove a voter' },
    'elections.voters.export': { zh: '导出选民名单', en: 'Export the voter roll' },
    'elections.candidate.nominate': { zh: '提名候选人', en: 'Nominate a candidate' },
    'elections.tally.enter': { zh: '录入计票结果', en: 'Enter a polling station count' },
    'elections.result.compute': { zh: '计算选举结果', en: 'Compute the result' },
    'elections.update': { zh: '修改换届选举', en: 'Edit an election' },
    'elections.withdraw': { zh: '撤销换届选举', en: 'Withdraw an election' },
    'elections.objection.file': { zh: '登记选民名单异议', en: 'File an objection to the voter roll' },
    'elections.objection.self': { zh: '居民本人提出选民名单异议', en: 'A resident objects to the voter roll' },
    'elections.objection.answer': { zh: '答复选民名单异议', en: 'Answer an objection to the voter roll' },
    'elections.recall.propose': { zh: '登记罢免提议', en: 'Record a recall proposal' },
    'elections.recall.result': { zh: '录入罢免投票结果', en: 'Record a recall vote' },
  },
  auditObjects: { election: { label: { zh: '换届选举', en: 'Election' } } },
  routes: (app, { services }) => app.register(electionsRoutes, { elections: services.elections }),
  workbench: (services, ctx, today) => services.elections.workbench(actorOf(ctx), today),
});
