import type { RouteObject } from 'react-router-dom';
import type { Feature } from '../../lib/feature';
import type { RouteHandle } from '../../lib/routing';
import { awardsMessages } from './messages';

/** 以奖代补 rounds: the list, one round's page (scores, amounts, approval, payments) and its print view. */
export const awardsRoutes: RouteObject[] = [
  {
    path: 'awards',
    handle: { permission: 'awards.read' } satisfies RouteHandle,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/AwardRoundsPage')).AwardRoundsPage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./components/AwardRoundPage')).AwardRoundPage }) },
      { path: ':id/print', lazy: async () => ({ Component: (await import('./components/AwardPrintPage')).AwardPrintPage }) },
    ],
  },
];

/** The awards feature: its pages and menu entry (listed in features/index.ts). */
export const awardsFeature: Feature = {
  name: 'awards',
  routes: awardsRoutes,
  messages: awardsMessages,
  menu: [{ key: '/awards', label: 'menu.awardRounds', permission: 'awards.read', group: 'fourHaves', order: 25 }],
};
