import type { Feature } from '../../lib/feature';
import { householdsMessages } from './messages';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../lib/routing';

/** 家庭户: the list and one household's page (members, move, split, merge). */
export const householdsRoutes: RouteObject[] = [
  {
    path: 'households',
    handle: { permission: 'households.read' } satisfies RouteHandle,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/HouseholdsPage')).HouseholdsPage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./components/HouseholdDetailPage')).HouseholdDetailPage }) },
      { path: ':id/card', lazy: async () => ({ Component: (await import('./components/HouseholdCardPage')).HouseholdCardPage }) },
    ],
  },
];

/** The households feature: its pages and menu entries (listed in features/index.ts). */
export const householdsFeature: Feature = {
  name: 'households',
  routes: householdsRoutes,
  messages: householdsMessages,
  menu: [{ key: '/households', label: 'menu.households', permission: 'households.read', group: 'population', order: 20 }],
};
