/**
 * A resident files their own objection to the published voter roll of their community (选民名单异议) in the
 * resident portal; the community worker answers it on the election's page as before; the resident sees the
 * answer. The resident sees only whether they themselves are on the roll, never anyone else's entry.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launch, shows, signIn, url, type Session } from './helpers';

/** YYYY-MM-DD, `days` from today (the browser's and the server's day). */
const dayFrom = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A new election of the worker's community on `electionDate` with its roll derived; its id and term. */
async function electionWithRoll(page: Page, electionDate: string): Promise<{ id: string; term: number }> {
  const me = await page.request.get(url('/api/auth/me'));
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const tree = (await (await page.request.get(url('/api/regions/tree'))).json()) as { roots: { id: string; level: string }[] };
  const community = tree.roots.find((r) => r.level === 'community')!;
  for (let attempt = 0; ; attempt++) {
    const term = 100 + Math.floor(Math.random() * 900);
    const res = await page.request.post(url('/api/elections'), {
      headers,
      data: { communityId: community.id, term, mode: 'all_voters', seatsDirector: 1, seatsDeputy: 1, seatsMember: 3, electionDate },
    });
    if (res.status() === 409 && attempt < 5) continue;
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const derived = await page.request.post(url(`/api/elections/${id}/derive-roll`), { headers, data: {} });
    expect(derived.status()).toBe(200);
    return { id, term };
  }
}

describe('a resident’s own objection to the voter roll', () => {
  let session: Session;
  let worker: Page;
  let resident: Page;

  beforeAll(async () => {
    session = await launch();
    ({ page: worker } = await session.newPage());
    await signIn(worker, 'chengdong');
    ({ page: resident } = await session.newPage());
    await signIn(resident, 'resident');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the resident files it in 我的选举, the worker answers it, and the resident reads the answer', async () => {
    // The roll was published two days ago (20 days before the election): the objection window is open.
    const { id, term } = await electionWithRoll(worker, dayFrom(18));
    const reason = `本人户籍登记有误，请核实（${term}）`;

    await resident.getByRole('menuitem', { name: '我的选举' }).click();
    await shows(resident.getByRole('heading', { name: '我的选举', level: 1 }));
    const card = resident.locator('.ant-card').filter({ has: resident.getByRole('heading', { name: new RegExp(`第 ${term} 届居民委员会选举`) }) });
    await shows(card.getByText('我在选民名单上'));
    // Only their own entry: another voter's name from the roll is not on the page.
    const roll = (await (await worker.request.get(url(`/api/elections/${id}/voters?pageSize=20`))).json()) as { items: { name: string }[] };
    const own = (await (await resident.request.get(url('/api/me/resident'))).json()) as { name: string };
    const other = roll.items.find((v) => v.name !== own.name && v.name.length >= 2)!;
    expect(await resident.getByText(other.name, { exact: true }).count()).toBe(0);
    const form = card.getByRole('form', { name: '提出异议' });
    await form.getByLabel('异议理由').fill(reason);
    const filed = resident.waitForResponse((r) => r.url().endsWith(`/api/me/elections/${id}/objections`) && r.request().method() === 'POST');
    await form.getByRole('button', { name: '提交异议' }).press('Enter');
    expect((await filed).status()).toBe(201);
    await shows(card.getByText(/您的异议已提交，社区居委会应在 .+ 前答复/));
    await shows(card.getByText(reason));
    await shows(card.getByText('待答复', { exact: true }));

    // The worker finds it with the others on the election's page and answers it.
    await worker.goto(url(`/elections/${id}`));
    await worker.getByRole('tab', { name: /名单异议/ }).click();
    const row = worker.getByRole('row').filter({ hasText: reason });
    await shows(row.getByText('待答复'));
    await row.getByRole('button', { name: /答\s*复/ }).click();
    const answering = worker.getByRole('dialog', { name: /答复异议/ });
    await choose(worker, answering.getByRole('combobox', { name: '答复结论' }), '异议不成立');
    const answer = '经核实，您的户籍登记信息无误，名单不作更正';
    await answering.getByLabel('答复', { exact: true }).fill(answer);
    const answered = worker.waitForResponse((r) => r.url().includes('/answer') && r.request().method() === 'POST');
    await answering.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await answered).status()).toBeLessThan(300);
    await shows(row.getByText('异议不成立'));

    // The resident sees the answer (the page reloads its data when opened again).
    await resident.reload();
    await shows(card.getByText('异议不成立'));
    await shows(card.getByText(answer));
    // The form is back while the window is open; the roll itself stays closed to the resident.
    await shows(card.getByRole('form', { name: '提出异议' }));
    expect((await resident.request.get(url(`/api/elections/${id}/voters`))).status()).toBe(403);
  });

  it('fits a 390 px phone: the card and its form without sideways scrolling', async () => {
    await resident.setViewportSize({ width: 390, height: 844 });
    await resident.goto(url('/me/elections'));
    await shows(resident.getByRole('heading', { name: '我的选举', level: 1 }));
    await shows(resident.getByRole('form', { name: '提出异议' }).first());
    const overflow = await resident.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
