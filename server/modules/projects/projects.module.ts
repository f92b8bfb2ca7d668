import { defineModule } from '../module';
import { projectsRoutes } from './projects.routes';
import { projectMilestones, projects } from './projects.table';
import { seedProjects } from './projects.seed';

/** Construction and renovation projects of community premises (建设项目): budget, milestones, progress, funding gap. */
export const projectsModule = defineModule({
  name: 'projects',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./projects.fixtures'),
  // Construction projects link to the premises, and their money goes on the same ledger.
  seed: { run: (database) => seedProjects(database), after: ['fourhaves'] },
  tables: [projects, projectMilestones],
  // A project belongs to a whole community, which a re-division (moving grids and buildings) never changes.
  scopeKeys: { projects: 'reference', project_milestones: 'reference' },
  auditActions: {
    'projects.create': { zh: '登记建设项目', en: 'Register a construction project' },
    'projects.update': { zh: '修改建设项目', en: 'Change a construction project' },
    'projects.state': { zh: '变更建设项目状态', en: 'Change a construction project’s state' },
    'projects.delete': { zh: '删除建设项目', en: 'Delete a construction project' },
    'projects.milestone_add': { zh: '添加项目节点', en: 'Add a project milestone' },
    'projects.milestone_done': { zh: '项目节点完成', en: 'Complete a project milestone' },
  },
  auditObjects: {
    project: { label: { zh: '建设项目', en: 'Construction project' } },
  },
  routes: (app, { services }) => app.register(projectsRoutes, { projects: services.projects }),
  workbench: (services, ctx, today) => services.projects.workbench(ctx, today),
});
