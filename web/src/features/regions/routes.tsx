import type { Feature } from '../../lib/feature';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../lib/routing';

/** The region tree (区域). */
export const regionsRoutes: RouteObject[] = [
  {
    path: 'regions',
    handle: { permission: 'regions.read' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/RegionsPage')).RegionsPage }),
  },
];

/** The regions feature: its pages and menu entries (listed in features/index.ts). */
export const regionsFeature: Feature = {
  name: 'regions',
  routes: regionsRoutes,
  menu: [{ key: '/regions', label: 'menu.regions', permission: 'regions.read', order: 80 }],
};
