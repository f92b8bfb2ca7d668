import type { RouteObject } from 'react-router-dom';
import type { Feature } from '../../lib/feature';
import type { RouteHandle } from '../../lib/routing';
import { organisationsMessages } from './messages';

/** 社区组织: the list (with counts per community) and one organisation's page. */
export const organisationsRoutes: RouteObject[] = [
  {
    path: 'organisations',
    handle: { permission: 'orgs.read' } satisfies RouteHandle,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/OrganisationsPage')).OrganisationsPage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./components/OrganisationDetailPage')).OrganisationDetailPage }) },
    ],
  },
];

/** The organisations feature: its pages and menu entry (listed in features/index.ts). */
export const organisationsFeature: Feature = {
  name: 'organisations',
  routes: organisationsRoutes,
  messages: organisationsMessages,
  menu: [{ key: '/organisations', label: 'menu.organisations', permission: 'orgs.read', group: 'organisation', order: 10 }],
};
