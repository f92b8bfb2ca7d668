import { defineModule } from '../module';
import { auditRoutes } from './audit.routes';
import { auditLog } from './audit.table';

/** The append-only, hash-chained audit log. */
export const auditModule = defineModule({
  name: 'audit',
  tables: [auditLog],
  scopeKeys: { audit_log: 'history' },
  routes: (app, { services }) => app.register(auditRoutes, { audit: services.audit }),
});
