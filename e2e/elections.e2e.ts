/**
 * A residents' committee election as a community worker runs it: create the election, derive the voter
 * roll from the registry, nominate candidates, enter a polling station's count on the page, compute the
 * result, and open the printable announcement. Then a residents'-group representative election, whose roll
 * is the representatives the demo city's 居民小组 record.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launch, shows, signIn, url, type Session } from './helpers';

describe('a committee election from roll to announcement', () => {
  let session: Session;
  let page: Page;
  let electionId: string;

  beforeAll(async () => {
    session = await launch();
    ({ page } = await session.newPage());
    await signIn(page, 'chengdong');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists the elections of the community from the side menu', async () => {
    await page.getByRole('navigation').getByRole('menuitem', { name: '换届选举', exact: true }).click();
    await page.waitForURL('**/elections');
    await shows(page.getByRole('heading', { name: '换届选举' }));
  });

  it('creates an election and shows its statutory timeline', async () => {
    const api = await apiAs(page);
    const tree = await api.get<{ roots: { id: string; level: string; name: string }[] }>('/api/regions/tree');
    const community = tree.roots.find((r) => r.level === 'community')!;
    const created = await api.post<{ id: string }>('/api/elections', {
      communityId: community.id,
      term: 90 + Math.floor(Math.random() * 900),
      mode: 'all_voters',
      seatsDirector: 1,
      seatsDeputy: 1,
      seatsMember: 3,
      electionDate: '2027-03-20',
    });
    electionId = created.id;
    await page.goto(url(`/elections/${electionId}`));
    await shows(page.getByRole('cell', { name: '公布选民名单' }));
    await shows(page.getByRole('cell', { name: '2027-02-28' }));
  });

  it('derives the voter roll from the registry on the roll tab', async () => {
    await page.getByRole('tab', { name: '选民名单' }).click();
    const answer = page.waitForResponse((r) => r.url().endsWith('/derive-roll'));
    await page.getByRole('button', { name: /从人口库生成选民名单/ }).click();
    const derived = (await (await answer).json()) as { voterCount: number; householdRepCount: number };
    expect(derived.voterCount).toBeGreaterThan(100);
    expect(derived.householdRepCount).toBeGreaterThan(0);
    expect(derived.householdRepCount).toBeLessThan(derived.voterCount);
    await shows(page.getByText(`选民名单已生成：${derived.voterCount} 名选民`));
  });

  it('shows the candidate checks after six nominations', async () => {
    const api = await apiAs(page);
    const roll = await api.get<{ items: { residentId: string; sex: 'F' | 'M' }[] }>(`/api/elections/${electionId}/voters?pageSize=200`);
    const women = roll.items.filter((v) => v.sex === 'F').slice(0, 2);
    const men = roll.items.filter((v) => v.sex === 'M').slice(0, 4);
    for (const [i, v] of [...men, ...women].entries())
      await api.post(`/api/elections/${electionId}/candidates`, { residentId: v.residentId, post: i === 0 ? 'director' : 'member', nominatorCount: 12 });
    await page.reload();
    await page.getByRole('tab', { name: '候选人' }).click();
    await shows(page.getByText('妇女候选人 2 名'));
  });

  it('enters a polling station count on the page and computes a valid result', async () => {
    const detail = await (await apiAs(page)).get<{ voterCount: number; candidates: { id: string; name: string }[] }>(`/api/elections/${electionId}`);
    const turnout = Math.floor(detail.voterCount * 0.8);
    await page.getByRole('tab', { name: '计票与结果' }).click();
    await page.getByLabel('投票站').fill('第一投票站');
    await page.getByLabel('发出选票').fill(String(turnout));
    await page.getByLabel('收回选票').fill(String(turnout));
    const shares = [0.9, 0.8, 0.75, 0.3, 0.7, 0.2];
    for (const [i, c] of detail.candidates.entries()) await page.getByLabel(`得票 ${c.name}`).fill(String(Math.floor(turnout * shares[i]!)));
    await page.getByRole('button', { name: '保存该投票站计票' }).click();
    await shows(page.getByRole('cell', { name: '第一投票站' }));
    const answer = page.waitForResponse((r) => r.url().endsWith('/result'));
    await page.getByRole('button', { name: /计算第 1 轮结果/ }).click();
    const result = (await (await answer).json()) as { valid: boolean; elected: string[]; unfilledSeats: number };
    expect(result.valid).toBe(true);
    expect(result.elected).toHaveLength(4);
    expect(result.unfilledSeats).toBe(1);
    await shows(page.getByText('选举有效'));
  });

  it('opens the printable announcement with the community and the elected', async () => {
    await page.getByRole('button', { name: /打印公告/ }).click();
    await page.waitForURL(`**/elections/${electionId}/announcement`);
    await shows(page.getByRole('heading', { name: /居民委员会选举结果公告/ }));
    await shows(page.getByRole('button', { name: /打印/ }));
  });
});

describe('a residents’-group representative election (居民小组代表选举) in the demo city', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    ({ page } = await session.newPage());
    await signIn(page, 'chengdong');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('derives a roll whose group representatives are the ones recorded in the community’s residents’ groups', async () => {
    const api = await apiAs(page);
    const tree = await api.get<{ roots: { id: string; level: string }[] }>('/api/regions/tree');
    const community = tree.roots.find((r) => r.level === 'community')!;
    const groups = await api.get<{ items: { id: string }[] }>(`/api/organisations?type=residents_group&communityId=${community.id}&pageSize=50`);
    let representatives = 0;
    for (const g of groups.items)
      representatives += (await api.get<{ representatives: { current: number } }>(`/api/organisations/${g.id}`)).representatives.current;
    expect(representatives).toBeGreaterThan(0);
    const created = await api.post<{ id: string }>('/api/elections', {
      communityId: community.id,
      // Above the first journey's range (90–989): the two never take the same term.
      term: 990 + Math.floor(Math.random() * 11),
      mode: 'group_reps',
      seatsDirector: 1,
      seatsDeputy: 1,
      seatsMember: 3,
      electionDate: '2027-04-20',
    });
    await page.goto(url(`/elections/${created.id}`));
    await page.getByRole('tab', { name: '选民名单' }).click();
    const answer = page.waitForResponse((r) => r.url().endsWith('/derive-roll'));
    await page.getByRole('button', { name: /从人口库生成选民名单/ }).click();
    const derived = (await (await answer).json()) as { voterCount: number; groupRepCount: number };
    expect(derived.groupRepCount).toBe(representatives);
    expect(derived.voterCount).toBeGreaterThan(representatives);
    await shows(page.getByText(`${derived.groupRepCount} 名居民小组代表`));
    // The roll opens on the group representatives: one row each.
    await shows(page.getByRole('columnheader', { name: '居民小组代表' }));
    await expect.poll(async () => page.getByRole('tabpanel').locator('tbody tr.ant-table-row').count()).toBe(representatives);
  });
});
