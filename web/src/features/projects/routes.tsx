import type { RouteObject } from 'react-router-dom';
import type { Feature } from '../../lib/feature';
import type { RouteHandle } from '../../lib/routing';
import { projectsMessages } from './messages';

/** 用房建设项目: the list (with export) and one project's page. */
export const projectsRoutes: RouteObject[] = [
  {
    path: 'projects',
    handle: { permission: 'fourhaves.read' } satisfies RouteHandle,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/ProjectsPage')).ProjectsPage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./components/ProjectDetailPage')).ProjectDetailPage }) },
    ],
  },
];

/** The projects feature: its pages and menu entry in the 四有 group (listed in features/index.ts). */
export const projectsFeature: Feature = {
  name: 'projects',
  routes: projectsRoutes,
  messages: projectsMessages,
  menu: [{ key: '/projects', label: 'menu.projects', permission: 'fourhaves.read', group: 'fourHaves', order: 15 }],
};
