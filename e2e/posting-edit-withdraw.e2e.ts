/**
 * The street office edits a recruitment posting it opened (before any score), is told when someone else
 * saved in between, and withdraws the posting with a reason; the page then shows it withdrawn, with no
 * more actions on it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, url, type Session } from './helpers';

const dayFrom = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('editing and withdrawing a recruitment posting', () => {
  let session: Session;
  let page: Page;
  let csrfToken: string;
  let postingId: string;
  const title = `城东社区招聘网格员${Date.now() % 100_000}`;

  beforeAll(async () => {
    session = await launch();
    ({ page } = await session.newPage());
    await signIn(page, 'street1');
    ({ csrfToken } = (await (await page.request.get(url('/api/auth/me'))).json()) as { csrfToken: string });
    const tree = (await (await page.request.get(url('/api/regions/tree'))).json()) as {
      roots: { id: string; name: string; level: string; children: { id: string; name: string; level: string }[] }[];
    };
    const community = tree.roots.flatMap((r) => (r.level === 'community' ? [r] : r.children)).find((c) => c.name === '城东社区')!;
    const res = await page.request.post(url('/api/cadre-postings'), {
      headers: { 'x-csrf-token': csrfToken },
      data: { communityId: community.id, title, post: 'full_time_worker', quota: 1, opensOn: dayFrom(-1), closesOn: dayFrom(10) },
    });
    expect(res.status(), await res.text()).toBe(201);
    postingId = ((await res.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('edits the title and the quota from the posting page', async () => {
    await page.goto(url(`/cadres/recruitment/${postingId}`));
    await shows(page.getByRole('heading', { level: 1 }).filter({ hasText: title }));
    await page.getByRole('button', { name: '修改公告' }).click();
    const dialog = page.getByRole('dialog', { name: '修改招聘公告' });
    await dialog.getByLabel('公告标题').fill(`${title}（修订）`);
    await dialog.getByLabel('招聘名额').fill('2');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/cadre-postings/${postingId}`) && r.request().method() === 'PATCH');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await saved).status()).toBe(200);
    await shows(page.getByRole('heading', { level: 1 }).filter({ hasText: `${title}（修订）` }));
    await shows(page.getByText('招聘公告已修改'));
  });

  it('says so when someone else saved the posting while the form was open, and keeps their change', async () => {
    await page.getByRole('button', { name: '修改公告' }).click();
    const dialog = page.getByRole('dialog', { name: '修改招聘公告' });
    const current = (await (await page.request.get(url(`/api/cadre-postings/${postingId}`))).json()) as { version: number };
    const other = await page.request.patch(url(`/api/cadre-postings/${postingId}`), {
      headers: { 'x-csrf-token': csrfToken },
      data: { version: current.version, otherConditions: '熟悉本社区情况' },
    });
    expect(other.status()).toBe(200);
    await dialog.getByLabel('招聘名额').fill('3');
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/cadre-postings/${postingId}`) && r.request().method() === 'PATCH');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await refused).status()).toBe(409);
    await shows(page.getByText('该招聘公告已被他人修改，已刷新为最新内容，请核对后重新修改'));
    await shows(page.getByText('熟悉本社区情况'));
    const after = (await (await page.request.get(url(`/api/cadre-postings/${postingId}`))).json()) as { quota: number };
    expect(after.quota).toBe(2);
  });

  it('withdraws the posting with a reason after a confirmation', async () => {
    await page.getByRole('button', { name: '撤回公告' }).click();
    const dialog = page.getByRole('dialog', { name: /撤回“/ });
    await shows(dialog.getByText(/此操作不能撤销/));
    // No reason: the form says what is missing and nothing is sent.
    // On a loaded machine the dialog can take the first click while it is still opening: click again until
    // the form answers (three times at most).
    const missing = dialog.getByText('请填写撤回原因（至少 2 个字）').first();
    for (let attempt = 1; ; attempt++) {
      await dialog.getByRole('button', { name: /撤回公告/ }).click();
      const said = await missing.waitFor({ state: 'visible', timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (said || attempt === 3) break;
    }
    await shows(missing);
    await dialog.getByLabel('撤回原因').fill('网格调整，岗位并入其他社区');
    const withdrawn = page.waitForResponse((r) => r.url().endsWith(`/api/cadre-postings/${postingId}/withdraw`));
    await dialog.getByRole('button', { name: /撤回公告/ }).click();
    expect((await withdrawn).status()).toBe(200);
    await shows(page.getByText('网格调整，岗位并入其他社区'));
    await shows(page.getByRole('heading', { level: 1 }).getByText('已撤回'));
    expect(await page.getByRole('button', { name: '修改公告' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '撤回公告' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '登记报名' }).count()).toBe(0);
  });
});
