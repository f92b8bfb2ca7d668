import type { Feature } from '../../lib/feature';
import { statisticsMessages } from './messages';
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

/** The statistics feature: its pages and menu entries (listed in features/index.ts). */
export const statisticsFeature: Feature = {
  name: 'statistics',
  routes: statisticsRoutes,
  messages: statisticsMessages,
  menu: [{ key: '/statistics', label: 'menu.statistics', permission: 'stats.read', group: 'population', order: 40 }],
};
