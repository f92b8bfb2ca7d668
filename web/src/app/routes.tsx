/**
 * Every route of the app. Feature routes come from the features listed in web/src/features/index.ts (each
 * feature's routes.tsx), so that a feature can replace its pages by editing that one file. A route names the permission it needs in `handle`
 * (see lib/routing.ts); the layout shows 403 when the user lacks it.
 */
import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin';
import { SignInPage } from '../features/auth/components/SignInPage';
import { FEATURES } from '../features';
import { RequireAuth } from './RequireAuth';

// Loaded only when a page fails, to keep it out of the first download.
const RouteErrorPage = lazy(async () => ({ default: (await import('../components/StatusPages')).RouteErrorPage }));
const routeError = (
  <Suspense fallback={<FullPageSpin />}>
    <RouteErrorPage />
  </Suspense>
);

/** Pages inside the signed-in layout: every feature's routes, each with an error page that keeps the menu. */
export const appRoutes: RouteObject[] = FEATURES.flatMap((f) => f.routes).map((r) => ({ ...r, errorElement: routeError }));

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
