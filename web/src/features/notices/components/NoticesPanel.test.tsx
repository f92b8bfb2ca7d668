// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoticeDetail } from '@shared/contracts/notices';
import type { WorkbenchNoticeView } from '@shared/contracts/workbench';
import { renderInApp } from '../../../lib/test-app';
import { NoticesPanel } from './NoticesPanel';

const NOTICES: WorkbenchNoticeView[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    title: '关于深入推进社区建设工作的通知',
    importance: 'important',
    audience: 'all',
    pinned: true,
    read: false,
    publishFrom: '2026-03-01',
    regionName: '宁阳市',
    link: '/notices/00000000-0000-4000-8000-000000000001',
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    title: '下岗职工再就业服务专场',
    importance: 'normal',
    audience: 'residents',
    pinned: false,
    read: true,
    publishFrom: '2026-03-05',
    regionName: '城东社区',
    link: '/notices/00000000-0000-4000-8000-000000000002',
  },
];

const DETAIL: NoticeDetail = {
  id: NOTICES[1].id,
  regionId: '00000000-0000-4000-8000-0000000000aa',
  regionName: '城东社区',
  regionLevel: 'community',
  communityId: '00000000-0000-4000-8000-0000000000aa',
  title: '下岗职工再就业服务专场',
  audience: 'residents',
  importance: 'normal',
  publishFrom: '2026-03-05',
  publishUntil: '2026-03-12',
  pinned: false,
  authorName: '城东社区 张敏',
  status: 'current',
  canEdit: false,
  read: false,
  readCount: null,
  version: 1,
  updatedAt: '2026-03-05T01:00:00.000Z',
  body: '本周六上午在社区服务站举办再就业服务专场。',
  withdrawnAt: null,
  withdrawnReason: null,
  createdAt: '2026-03-05T01:00:00.000Z',
};

function renderPanel(props: { notices: WorkbenchNoticeView[]; resident?: boolean }) {
  return renderInApp(<NoticesPanel {...props} />);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('NoticesPanel', () => {
  it('lists each notice with its date, region and marks, under 通知公告 for staff', () => {
    renderPanel({ notices: NOTICES });
    expect(screen.getByRole('heading', { level: 2, name: '通知公告' })).toBeTruthy();
    const [first, second] = screen.getAllByRole('listitem');
    expect(within(first).getByText('置顶')).toBeTruthy();
    expect(within(first).getByText('重要')).toBeTruthy();
    expect(within(first).getByText('2026-03-01')).toBeTruthy();
    expect(within(first).getByText('宁阳市')).toBeTruthy();
    expect(within(first).getByText('未读')).toBeTruthy();
    expect(within(second).queryByText('重要')).toBeNull();
    expect(within(second).queryByText('未读')).toBeNull();
  });

  it('speaks to a resident of their community, and says so when there is nothing', () => {
    renderPanel({ notices: [], resident: true });
    expect(screen.getByRole('heading', { level: 2, name: '社区通知' })).toBeTruthy();
    expect(screen.getByText('您的社区暂时没有新通知')).toBeTruthy();
  });

  it('opens a notice in a drawer with its text, fetched by its id, and marks it read', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/read')
        ? new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } })
        : new Response(JSON.stringify(DETAIL), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetch);
    renderPanel({ notices: NOTICES, resident: true });
    fireEvent.click(screen.getByRole('button', { name: '下岗职工再就业服务专场' }));
    expect(await screen.findByText('本周六上午在社区服务站举办再就业服务专场。')).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith(`/api/notices/${DETAIL.id}`, expect.objectContaining({ method: 'GET' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('城东社区 张敏')).toBeTruthy();
    // A resident is not shown the staff's status tag.
    expect(within(dialog).queryByText('发布中')).toBeNull();
    await waitFor(() => expect(fetch).toHaveBeenCalledWith(`/api/notices/${DETAIL.id}/read`, expect.objectContaining({ method: 'POST' })));
  });
});
