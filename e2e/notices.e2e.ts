/**
 * 通知公告: a community worker publishes a notice to the residents of 城东 from the form, a resident of 城东
 * finds it on their home page and reads it, and after the worker withdraws it (with a reason, confirmed) the
 * resident no longer sees it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, submitSignIn, url, type Session } from './helpers';

describe('a notice from the community to its residents', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  const title = `停水通知 ${Date.now() % 100000}`;

  it('is published by the community worker from the form, addressed to the residents of 城东', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'chengdong');
    await page.goto(url('/notices'));
    await shows(page.getByRole('heading', { name: '通知公告', level: 1 }));
    await page.getByRole('button', { name: '发布通知' }).click();
    const dialog = page.getByRole('dialog', { name: '发布通知' });
    await dialog.getByLabel('标题').fill(title);
    await dialog
      .locator('label.ant-radio-button-wrapper')
      .filter({ hasText: /^居民$/ })
      .click();
    await dialog.getByLabel('正文').fill('因管网检修，本周六 8:00—12:00 停水，请提前储水。');
    // The scope's community is the default address; Ctrl+Enter saves from the keyboard.
    await dialog.getByLabel('正文').press('Control+Enter');
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    await shows(page.getByRole('heading', { level: 1 }).filter({ hasText: title }));
    await context.close();
  });

  it('reaches a resident of 城东 on their home page, in their own words', async () => {
    const { page, context } = await session.newPage();
    await submitSignIn(page, 'resident');
    await shows(page.getByRole('heading', { name: '社区通知' }));
    await page.getByRole('button', { name: title }).click();
    await shows(page.getByRole('dialog').getByText('因管网检修，本周六 8:00—12:00 停水，请提前储水。'));
    await context.close();
  });

  it('is withdrawn with a reason after a confirmation, and the resident no longer sees it', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'chengdong');
    await page.goto(url('/notices'));
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: '撤回' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '请填写撤回原因' });
    await dialog.getByLabel('撤回原因').fill('检修改期');
    const saved = page.waitForResponse((r) => r.url().includes('/withdraw') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /撤\s*回/ }).click();
    expect((await saved).status()).toBe(200);
    await context.close();

    const resident = await session.newPage();
    await submitSignIn(resident.page, 'resident');
    await shows(resident.page.getByRole('heading', { name: '社区通知' }));
    const mine = (await (await resident.page.request.get(url('/api/notices?pageSize=100'))).json()) as { items: { title: string }[] };
    expect(mine.items.map((n) => n.title)).not.toContain(title);
    expect(await resident.page.getByRole('button', { name: title }).count()).toBe(0);
    await resident.context.close();
  });
});
