import type { Feature } from '../../lib/feature';
import type { RouteObject } from 'react-router-dom';

/** The dashboard (工作台), home of every signed-in user. */
export const dashboardRoutes: RouteObject[] = [{ index: true, lazy: async () => ({ Component: (await import('./components/DashboardPage')).DashboardPage }) }];

/** The dashboard feature: its pages and menu entries (listed in features/index.ts). */
export const dashboardFeature: Feature = { name: 'dashboard', routes: dashboardRoutes, menu: [{ key: '/', label: 'menu.dashboard', order: 0 }] };
