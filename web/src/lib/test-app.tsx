import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { I18nProvider } from './i18n';

/** For component tests: a query client that does not retry (a failed load shows at once). */
export const testQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

/** For component tests: a JSON answer as fetch gives it. */
export const jsonResponse = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * For component tests: renders `ui` inside the app's providers (queries, i18n, antd App) and a router at
 * `url`; with `path`, as that route's element (so useParams reads the address). Returns the query client.
 */
export function renderInApp(ui: ReactElement, { url = '/', path, client = testQueryClient() }: { url?: string; path?: string; client?: QueryClient } = {}) {
  render(
    <QueryClientProvider client={client}>
      <I18nProvider>
        <App>
          <MemoryRouter initialEntries={[url]}>
            {path ? (
              <Routes>
                <Route path={path} element={ui} />
              </Routes>
            ) : (
              ui
            )}
          </MemoryRouter>
        </App>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return client;
}
