import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../lib/routing';

/** Account administration (账户管理). */
export const accountsRoutes: RouteObject[] = [
  {
    path: 'accounts',
    handle: { permission: 'accounts.manage' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/AccountsPage')).AccountsPage }),
  },
  {
    path: 'grant-approvals',
    handle: { permission: 'accounts.approve' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/GrantApprovalsPage')).GrantApprovalsPage }),
  },
];
