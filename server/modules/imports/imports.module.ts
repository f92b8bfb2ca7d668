import { defineModule } from '../module';
import { importsRoutes } from './imports.routes';
import { importJobs, importMappings } from './imports.table';
import { actorOf } from '../../lib/context';

/** Excel and CSV import of residents, with its jobs and reports. */
export const importsModule = defineModule({
  name: 'imports',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./imports.fixtures'),
  tables: [importJobs, importMappings],
  // A job belongs to the community named at upload, as it was then.
  // A saved column mapping belongs to a community, which keeps its id whatever moves into or out of it.
  scopeKeys: { import_jobs: 'history', import_mappings: 'reference' },
  auditActions: {
    'residents.import': { zh: '导入居民', en: 'Import residents' },
    'residents.import.report': { zh: '下载导入错误报告', en: 'Download an import error report' },
  },
  auditObjects: { import_job: { label: { zh: '导入任务', en: 'Import job' } } },
  workbench: (services, ctx) => services.imports.workbench(actorOf(ctx)),
  routes: (app, { services, config }) => app.register(importsRoutes, { imports: services.imports, maxBytes: config.upload.maxBytes }),
});
