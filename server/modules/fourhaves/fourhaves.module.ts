import { defineModule } from '../module';
import { fourHavesRoutes } from './fourhaves.routes';
import { communityRules, communityStaffing, fourHavesSettings, fundingEntries, housingProjects, premises, premisesFiles } from './fourhaves.table';
import { seedFourHaves } from './fourhaves.seed';

/** The four haves (四有): premises, funding, staffing and rules per community, their status, 以奖代补. */
export const fourHavesModule = defineModule({
  name: 'fourhaves',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./fourhaves.fixtures'),
  // Premises, rules, head-counts and the funding ledger of the speech's city.
  seed: { run: (database) => seedFourHaves(database), after: ['cadres'] },
  tables: [premises, premisesFiles, communityRules, communityStaffing, fundingEntries, fourHavesSettings, housingProjects],
  // Rows belong to a whole community, which a re-division (moving grids and buildings) never changes.
  scopeKeys: {
    premises: 'reference',
    premises_files: 'reference',
    community_rules: 'reference',
    community_staffing: 'reference',
    funding_entries: 'history',
    housing_projects: 'reference',
  },
  auditActions: {
    'fourhaves.standards': { zh: '修改四有标准', en: 'Change the four-haves standards' },
    'premises.create': { zh: '登记办公服务用房', en: 'Record premises' },
    'premises.update': { zh: '修改办公服务用房', en: 'Change premises' },
    'premises.file_upload': { zh: '上传用房照片或文件', en: 'Upload a photo or document of premises' },
    'premises.file_delete': { zh: '删除用房照片或文件', en: 'Delete a photo or document of premises' },
    'premises.hand_over': { zh: '用房移交', en: 'Hand over premises' },
    'housing_projects.create': { zh: '登记配建项目', en: 'Record a housing project' },
    'housing_projects.update': { zh: '修改配建项目', en: 'Change a housing project' },
    'rules.create': { zh: '登记社区制度', en: 'Record a community rule' },
    'staffing.set': { zh: '登记社区人员配备', en: 'Record staffing' },
    'funding.create': { zh: '登记经费收支', en: 'Record a funding entry' },
  },
  auditObjects: {
    premises: { label: { zh: '用房', en: 'Premises' } },
    premises_file: { label: { zh: '用房照片或文件', en: 'Photo or document of premises' } },
    housing_project: { label: { zh: '配建项目', en: 'Housing project' } },
    community_rule: { label: { zh: '社区制度', en: 'Community rule' } },
    community: { label: { zh: '社区', en: 'Community' } },
    funding_entry: { label: { zh: '经费条目', en: 'Funding entry' } },
  },
  routes: (app, { services, config }) => app.register(fourHavesRoutes, { fourHaves: services.fourHaves, maxFileBytes: config.premisesFileMaxBytes }),
  workbench: (services, ctx, today) => services.fourHaves.workbench(ctx, today),
});
