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
