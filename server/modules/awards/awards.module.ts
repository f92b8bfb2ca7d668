import { defineModule } from '../module';
import { awardsRoutes } from './awards.routes';
import { awardAllocations, awardPayments, awardRounds, awardScores } from './awards.table';
import { seedAwards } from './awards.seed';

/** 以奖代补 as a recorded process: rounds, inspection scores, approval, payments. */
export const awardsModule = defineModule({
  name: 'awards',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./awards.fixtures'),
  // Last year's award payments name the reward entries of the four haves' funding ledger.
  seed: { run: (database) => seedAwards(database), after: ['fourhaves', 'projects'] },
  tables: [awardRounds, awardScores, awardAllocations, awardPayments],
  // Scores, frozen amounts and payments belong to a whole community as it stood in that year.
  scopeKeys: { award_scores: 'history', award_allocations: 'history', award_payments: 'history' },
  auditActions: {
    'awards.round.create': { zh: '新建以奖代补方案', en: 'Open an award round' },
    'awards.round.update': { zh: '修改以奖代补方案', en: 'Change an award round' },
    'awards.score.set': { zh: '录入以奖代补考评得分', en: 'Enter an award score' },
    'awards.round.approve': { zh: '审批以奖代补方案', en: 'Approve an award round' },
    'awards.payment.create': { zh: '登记以奖代补拨付', en: 'Record an award payment' },
  },
  auditObjects: { award_round: { label: { zh: '以奖代补方案', en: 'Award round' }, names: (services, ids) => services.awards.auditNames(ids) } },
  routes: (app, { services }) => app.register(awardsRoutes, { awards: services.awards }),
  workbench: (services, ctx, today) => services.awards.workbench(ctx, today),
});
