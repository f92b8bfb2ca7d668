// @vitest-environment happy-dom
import { useQuery } from '@tanstack/react-query';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { renderInApp } from '../lib/test-app';
import { DetailShell } from './DetailShell';

interface Shelter {
  id: string;
  name: string;
}

/** A shelter's page: its query answers through `load`, the shell frames it. */
function ShelterPage({ load }: { load: () => Promise<Shelter> }) {
  const q = useQuery({ queryKey: ['shelters', 'detail', 's1'], queryFn: load });
  return (
    <DetailShell query={q} notFoundTitle="避难所不存在" backTo="/shelters" backLabel="返回避难所">
      {(s) => <p>{s.name}</p>}
    </DetailShell>
  );
}

const show = (load: () => Promise<Shelter>) => renderInApp(<ShelterPage load={load} />, { url: '/shelters/s1', path: '/shelters/:id' });

afterEach(cleanup);

describe('DetailShell', () => {
  it('shows a skeleton while the record loads', () => {
    show(() => new Promise<Shelter>(() => {}));
    expect(document.body.querySelector('.ant-skeleton')).not.toBeNull();
    expect(screen.queryByText('东区避难所')).toBeNull();
  });

  it('renders the record once it is there', async () => {
    show(() => Promise.resolve({ id: 's1', name: '东区避难所' }));
    expect(await screen.findByText('东区避难所')).toBeTruthy();
    expect(document.body.querySelector('.ant-skeleton')).toBeNull();
  });

  it('a 404 shows the page’s not-found wording and a way back to the list', async () => {
    show(() => Promise.reject(new ApiError(404, 'NOT_FOUND', 'Not found')));
    expect(await screen.findByText('避难所不存在')).toBeTruthy();
    expect(screen.queryByText('Not found')).toBeNull();
    expect(document.body.querySelector('.ant-result-404')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '返回避难所' }));
    // The list is not in this router: leaving the page leaves nothing of it.
    expect(screen.queryByText('避难所不存在')).toBeNull();
  });

  it('a 400 (an address that is no id) is not found too', async () => {
    show(() => Promise.reject(new ApiError(400, 'VALIDATION', 'id must be a uuid')));
    expect(await screen.findByText('避难所不存在')).toBeTruthy();
  });

  it('another error shows the server’s message', async () => {
    show(() => Promise.reject(new ApiError(500, 'INTERNAL', '服务器出错了')));
    expect(await screen.findByText('服务器出错了')).toBeTruthy();
    expect(screen.queryByText('避难所不存在')).toBeNull();
    expect(document.body.querySelector('.ant-result-error')).not.toBeNull();
    expect(screen.getByRole('button', { name: '返回避难所' })).toBeTruthy();
  });
});
