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
