import { defineModule } from '../module';
import { alertsRoutes } from './alerts.routes';
import { auditRoutes } from './audit.routes';
import { auditAnchors, auditLog } from './audit.table';

/** The append-only, hash-chained audit log. */
export const auditModule = defineModule({
  name: 'audit',
  tables: [auditLog, auditAnchors],
  scopeKeys: { audit_log: 'history' },
  routes: async (app, { services }) => {
    await app.register(auditRoutes, { audit: services.audit });
    // The security administrator's alerts are audit entries too.
    await app.register(alertsRoutes, { audit: services.audit });
  },
});
