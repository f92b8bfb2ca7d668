import type { Feature } from '../../lib/feature';
import type { RouteHandle } from '../../lib/routing';
import type { RouteObject } from 'react-router-dom';
import { dashboardMessages } from './messages';

/** The 工作台, home of every signed-in user, and a resident's 我的信息 and 我的选举. */
export const dashboardRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./components/WorkbenchPage')).WorkbenchPage }) },
  {
    path: 'me',
    handle: { permission: 'self.read' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/MyDetailsPage')).MyDetailsPage }),
  },
  {
    path: 'me/elections',
    handle: { permission: 'self.read' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/MyElectionsPage')).MyElectionsPage }),
  },
];

/** The dashboard feature: its pages and menu entries (listed in features/index.ts). */
export const dashboardFeature: Feature = {
  name: 'dashboard',
  routes: dashboardRoutes,
  messages: dashboardMessages,
  menu: [
    { key: '/', label: 'menu.dashboard', order: 0 },
    { key: '/me', label: 'menu.me', permission: 'self.read', order: 1 },
    { key: '/me/elections', label: 'menu.myElections', permission: 'self.read', order: 3 },
  ],
};
