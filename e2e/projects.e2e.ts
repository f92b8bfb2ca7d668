/**
 * A construction project as a community worker of 城西 runs it: the demo city already lists 城西's
 * developer-provided premises under way; the worker registers a new renovation from the list, adds a
 * milestone on its page, marks it done, and sees the project under way at 100 % with the milestone done.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, type Session } from './helpers';

const NAME = `城西活动室改造 e2e ${Date.now() % 100000}`;

describe('construction projects (用房建设项目)', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    ({ page } = await session.newPage());
    await signIn(page, 'chengxi');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists the community’s projects from the menu, with the seeded one under way', async () => {
    const nav = page.getByRole('navigation');
    const item = nav.getByRole('menuitem', { name: '用房建设项目', exact: true });
    if (!(await item.isVisible())) await nav.getByRole('menuitem', { name: /四有建设/ }).click();
    await item.click();
    await page.waitForURL('**/projects');
    await shows(page.getByRole('heading', { name: '用房建设项目' }));
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: '城西新区配建社区用房', exact: true }) });
    await shows(row.getByText('在建'));
  });

  it('registers a project, adds a milestone, marks it done and shows the progress', async () => {
    await page.getByRole('button', { name: /登记项目/ }).click();
    const form = page.getByRole('dialog').filter({ hasText: '登记建设项目' });
    await form.getByLabel('项目名称').fill(NAME);
    await form.getByLabel('预算（元）').fill('150000');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/projects') && r.request().method() === 'POST');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    expect((await created).status()).toBe(201);
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await shows(page.getByRole('heading', { name: new RegExp(NAME) }));
    await shows(page.getByText('计划中'));
    await shows(page.getByText('尚未添加节点'));

    await page.getByRole('button', { name: /添加节点/ }).click();
    const ms = page.getByRole('dialog').filter({ hasText: '添加节点' });
    await ms.getByLabel('节点名称').fill('开工');
    await ms.getByLabel('计划日期').click();
    await ms.getByLabel('计划日期').fill(new Date().toISOString().slice(0, 10));
    await ms.getByLabel('计划日期').press('Enter');
    const added = page.waitForResponse((r) => r.url().endsWith('/milestones') && r.request().method() === 'POST');
    await ms.getByRole('button', { name: /保\s*存/ }).click();
    expect((await added).status()).toBe(201);
    await shows(page.getByText('节点完成 0/1'));

    await page.getByRole('button', { name: /标记完成/ }).click();
    const confirm = page.getByRole('tooltip').filter({ hasText: '节点“开工”已完成？' });
    const done = page.waitForResponse((r) => r.url().endsWith('/complete') && r.request().method() === 'POST');
    await confirm.getByRole('button', { name: /标记完成/ }).click();
    expect((await done).status()).toBe(200);
    await shows(page.getByText('节点完成 1/1'));
    await shows(page.getByText(/^已完成 \d{4}-\d{2}-\d{2}$/));
    await shows(page.getByRole('heading', { name: new RegExp(NAME) }).getByText('在建'));
    await shows(page.getByRole('progressbar', { name: '进度' }));
    expect(await page.getByRole('progressbar', { name: '进度' }).getAttribute('aria-valuenow')).toBe('100');
  });
});
