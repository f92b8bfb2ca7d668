import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../lib/routing';

/** 统计报表: totals, pyramid and map of the region chosen in the header. */
export const statisticsRoutes: RouteObject[] = [
  {
    path: 'statistics',
    handle: { permission: 'stats.read' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/StatisticsPage')).StatisticsPage }),
  },
];
