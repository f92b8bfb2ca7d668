import type { Feature } from '../../lib/feature';
import { importsMessages } from './messages';
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

/** The imports feature: its pages and menu entries (listed in features/index.ts). */
export const importsFeature: Feature = {
  name: 'imports',
  routes: importsRoutes,
  messages: importsMessages,
  menu: [{ key: '/imports', label: 'menu.imports', permission: 'residents.import', group: 'population', order: 50 }],
};
