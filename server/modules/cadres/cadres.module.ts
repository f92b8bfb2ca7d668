import { defineModule } from '../module';
import { cadresRoutes } from './cadres.routes';
import { cadreApplications, cadrePostingObjections, cadrePostings, cadreSettings, cadreTrainings, cadres } from './cadres.table';
import { recruitmentRoutes } from './recruitment.routes';
import { seedCadres, seedRecruitment } from './cadres.seed';

/** Community cadres (社区干部队伍): profiles, training, insurance, staffing against the standard, recruitment. */
export const cadresModule = defineModule({
  name: 'cadres',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./cadres.fixtures'),
  // Elected cadres are residents of their community; 城东's recruitment is three days into its notice.
  seed: {
    run: async (database, options) => {
      await seedCadres(database, options.seed);
      await seedRecruitment(database, options.seed, options.crypto);
    },
    after: ['residents', 'organisations'],
  },
  tables: [cadres, cadreTrainings, cadreSettings, cadrePostings, cadreApplications, cadrePostingObjections],
  // A cadre serves a community as a whole; moving a grid away does not move them.
  scopeKeys: {
    cadres: 'reference',
    cadre_trainings: 'reference',
    cadre_postings: 'reference',
    cadre_applications: 'reference',
    cadre_posting_objections: 'reference',
  },
  auditActions: {
    'cadres.settings': { zh: '修改干部配备标准', en: 'Change the staffing standard' },
    'cadres.create': { zh: '登记社区干部', en: 'Record a cadre' },
    'cadres.update': { zh: '修改社区干部', en: 'Change a cadre' },
    'cadres.leave': { zh: '社区干部离任', en: 'Record a cadre leaving' },
    'cadres.training': { zh: '登记干部培训', en: 'Record a training' },
    'cadres.posting.create': { zh: '发布招聘公告', en: 'Open a recruitment posting' },
    'cadres.posting.update': { zh: '修改招聘公告', en: 'Edit a recruitment posting' },
    'cadres.posting.withdraw': { zh: '撤回招聘公告', en: 'Withdraw a recruitment posting' },
    'cadres.application.create': { zh: '登记招聘报名', en: 'Record an application' },
    'cadres.eligibility.check': { zh: '招聘资格审查', en: 'Check applicants’ eligibility' },
    'cadres.eligibility.override': { zh: '人工认定报名资格', en: 'Override an eligibility check' },
    'cadres.scores': { zh: '登记招聘考试成绩', en: 'Enter recruitment scores' },
    'cadres.notice': { zh: '招聘结果公示', en: 'Put recruitment results on notice' },
    'cadres.objection.create': { zh: '登记公示期异议', en: 'Record an objection to a notice' },
    'cadres.objection.answer': { zh: '答复公示期异议', en: 'Answer an objection to a notice' },
    'cadres.appoint': { zh: '招聘聘任', en: 'Appoint a recruited applicant' },
    'cadres.candidate': { zh: '招聘人选提名为选举候选人', en: 'Enter an applicant into the election' },
  },
  auditObjects: {
    cadre: { label: { zh: '社区干部', en: 'Cadre' } },
    setting: { label: { zh: '设置', en: 'Setting' } },
    cadre_posting: { label: { zh: '招聘公告', en: 'Recruitment posting' }, names: (services, ids) => services.cadreRecruitment.auditNames(ids) },
  },
  routes: async (app, { services }) => {
    await app.register(cadresRoutes, { cadres: services.cadres });
    await app.register(recruitmentRoutes, { recruitment: services.cadreRecruitment });
  },
  workbench: async (services, ctx, today) => {
    const [team, recruitment] = await Promise.all([services.cadres.workbench(ctx), services.cadreRecruitment.workbench(ctx, today)]);
    const todos = [...(team.todos ?? []), ...(recruitment.todos ?? [])];
    return { ...(team.cards ? { cards: team.cards } : {}), ...(todos.length ? { todos } : {}) };
  },
});
