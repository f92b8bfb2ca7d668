/**
 * After the voter roll is published a community worker records an objection to it (someone on the roll
 * who should not be) and answers it as upheld, which takes the person off the roll. After an election
 * with a valid result, the same worker records a recall (罢免) of an elected member and enters the vote,
 * which passes: the member is marked recalled.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, choose, launch, shows, signIn, url, type Session } from './helpers';

/** YYYY-MM-DD, `days` from today (the browser's and the server's day). */
const dayFrom = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Voter = { residentId: string; name: string; sex: 'F' | 'M' };
type Detail = { voterCount: number; candidates: { id: string; name: string; recalled: boolean }[]; objections: { status: string }[] };

/** A new election of the first community in the caller's tree on `electionDate`, with its roll derived. */
async function electionWithRoll(page: Page, electionDate: string): Promise<string> {
  const api = await apiAs(page);
  const tree = await api.get<{ roots: { id: string; level: string }[] }>('/api/regions/tree');
  const community = tree.roots.find((r) => r.level === 'community')!;
  const { csrfToken } = (await (await page.request.get(url('/api/auth/me'))).json()) as { csrfToken: string };
  // Terms go up to 1000; another journey may have taken the one drawn (409), then draw again.
  for (let attempt = 0; ; attempt++) {
    const res = await page.request.post(url('/api/elections'), {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        communityId: community.id,
        term: 100 + Math.floor(Math.random() * 900),
        mode: 'all_voters',
        seatsDirector: 1,
        seatsDeputy: 1,
        seatsMember: 3,
        electionDate,
      },
    });
    if (res.status() === 409 && attempt < 5) continue;
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await api.post(`/api/elections/${id}/derive-roll`);
    return id;
  }
}

describe('objections to the voter roll and a recall', () => {
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

  it('files an objection to a voter on the published roll and answers it as upheld, which takes the voter off the roll', async () => {
    // The roll was published two days ago (20 days before the election): the objection window is open.
    const id = await electionWithRoll(page, dayFrom(18));
    const api = await apiAs(page);
    const before = await api.get<Detail>(`/api/elections/${id}`);
    const roll = await api.get<{ items: Voter[] }>(`/api/elections/${id}/voters?pageSize=50`);
    const voter = roll.items.find((v) => v.name.length >= 2)!;

    await page.goto(url(`/elections/${id}`));
    await page.getByRole('tab', { name: /名单异议/ }).click();
    await page.getByRole('button', { name: '登记异议' }).click();
    const filing = page.getByRole('dialog', { name: '登记异议' });
    await shows(filing.getByText('不应列入而列入'));
    const search = page.waitForResponse((r) => r.url().includes(`/api/elections/${id}/voters?`) && new URL(r.url()).searchParams.get('q') === voter.name);
    await filing.getByRole('combobox', { name: '被提名人（须为选民）' }).fill(voter.name);
    await search;
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: voter.name }).first().click();
    await filing.getByLabel('异议人').fill('王秀英');
    await filing.getByLabel('异议理由').fill('该居民已迁往外省居住一年以上');
    const filed = page.waitForResponse((r) => r.url().endsWith(`/api/elections/${id}/objections`) && r.request().method() === 'POST');
    await filing.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await filed).status()).toBe(201);
    await shows(page.getByRole('tab', { name: '名单异议（待答复 1）' }));
    const row = page.getByRole('row').filter({ hasText: '该居民已迁往外省居住一年以上' });
    await shows(row.getByText('待答复'));

    await row.getByRole('button', { name: /答\s*复/ }).click();
    const answering = page.getByRole('dialog', { name: /答复异议/ });
    await choose(page, answering.getByRole('combobox', { name: '答复结论' }), '异议成立');
    await answering.getByLabel('答复', { exact: true }).fill('经核实，该居民户籍与居住地均已迁出，予以移出选民名单');
    const answered = page.waitForResponse((r) => r.url().includes('/answer') && r.request().method() === 'POST');
    await answering.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await answered).status()).toBeLessThan(300);
    await shows(row.getByText('异议成立'));
    await shows(page.getByRole('tab', { name: '名单异议（待答复 0）' }));

    const after = await api.get<Detail>(`/api/elections/${id}`);
    expect(after.voterCount).toBe(before.voterCount - 1);
    expect(after.objections.map((o) => o.status)).toEqual(['upheld']);
  });

  it('records a recall of an elected member and its vote, which passes', async () => {
    // An election held ten days ago with a valid result, entered through the API.
    const id = await electionWithRoll(page, dayFrom(-10));
    const api = await apiAs(page);
    const roll = await api.get<{ items: Voter[] }>(`/api/elections/${id}/voters?pageSize=200`);
    const women = roll.items.filter((v) => v.sex === 'F').slice(0, 2);
    const men = roll.items.filter((v) => v.sex === 'M').slice(0, 4);
    for (const [i, v] of [...men, ...women].entries())
      await api.post(`/api/elections/${id}/candidates`, { residentId: v.residentId, post: i === 0 ? 'director' : 'member', nominatorCount: 12 });
    const detail = await api.get<Detail>(`/api/elections/${id}`);
    const turnout = Math.floor(detail.voterCount * 0.8);
    const shares = [0.9, 0.8, 0.75, 0.3, 0.7, 0.2];
    await api.post(`/api/elections/${id}/tallies`, {
      round: 1,
      station: '第一投票站',
      ballotsIssued: turnout,
      ballotsReturned: turnout,
      invalidBallots: 0,
      votes: Object.fromEntries(detail.candidates.map((c, i) => [c.id, Math.floor(turnout * shares[i]!)])),
    });
    const result = await api.post<{ valid: boolean; elected: string[] }>(`/api/elections/${id}/result`, { round: 1 });
    expect(result.valid).toBe(true);
    const member = detail.candidates.find((c) => c.id === result.elected[0])!;

    await page.goto(url(`/elections/${id}`));
    await page.getByRole('tab', { name: '罢免', exact: true }).click();
    await page.getByRole('button', { name: '登记罢免提议' }).click();
    const proposing = page.getByRole('dialog', { name: '登记罢免提议' });
    await choose(page, proposing.getByRole('combobox', { name: '被罢免成员' }), member.name);
    await proposing.getByLabel('罢免理由').fill('长期不履行职责，群众意见较大');
    const proposed = page.waitForResponse((r) => r.url().endsWith(`/api/elections/${id}/recalls`) && r.request().method() === 'POST');
    await proposing.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await proposed).status()).toBeLessThan(300);
    const row = page.getByRole('row').filter({ hasText: '长期不履行职责，群众意见较大' });
    await shows(row.getByText('已提议'));

    await row.getByRole('button', { name: '录入投票' }).click();
    const voting = page.getByRole('dialog', { name: `罢免投票：${member.name}` });
    const returned = Math.floor(detail.voterCount * 0.7);
    await voting.getByLabel('发出选票').fill(String(returned));
    await voting.getByLabel('收回选票').fill(String(returned));
    await voting.getByLabel('赞成票').fill(String(Math.floor(returned * 0.8)));
    const counted = page.waitForResponse((r) => r.url().includes('/recalls/') && r.url().endsWith('/result'));
    await voting.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await counted).status()).toBeLessThan(300);
    await shows(row.getByText('罢免通过'));

    const after = await api.get<Detail>(`/api/elections/${id}`);
    expect(after.candidates.find((c) => c.id === member.id)!.recalled).toBe(true);
    await page.getByRole('tab', { name: '候选人' }).click();
    await shows(page.getByRole('row').filter({ hasText: member.name }).getByText('已被罢免'));
  });
});
