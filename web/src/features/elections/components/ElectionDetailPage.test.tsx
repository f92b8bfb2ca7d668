// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionResponse } from '@shared/contracts/auth';
import type { ElectionDetail } from '@shared/contracts/elections';
import { jsonResponse, renderInApp, testQueryClient } from '../../../lib/test-app';
import { meKey } from '../../auth/api/get-me';
import { ElectionDetailPage } from './ElectionDetailPage';

const ID = '00000000-0000-4000-8000-00000000e1e1';
const COMMUNITY = '00000000-0000-4000-8000-0000000000aa';

/** A group-representative election as GET /api/elections/:id answers it (the fields the page reads). */
function election(over: Partial<ElectionDetail> = {}): ElectionDetail {
  return {
    id: ID,
    communityId: COMMUNITY,
    communityName: '城西社区',
    term: 8,
    mode: 'group_reps',
    seatsDirector: 1,
    seatsDeputy: 1,
    seatsMember: 3,
    electionDate: '2026-05-16',
    lawCode: '2026',
    status: 'completed',
    voterCount: 12,
    candidateCount: 0,
    version: 1,
    withdrawnReason: null,
    withdrawnOn: null,
    objections: [],
    recalls: [],
    law: { title: { zh: '城市居民委员会组织法（2026年修订）', en: 'Urban Residents Committee Organisation Law (2026)' } },
    timeline: [],
    householdRepCount: 8,
    groupRepCount: 2,
    candidates: [],
    checks: [],
    conflicts: [],
    tallies: [],
    results: [],
    capabilities: { canEdit: true },
    ...over,
  } as unknown as ElectionDetail;
}

const REP = {
  residentId: '00000000-0000-4000-8000-0000000000b1',
  name: '王建华',
  idMasked: '341881********1234',
  sex: 'M',
  address: '城西路 1 号',
  householdRep: true,
  groupRep: true,
  source: 'derived',
  excluded: false,
  reason: null,
};

const SESSION = {
  user: { id: COMMUNITY, username: 'chengxi', displayName: '城西社区 刘芳', permissions: ['elections.read'], grants: [] },
  csrfToken: 'x',
} as unknown as SessionResponse;

function renderPage(detail: ElectionDetail) {
  const json = jsonResponse;
  const fetch = vi.fn(async (url: string) => (url.startsWith(`/api/elections/${ID}/voters`) ? json({ items: [REP], total: 1 }) : json(detail)));
  vi.stubGlobal('fetch', fetch);
  const client = testQueryClient();
  client.setQueryData(meKey, SESSION);
  renderInApp(<ElectionDetailPage />, { url: `/elections/${ID}`, path: '/elections/:id', client });
  return fetch;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ElectionDetailPage: a residents’-group representative election', () => {
  it('shows the group-representative count and opens the roll on the 居民小组代表 view, with its column and export', async () => {
    const fetch = renderPage(election());
    expect(await screen.findByText('选民 12 名，户代表 8 名，居民小组代表 2 名')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '选民名单' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledWith(expect.stringContaining(`/api/elections/${ID}/voters?`), expect.anything()));
    const voterCall = fetch.mock.calls.map(([url]) => url).find((url) => url.includes('/voters?'))!;
    expect(new URL(voterCall, 'http://x').searchParams.get('view')).toBe('group_reps');
    expect(await screen.findByText('王建华')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '居民小组代表' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '居民小组代表' })).toHaveProperty('checked', true);
    expect(screen.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toBe(`/api/elections/${ID}/voters/export?view=group_reps`);
    expect(screen.queryByText(/名单上尚无居民小组代表/)).toBeNull();
  });

  it('warns when the roll has voters but no group representative yet', async () => {
    renderPage(election({ groupRepCount: 0 }));
    fireEvent.click(await screen.findByRole('tab', { name: '选民名单' }));
    expect(await screen.findByText(/名单上尚无居民小组代表/)).toBeTruthy();
  });

  it('opens an all-voters election’s roll on every voter', async () => {
    const fetch = renderPage(election({ mode: 'all_voters' }));
    fireEvent.click(await screen.findByRole('tab', { name: '选民名单' }));
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => url.includes('/voters?'))).toBe(true));
    const voterCall = fetch.mock.calls.map(([url]) => url).find((url) => url.includes('/voters?'))!;
    expect(new URL(voterCall, 'http://x').searchParams.get('view')).toBe('all');
    expect(screen.queryByText(/名单上尚无居民小组代表/)).toBeNull();
  });
});
