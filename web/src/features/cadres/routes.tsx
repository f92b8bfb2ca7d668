import type { RouteObject } from 'react-router-dom';
import type { Feature } from '../../lib/feature';
import type { RouteHandle } from '../../lib/routing';
import { cadresMessages } from './messages';

/** 社区干部: the register, staffing and profile charts, training reminders, recruitment, one cadre's page. */
export const cadresRoutes: RouteObject[] = [
  {
    path: 'cadres',
    handle: { permission: 'cadres.read' } satisfies RouteHandle,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/CadresPage')).CadresPage }) },
      { path: 'staffing', lazy: async () => ({ Component: (await import('./components/StaffingPage')).StaffingPage }) },
      { path: 'training', lazy: async () => ({ Component: (await import('./components/TrainingDuePage')).TrainingDuePage }) },
      { path: 'recruitment', lazy: async () => ({ Component: (await import('./components/RecruitmentPage')).RecruitmentPage }) },
      { path: 'recruitment/:id', lazy: async () => ({ Component: (await import('./components/PostingPage')).PostingPage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./components/CadreDetailPage')).CadreDetailPage }) },
    ],
  },
];

/** The cadres feature: its pages and menu entry (listed in features/index.ts). */
export const cadresFeature: Feature = {
  name: 'cadres',
  routes: cadresRoutes,
  messages: cadresMessages,
  menu: [{ key: '/cadres', label: 'menu.cadres', permission: 'cadres.read', group: 'organisation', order: 20 }],
};
