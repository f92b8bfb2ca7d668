import type { RouteObject } from 'react-router-dom';
import type { Feature } from '../../lib/feature';
import type { RouteHandle } from '../../lib/routing';
import { noticesMessages } from './messages';

/** 通知公告: the list and one notice's page (staff and residents alike; the server decides what reaches whom). */
export const noticesRoutes: RouteObject[] = [
  {
    path: 'notices',
    handle: { permission: 'notices.read' } satisfies RouteHandle,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/NoticesPage')).NoticesPage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./components/NoticeDetailPage')).NoticeDetailPage }) },
    ],
  },
];

/**
 * The notices feature (listed in features/index.ts): a top-level menu entry right under the 工作台 and
 * 我的信息, since staff of every role and residents read notices — no group fits them all.
 */
export const noticesFeature: Feature = {
  name: 'notices',
  routes: noticesRoutes,
  messages: noticesMessages,
  menu: [{ key: '/notices', label: 'menu.notices', permission: 'notices.read', order: 2 }],
};
