import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../lib/routing';

/** 数据导入: upload residents from .xlsx/.csv and read the result. */
export const importsRoutes: RouteObject[] = [
  {
    path: 'imports',
    handle: { permission: 'residents.import' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/ImportsPage')).ImportsPage }),
  },
];
