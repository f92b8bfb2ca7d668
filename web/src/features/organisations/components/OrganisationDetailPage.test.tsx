// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionResponse } from '@shared/contracts/auth';
import type { OrganisationDetail } from '@shared/contracts/organisations';
import { jsonResponse, renderInApp, testQueryClient } from '../../../lib/test-app';
import { meKey } from '../../auth/api/get-me';
import { OrganisationDetailPage } from './OrganisationDetailPage';

const ID = '00000000-0000-4000-8000-0000000000c1';
const COMMUNITY = '00000000-0000-4000-8000-0000000000aa';

function organisation(over: Partial<OrganisationDetail>): OrganisationDetail {
  return {
    id: ID,
    communityId: COMMUNITY,
    communityName: '城西社区',
    type: 'residents_group',
    name: '城西第1居民小组',
    parentId: null,
    parentName: null,
    foundedDate: null,
    contactPerson: null,
    contactPhone: null,
    members: 1,
    version: 1,
    address: null,
    contribution: null,
    description: null,
    memberList: [
      {
        id: '00000000-0000-4000-8000-0000000000d1',
        residentId: '00000000-0000-4000-8000-0000000000b1',
        name: '王建华',
        role: 'representative',
        startDate: '2021-06-01',
        endDate: null,
        active: true,
        notes: null,
        version: 1,
      },
    ],
    honours: [],
    children: [],
    representatives: { current: 1, min: 2, max: 3, ok: false },
    createdAt: '2021-06-01T00:00:00.000Z',
    updatedAt: '2021-06-01T00:00:00.000Z',
    capabilities: { canEdit: false },
    ...over,
  };
}

function renderPage(detail: OrganisationDetail, permissions: string[] = ['orgs.read']) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => jsonResponse(detail)),
  );
  const client = testQueryClient();
  client.setQueryData(meKey, {
    user: { id: COMMUNITY, username: 'chengxi', displayName: '城西社区 刘芳', permissions, grants: [] },
    csrfToken: 'x',
  } as unknown as SessionResponse);
  renderInApp(<OrganisationDetailPage />, { url: `/organisations/${ID}`, path: '/organisations/:id', client });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('OrganisationDetailPage: a residents’ group’s representatives', () => {
  it('shows the current representatives against the law’s 2–3 and warns when there are fewer', async () => {
    renderPage(organisation({}));
    expect(await screen.findByText('1 名（法定 2–3 名）')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('本居民小组现有代表 1 名');
    expect(screen.getByRole('cell', { name: '居民小组代表' })).toBeTruthy();
  });

  it('does not warn for a group within the rule, nor show the count for another type', async () => {
    renderPage(organisation({ representatives: { current: 3, min: 2, max: 3, ok: true } }));
    expect(await screen.findByText('3 名（法定 2–3 名）')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();
    renderPage(organisation({ type: 'culture_team', name: '城西腰鼓队', memberList: [], representatives: null }));
    expect((await screen.findAllByText('城西腰鼓队')).length).toBeGreaterThan(0);
    expect(screen.queryByText(/法定 2–3 名/)).toBeNull();
  });
});

describe('OrganisationDetailPage: the actions follow the capabilities the server computed', () => {
  it('hides 修改 and 增加成员 from a writer whose scope does not cover this organisation', async () => {
    renderPage(organisation({ capabilities: { canEdit: false } }), ['orgs.read', 'orgs.write']);
    expect((await screen.findAllByText('城西第1居民小组')).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /修改/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /增加成员/ })).toBeNull();
  });

  it('shows them where the scope covers it', async () => {
    renderPage(organisation({ capabilities: { canEdit: true } }), ['orgs.read', 'orgs.write']);
    expect(await screen.findByRole('button', { name: /修改/ })).toBeTruthy();
  });
});
