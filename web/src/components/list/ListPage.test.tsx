// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Select } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../lib/i18n';
import { ListPage } from './ListPage';
import { useListState } from './use-list-state';

interface Row {
  id: string;
  name: string;
}

const PEOPLE: Row[] = Array.from({ length: 45 }, (_, i) => ({ id: String(i + 1), name: i % 2 ? `王${i + 1}` : `李${i + 1}` }));

/** A list over PEOPLE that filters by `q` and the `family` filter, as a server would. */
function People({ fail }: { fail?: boolean }) {
  const state = useListState({ family: 'all' });
  const query = useQuery({
    queryKey: ['people', state.q, state.filters.family, state.page, state.pageSize, fail],
    queryFn: async () => {
      if (fail) throw new Error('服务器不可用');
      const rows = PEOPLE.filter((p) => p.name.includes(state.q) && (state.filters.family === 'all' || p.name.startsWith(state.filters.family)));
      return { items: rows.slice((state.page - 1) * state.pageSize, state.page * state.pageSize), total: rows.length };
    },
  });
  return (
    <ListPage<Row, 'family'>
      title="居民"
      state={state}
      query={query}
      columns={[{ title: '姓名', dataIndex: 'name', key: 'name' }]}
      rowKey="id"
      searchLabel="按姓名搜索"
      emptyText="没有符合条件的居民"
      filters={
        <Select
          aria-label="姓氏"
          value={state.filters.family}
          onChange={(v) => state.set({ family: v })}
          options={[
            { value: 'all', label: '全部' },
            { value: '王', label: '王' },
          ]}
        />
      }
    />
  );
}

function Url() {
  return <output data-testid="url">{useLocation().search}</output>;
}

function renderAt(url: string, props: { fail?: boolean } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider>
        <MemoryRouter initialEntries={[url]}>
          <People {...props} />
          <Url />
        </MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe('ListPage with useListState', () => {
  it('shows the page of rows that the URL names, with the total', async () => {
    renderAt('/people?page=3');
    expect(await screen.findByText('李41')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '居民' })).toBeTruthy();
    expect(screen.getByText('共 45 条')).toBeTruthy();
    expect(screen.queryByText('李1')).toBeNull();
  });

  it('searches 300 ms after typing stops, puts the text in the URL and goes back to page 1', async () => {
    renderAt('/people?page=2');
    await screen.findByText('李21');
    fireEvent.change(screen.getByRole('searchbox', { name: '按姓名搜索' }), { target: { value: '王1' } });
    expect(screen.getByTestId('url').textContent).toBe('?page=2');
    await waitFor(() => expect(screen.getByTestId('url').textContent).toBe('?q=%E7%8E%8B1'));
    expect(await screen.findByText('王10')).toBeTruthy();
    expect(screen.getByText('共 5 条')).toBeTruthy(); // 王10, 王12 … 王18
  });

  it('keeps a filter at its default out of the URL, and a chosen one in it', async () => {
    renderAt('/people?family=%E7%8E%8B');
    expect(await screen.findByText('共 22 条')).toBeTruthy();
    await act(async () => {
      fireEvent.mouseDown(screen.getByRole('combobox', { name: '姓氏' }));
    });
    fireEvent.click(await screen.findByTitle('全部'));
    await waitFor(() => expect(screen.getByTestId('url').textContent).toBe(''));
    expect(await screen.findByText('共 45 条')).toBeTruthy();
  });

  it('says so when nothing matches, and shows the error when loading fails', async () => {
    renderAt('/people?q=%E5%BC%A0');
    expect(await screen.findByText('没有符合条件的居民')).toBeTruthy();
    cleanup();
    renderAt('/people', { fail: true });
    expect(await screen.findByText('服务器不可用')).toBeTruthy();
  });
});
