import type { Feature } from '../../lib/feature';
import { residentsMessages } from './messages';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../lib/routing';

/** 居民信息: the register and one resident's page. */
export const residentsRoutes: RouteObject[] = [
  {
    path: 'residents',
    handle: { permission: 'residents.read' } satisfies RouteHandle,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/ResidentsPage')).ResidentsPage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./components/ResidentDetailPage')).ResidentDetailPage }) },
    ],
  },
];

/** The residents feature: its pages and menu entries (listed in features/index.ts). */
export const residentsFeature: Feature = {
  name: 'residents',
  routes: residentsRoutes,
  messages: residentsMessages,
  menu: [{ key: '/residents', label: 'menu.residents', permission: 'residents.read', group: 'population', order: 10 }],
};
