import type { Feature } from '../../lib/feature';
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

/** The accounts feature: its pages and menu entries (listed in features/index.ts). */
export const accountsFeature: Feature = {
  name: 'accounts',
  routes: accountsRoutes,
  menu: [
    { key: '/accounts', label: 'menu.accounts', permission: 'accounts.manage', order: 90 },
    { key: '/grant-approvals', label: 'menu.grantApprovals', permission: 'accounts.approve', order: 95 },
  ],
};
