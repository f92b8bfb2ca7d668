import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { setSessionExpiredHandler } from '../lib/api';
import { queryClient } from './providers';
import { routes } from './routes';

export const router = createBrowserRouter(routes);

// An expired session anywhere: forget cached data and show the session-expired page.
setSessionExpiredHandler(() => {
  void router.navigate('/session-expired', { replace: true }).then(() => queryClient.clear());
});

export function AppRouter() {
  return <RouterProvider router={router} />;
}
