import type { RouteObject } from 'react-router-dom';
import type { Feature } from '../../lib/feature';
import type { RouteHandle } from '../../lib/routing';
import { electionsMessages } from './messages';

/** 换届选举: the list, one election's page (timeline, roll, candidates, count) and its printable announcement. */
export const electionsRoutes: RouteObject[] = [
  {
    path: 'elections',
    handle: { permission: 'elections.read' } satisfies RouteHandle,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/ElectionsPage')).ElectionsPage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./components/ElectionDetailPage')).ElectionDetailPage }) },
      { path: ':id/announcement', lazy: async () => ({ Component: (await import('./components/AnnouncementPage')).AnnouncementPage }) },
    ],
  },
];

/** The elections feature: its pages and menu entry (listed in features/index.ts). */
export const electionsFeature: Feature = {
  name: 'elections',
  routes: electionsRoutes,
  messages: electionsMessages,
  menu: [{ key: '/elections', label: 'menu.elections', permission: 'elections.read', order: 40 }],
};
