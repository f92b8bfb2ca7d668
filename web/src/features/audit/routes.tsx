import type { Feature } from '../../lib/feature';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../lib/routing';
import { auditMessages } from './messages';

/** The audit log (审计日志). */
export const auditRoutes: RouteObject[] = [
  {
    path: 'audit',
    handle: { permission: 'audit.read' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/AuditPage')).AuditPage }),
  },
];

/** The audit feature: its pages and menu entries (listed in features/index.ts). */
export const auditFeature: Feature = {
  name: 'audit',
  routes: auditRoutes,
  menu: [{ key: '/audit', label: 'menu.audit', permission: 'audit.read', order: 100 }],
  messages: auditMessages,
};
