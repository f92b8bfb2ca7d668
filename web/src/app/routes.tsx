/**
 * Every route of the app. Feature routes come from web/src/features/<feature>/routes.tsx so that a feature
 * can replace its pages by editing that one file. A route names the permission it needs in `handle`
 * (see lib/routing.ts); the layout shows 403 when the user lacks it.
 */
import type { RouteObject } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin';
import { accountsRoutes } from '../features/accounts/routes';
import { auditRoutes } from '../features/audit/routes';
import { SignInPage } from '../features/auth/components/SignInPage';
import { buildingsRoutes } from '../features/buildings/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { householdsRoutes } from '../features/households/routes';
import { importsRoutes } from '../features/imports/routes';
import { regionsRoutes } from '../features/regions/routes';
import { residentsRoutes } from '../features/residents/routes';
import { statisticsRoutes } from '../features/statistics/routes';
import { RequireAuth } from './RequireAuth';

/** Pages inside the signed-in layout. */
export const appRoutes: RouteObject[] = [
  ...dashboardRoutes,
  ...residentsRoutes,
  ...householdsRoutes,
  ...buildingsRoutes,
  ...statisticsRoutes,
  ...importsRoutes,
  ...regionsRoutes,
  ...accountsRoutes,
  ...auditRoutes,
];

export const routes: RouteObject[] = [
  {
    path: '/',
    HydrateFallback: FullPageSpin,
    children: [
      // The sign-in page is part of the first download; everything behind it loads on demand.
      { path: 'login', element: <SignInPage /> },
      { path: 'session-expired', lazy: async () => ({ Component: (await import('../components/StatusPages')).SessionExpiredPage }) },
      {
        element: <RequireAuth />,
        children: [
          { path: 'change-password', lazy: async () => ({ Component: (await import('../features/auth/components/ForcedPasswordPage')).ForcedPasswordPage }) },
          { path: 'totp-setup', lazy: async () => ({ Component: (await import('../features/auth/components/TotpSetupPage')).TotpSetupPage }) },
          {
            lazy: async () => ({ Component: (await import('./layout/AppLayout')).AppLayout }),
            children: [...appRoutes, { path: '*', lazy: async () => ({ Component: (await import('../components/StatusPages')).NotFoundPage }) }],
          },
        ],
      },
    ],
  },
];
