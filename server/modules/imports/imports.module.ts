import { defineModule } from '../module';
import { importsRoutes } from './imports.routes';
import { importJobs } from './imports.table';

/** Excel and CSV import of residents, with its jobs and reports. */
export const importsModule = defineModule({
  name: 'imports',
  tables: [importJobs],
  // A job belongs to the community named at upload, as it was then.
  scopeKeys: { import_jobs: 'history' },
  routes: (app, { services, config }) => app.register(importsRoutes, { imports: services.imports, maxBytes: config.upload.maxBytes }),
});
