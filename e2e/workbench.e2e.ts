/**
 * Every role lands on its work (issue 13): a community worker's 工作台 with numbers and 待办 at 1440×900, a
 * grid worker on a 390×844 phone who opens the drawer menu and looks a resident up within two taps, and
 * a resident who sees 我的信息 in their own words.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../server/security/world';
import { launch, shows, signIn, submitSignIn, url, type Session } from './helpers';

/** Runs `fn` in a fresh page of the given size, collecting console errors and failed API calls. */
async function withPage(session: Session, size: { width: number; height: number }, fn: (page: Page, problems: string[]) => Promise<void>) {
  const { context, page } = await session.newPage();
  await page.setViewportSize(size);
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('response', (r) => r.url().includes('/api/') && r.status() >= 500 && problems.push(`${r.status()} ${r.url()}`));
  try {
    await fn(page, problems);
  } finally {
    await context.close();
  }
}

describe('the 工作台 of each role', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a community worker at 1440×900 the numbers of their community, a 待办 list and shortcuts', async () => {
    await withPage(session, { width: 1440, height: 900 }, async (page, problems) => {
      await signIn(page, 'chengdong');
      const numbers = page.getByRole('region', { name: '数据概览' });
      await shows(numbers.getByRole('link', { name: /^在册居民 \d+/ }));
      const api = (await (await page.request.get(url('/api/workbench'))).json()) as { cards: { key: string; value: number }[] };
      const residents = api.cards.find((c) => c.key === 'registry.residents')!;
      expect(residents.value).toBeGreaterThan(0);
      await shows(numbers.getByText(residents.value.toLocaleString('zh-CN'), { exact: true }));
      // An import with a bad row (wrong check digit) becomes a 待办 of the worker who uploaded it.
      const { csrfToken } = (await (await page.request.get(url('/api/auth/me'))).json()) as { csrfToken: string };
      const csv = importCsv([{ 姓名: '工作台测试', 身份证号: '110101199001011230', 网格: '34188100100101', 住址: '工作台路1号' }]);
      const upload = await page.request.post(url('/api/imports/residents'), {
        multipart: { file: { name: '工作台测试.csv', mimeType: 'text/csv', buffer: csv } },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(upload.status()).toBe(202);
      const { jobId } = (await upload.json()) as { jobId: string };
      await expect
        .poll(async () => ((await (await page.request.get(url(`/api/imports/${jobId}`))).json()) as { status: string }).status, { timeout: 20_000 })
        .toBe('done');
      await page.reload();
      await shows(page.getByRole('heading', { name: /^待办 \(\d+\)/ }));
      const todo = page.getByRole('link', { name: '导入「工作台测试.csv」有 1 行未导入' });
      await shows(todo);
      await shows(page.getByRole('heading', { name: '最近处理' }));
      const shortcuts = page.getByRole('navigation', { name: '快捷入口' });
      await shows(shortcuts.getByRole('button', { name: '查找居民' }));
      // No staff wording of the old page.
      expect(await page.getByText('权限数').count()).toBe(0);
      // A 待办 opens its record.
      await todo.click();
      await page.waitForURL(`**/imports?job=${jobId}`);
      await page.goBack();
      // A number opens what it counts.
      await numbers.getByRole('link', { name: /^在册居民/ }).click();
      await page.waitForURL('**/residents');
      expect(problems).toEqual([]);
    });
  });

  it('lets a grid worker on a 390×844 phone open the drawer menu and look a resident up within two taps', async () => {
    await withPage(session, { width: 390, height: 844 }, async (page, problems) => {
      await submitSignIn(page, 'grid-chengdong');
      const menuButton = page.getByRole('button', { name: '打开菜单' });
      await shows(menuButton);
      // No sider strip: the page uses the whole width, and the region picker stays in the header.
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);
      await shows(page.getByRole('combobox', { name: '区域范围' }));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Tap 1: the menu; tap 2: 居民信息 (inside its group, which opens on the way when closed).
      await menuButton.click();
      const drawer = page.getByRole('dialog');
      const nav = drawer.getByRole('navigation');
      const item = nav.getByRole('menuitem', { name: '居民信息', exact: true });
      if (!(await item.isVisible())) await nav.getByRole('menuitem', { name: /人口管理/ }).click();
      await item.click();
      await page.waitForURL('**/residents');
      // The search box is on top: typing a name is the look-up.
      const search = page.getByRole('searchbox', { name: '搜索居民' });
      await shows(search);
      const first = (await (await page.request.get(url('/api/residents?pageSize=1'))).json()) as { items: { name: string }[] };
      await search.fill(first.items[0].name);
      // Cards, not a table: the resident's name opens their page.
      await shows(page.locator('.ant-card').getByRole('link', { name: first.items[0].name }));
      expect(await page.locator('.ant-table').count()).toBe(0);
      // Every list is cards on a phone (the shared ListPage too).
      await page.goto(url('/households'));
      await shows(page.locator('.ant-card .ant-card-head').first());
      expect(await page.locator('.ant-table').count()).toBe(0);
      // The shortcut on the 工作台 does the same in one tap.
      await page.goto(url('/'));
      await page.getByRole('navigation', { name: '快捷入口' }).getByRole('button', { name: '查找居民' }).click();
      await page.waitForURL('**/residents');
      expect(problems).toEqual([]);
    });
  });

  it('shows a resident 我的信息 and 我的家庭 in a resident’s words, masked', async () => {
    await withPage(session, { width: 390, height: 844 }, async (page, problems) => {
      await submitSignIn(page, 'resident');
      await shows(page.getByRole('heading', { name: '我的信息' }));
      await shows(page.getByRole('heading', { name: '我的家庭' }));
      await shows(page.getByText(/^\d{6}\*{8}\d{3}[\dX]$/));
      for (const staff of ['管辖范围', '权限数', '数据概览']) expect(await page.getByText(staff).count(), staff).toBe(0);
      expect(problems).toEqual([]);
    });
  });
});
