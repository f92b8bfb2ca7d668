import { defineModule } from '../module';
import { alertsRoutes } from './alerts.routes';
import { auditCatalogue } from './audit.labels';
import { auditRoutes } from './audit.routes';
import { auditAnchors, auditLog } from './audit.table';

/** The append-only, hash-chained audit log. */
export const auditModule = defineModule({
  name: 'audit',
  // The authorization matrix's fixtures of its routes (test code, loaded only by the security suites).
  fixtures: () => import('./audit.fixtures'),
  tables: [auditLog, auditAnchors],
  scopeKeys: { audit_log: 'history' },
  auditActions: {
    'audit.verify': { zh: '校验审计链', en: 'Verify the audit chain' },
    'audit.purge': { zh: '清理过期审计记录', en: 'Purge expired audit entries' },
    'audit.export': { zh: '导出审计日志', en: 'Export the audit log' },
    // Written by the authorization and read-budget plugins, listed by the security administrator's alerts.
    'security.denied': { zh: '越权访问被拒绝', en: 'Access refused' },
    'security.alert': { zh: '安全告警', en: 'Security alert' },
  },
  auditObjects: {
    audit_log: { label: { zh: '审计日志', en: 'Audit log' } },
    route: { label: { zh: '接口', en: 'Route' } },
  },
  routes: async (app, { services, modules }) => {
    await app.register(auditRoutes, { audit: services.audit, services, catalogue: auditCatalogue(modules) });
    // The security administrator's alerts are audit entries too.
    await app.register(alertsRoutes, { audit: services.audit });
  },
});
