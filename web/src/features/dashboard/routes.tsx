import type { RouteObject } from 'react-router-dom';

/** The dashboard (工作台), home of every signed-in user. */
export const dashboardRoutes: RouteObject[] = [{ index: true, lazy: async () => ({ Component: (await import('./components/DashboardPage')).DashboardPage }) }];
