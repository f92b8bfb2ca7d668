import type { Feature } from '../../lib/feature';
import { buildingsMessages } from './messages';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../lib/routing';

/** 楼栋: the list and one building's page with its households. */
export const buildingsRoutes: RouteObject[] = [
  {
    path: 'buildings',
    handle: { permission: 'buildings.read' } satisfies RouteHandle,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/BuildingsPage')).BuildingsPage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./components/BuildingDetailPage')).BuildingDetailPage }) },
      { path: ':id/sheet', lazy: async () => ({ Component: (await import('./components/BuildingSheetPage')).BuildingSheetPage }) },
    ],
  },
];

/** The buildings feature: its pages and menu entries (listed in features/index.ts). */
export const buildingsFeature: Feature = {
  name: 'buildings',
  routes: buildingsRoutes,
  messages: buildingsMessages,
  menu: [{ key: '/buildings', label: 'menu.buildings', permission: 'buildings.read', group: 'population', order: 30 }],
};
