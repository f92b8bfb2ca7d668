import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../lib/routing';

/** The audit log (审计日志). */
export const auditRoutes: RouteObject[] = [
  {
    path: 'audit',
    handle: { permission: 'audit.read' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/AuditPage')).AuditPage }),
  },
];
