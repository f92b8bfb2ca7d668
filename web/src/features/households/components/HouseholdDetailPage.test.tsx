// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HouseholdDetail } from '@shared/contracts/households';
import { jsonResponse, renderInApp, testQueryClient } from '../../../lib/test-app';
import { HouseholdDetailPage } from './HouseholdDetailPage';

const ID = '00000000-0000-4000-8000-0000000000d1';
const HEAD = '00000000-0000-4000-8000-0000000000a1';
const SPOUSE = '00000000-0000-4000-8000-0000000000a2';
const SON = '00000000-0000-4000-8000-0000000000a3';

const member = (id: string, name: string, relationToHead: string, status = 'active') => ({
  id,
  name,
  idMasked: '341881********1234',
  sex: 'M',
  age: 40,
  ageBand: '40-49',
  relationToHead,
  status,
});

/** A household as GET /api/households/:id answers it (the fields the page reads). */
function household(over: Partial<HouseholdDetail> = {}): HouseholdDetail {
  return {
    id: ID,
    householdNumber: 'CD-0001',
    address: '城东路 8 号 2 单元 301',
    room: '301',
    buildingId: null,
    buildingName: null,
    communityId: '00000000-0000-4000-8000-0000000000c1',
    communityName: '城东社区',
    gridId: '00000000-0000-4000-8000-0000000000c2',
    gridName: '第一网格',
    householdType: 'family',
    status: 'active',
    headResidentId: HEAD,
    headName: '张建国',
    memberCount: 3,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    members: [member(HEAD, '张建国', 'head'), member(SPOUSE, '李秀英', 'spouse'), member(SON, '张伟', 'son')],
    hiddenMembers: 0,
    moves: [],
    capabilities: { canEdit: true },
    ...over,
  } as unknown as HouseholdDetail;
}

function renderPage(detail: HouseholdDetail, answer?: (url: string, init?: RequestInit) => Response | undefined) {
  const json = jsonResponse;
  const fetch = vi.fn(async (url: string, init?: RequestInit) => answer?.(url, init) ?? json(detail));
  vi.stubGlobal('fetch', fetch);
  const client = testQueryClient();
  renderInApp(<HouseholdDetailPage />, { url: `/households/${ID}`, path: '/households/:id', client });
  return { fetch, json };
}

const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('HouseholdDetailPage', () => {
  it('offers 迁往他户 to every active member but the head while others remain, and 分户 and 并户', async () => {
    renderPage(household());
    expect(await screen.findByText('李秀英')).toBeTruthy();
    expect(within(rowOf('李秀英')).getByRole('button', { name: /迁往他户/ })).toBeTruthy();
    expect(within(rowOf('张伟')).getByRole('button', { name: /迁往他户/ })).toBeTruthy();
    expect(within(rowOf('张建国')).queryByRole('button', { name: /迁往他户/ })).toBeNull();
    expect(screen.getByRole('button', { name: /分户/ })).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: /并户/ })).toBeTruthy();
  });

  it('lets the head move as the last active member, offers no move to a moved-out one, and cannot split', async () => {
    renderPage(household({ memberCount: 1, members: [member(HEAD, '张建国', 'head'), member(SON, '张伟', 'son', 'moved_out')] as never }));
    expect(await screen.findByText('张伟')).toBeTruthy();
    expect(within(rowOf('张建国')).getByRole('button', { name: /迁往他户/ })).toBeTruthy();
    expect(within(rowOf('张伟')).queryByRole('button', { name: /迁往他户/ })).toBeNull();
    expect(screen.getByRole('button', { name: /分户/ })).toHaveProperty('disabled', true);
  });

  it('shows a merged household as history: a notice and no change of membership', async () => {
    renderPage(household({ status: 'merged' }));
    expect(await screen.findByText('该户已已并户，不能再调整成员')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /迁往他户/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /分户/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: '操作' })).toBeNull();
  });

  it('shows a reader who may not change the household no action at all', async () => {
    renderPage(household({ capabilities: { canEdit: false } as never }));
    expect(await screen.findByText('李秀英')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /迁往他户/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /并户/ })).toBeNull();
    expect(screen.getByRole('button', { name: /打印户卡/ })).toBeTruthy();
  });

  it('offers the active members but the head in the 分户 dialog, sends the split after the confirmation, and says why the server refused it', async () => {
    const { fetch, json } = renderPage(household(), (_url, init) =>
      init?.method === 'POST' ? json({ error: { code: 'CONFLICT', message: 'conflict', details: { reason: 'nobody_left' } } }, 409) : undefined,
    );
    fireEvent.click(await screen.findByRole('button', { name: /分户/ }));
    const dialog = await screen.findByRole('dialog', { name: '分户' });
    expect(within(dialog).queryByRole('checkbox', { name: /张建国/ })).toBeNull();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /李秀英/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    const [confirm] = await screen.findAllByText('确认分户？');
    fireEvent.click(within(confirm.closest('.ant-modal-confirm') as HTMLElement).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('本户至少要保留一名成员')).toBeTruthy();
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(post[0]).toBe(`/api/households/${ID}/split`);
    expect(JSON.parse(String(post[1]!.body))).toMatchObject({ residentIds: [SPOUSE], newHeadId: SPOUSE, newHousehold: { address: '城东路 8 号 2 单元 301' } });
  });
});
