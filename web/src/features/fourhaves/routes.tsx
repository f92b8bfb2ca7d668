import type { RouteObject } from 'react-router-dom';
import type { Feature } from '../../lib/feature';
import type { RouteHandle } from '../../lib/routing';
import { fourHavesMessages } from './messages';

/** 四有: the status table, a community's drill-down, the funding ledger and the award preview. */
export const fourHavesRoutes: RouteObject[] = [
  {
    path: 'four-haves',
    handle: { permission: 'fourhaves.read' } satisfies RouteHandle,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/FourHavesPage')).FourHavesPage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./components/CommunityFourHavesPage')).CommunityFourHavesPage }) },
    ],
  },
  {
    path: 'four-haves/standards',
    handle: { permission: 'fourhaves.read' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/StandardsPage')).StandardsPage }),
  },
  {
    path: 'four-haves/funding',
    handle: { permission: 'fourhaves.read' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/FundingPage')).FundingPage }),
  },
  {
    path: 'four-haves/awards',
    handle: { permission: 'fourhaves.read' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('./components/AwardPreviewPage')).AwardPreviewPage }),
  },
];

/** The four-haves feature: its pages and menu entries (listed in features/index.ts). */
export const fourHavesFeature: Feature = {
  name: 'fourhaves',
  routes: fourHavesRoutes,
  messages: fourHavesMessages,
  menu: [
    { key: '/four-haves', label: 'menu.fourHavesStatus', permission: 'fourhaves.read', group: 'fourHaves', order: 10 },
    { key: '/four-haves/funding', label: 'menu.funding', permission: 'fourhaves.read', group: 'fourHaves', order: 20 },
    { key: '/four-haves/awards', label: 'menu.awards', permission: 'fourhaves.read', group: 'fourHaves', order: 30 },
    // The city edits the standards here; others open them from the 四有 page.
    { key: '/four-haves/standards', label: 'menu.fourHavesStandards', permission: 'fourhaves.settings', group: 'fourHaves', order: 40 },
  ],
};
