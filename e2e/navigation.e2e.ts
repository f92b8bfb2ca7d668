import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, submitSignIn, url, type Session } from './helpers';

describe('finding one’s way', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows where a page sits (breadcrumb, tab title), and ← leads to the list even from a fresh tab', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'chengdong');
    await page.goto(url('/residents'));
    await shows(page.getByRole('heading', { name: '居民信息' }));
    expect(await page.title()).toBe('居民信息 · 社区');

    const first = page.getByRole('table').getByRole('link').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    const crumbs = page.locator('.ant-breadcrumb');
    await shows(crumbs.getByRole('link', { name: '居民信息' }));
    await shows(crumbs.getByText('人口管理'));
    await expect.poll(() => page.title()).toBe(`${name} · 社区`);

    // The same address in a new tab: nothing to go back to, so ← opens the list.
    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await fresh.getByRole('button', { name: '返回列表' }).click();
    await expect.poll(() => new URL(fresh.url()).pathname).toBe('/residents');
    await shows(fresh.getByRole('heading', { name: '居民信息' }));

    // The breadcrumb's entry leads back too.
    await crumbs.getByRole('link', { name: '居民信息' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/residents');
    await context.close();
  });

  it('fits 居民信息 to a 1366 px office screen: status in view, the tree folds away, columns can be hidden, and both choices stay', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'chengdong');
    await page.goto(url('/residents'));
    const header = (name: string) => page.getByRole('columnheader', { name, exact: true });
    await shows(header('状态'));
    const inView = async (name: string) => {
      const box = await header(name).first().boundingBox();
      return !!box && box.x >= 0 && box.x + box.width <= 1366;
    };
    // The care groups and the status stay on the right, whatever scrolls between.
    expect(await inView('状态')).toBe(true);
    expect(await inView('关怀类别')).toBe(true);

    await page.getByRole('button', { name: '收起区域树' }).click();
    await shows(page.getByRole('button', { name: '区域' }));
    expect(await inView('住址')).toBe(true);

    await page.getByRole('button', { name: '显示列' }).click();
    await page.getByRole('checkbox', { name: '联系电话' }).uncheck();
    await expect.poll(() => header('联系电话').count()).toBe(0);

    await page.reload();
    await shows(header('状态'));
    expect(await header('联系电话').count()).toBe(0);
    await shows(page.getByRole('button', { name: '区域' }));
    await context.close();
  });

  it('finds a resident from the header on any page and opens them; Enter opens the list', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'chengdong');
    await page.goto(url('/statistics'));
    const search = page.getByRole('combobox', { name: '查找居民' });
    await shows(search);
    // Take a name from the list, then look it up by its initials from another page.
    await page.goto(url('/residents'));
    const name = (await page.getByRole('table').getByRole('link').first().textContent())!.trim();
    await page.goto(url('/statistics'));
    await search.fill(name);
    // antd draws the visible options outside the field (the role=option list is for screen readers only).
    const hit = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first();
    await shows(hit);
    await hit.click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/residents\/[0-9a-f-]{36}$/);
    await shows(page.getByRole('heading', { level: 1 }).filter({ hasText: name }));

    // Enter without choosing opens the list with the text.
    await search.fill(name);
    await search.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(name);
    await context.close();
  });

  it('finds a resident from the header on a phone too: the search button opens the search on top', async () => {
    const { page, context } = await session.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await submitSignIn(page, 'grid-chengdong');
    await shows(page.getByRole('button', { name: '打开菜单' }));
    const first = (await (await page.request.get(url('/api/residents?pageSize=1'))).json()) as { items: { name: string }[] };
    await page.locator('header').getByRole('button', { name: '查找居民' }).click();
    const search = page.getByRole('dialog').getByRole('combobox', { name: '查找居民' });
    await shows(search);
    await search.fill(first.items[0].name);
    await shows(page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: first.items[0].name }));
    // From the phone's keyboard: the first hit, then Enter (a tap on an option still sliding in can miss).
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/residents\/[0-9a-f-]{36}$/);
    await context.close();
  });

  it('keeps the larger-text setting with the account: the page grows at once and stays large in another browser', async () => {
    const bodySize = async (p: import('playwright-core').Page) =>
      p.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.ant-app') ?? document.body).fontSize));
    const { page, context } = await session.newPage();
    await signIn(page, 'chengxi');
    expect(await bodySize(page)).toBe(14);
    await page.getByRole('button', { name: /刘芳/ }).click();
    await page.getByRole('menuitem', { name: '字号' }).hover();
    // The page grows at once; the browser is closed only once the server has kept the setting.
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/preferences') && r.request().method() === 'PUT' && r.ok());
    await page.getByRole('menuitem', { name: '特大' }).click();
    await expect.poll(() => bodySize(page)).toBe(18);
    await saved;
    await context.close();

    // Another browser, the same account: the server kept it.
    const other = await session.newPage();
    await signIn(other.page, 'chengxi');
    await expect.poll(() => bodySize(other.page), { timeout: 15_000 }).toBe(18);
    await other.page.getByRole('button', { name: /刘芳/ }).click();
    await other.page.getByRole('menuitem', { name: '字号' }).hover();
    await other.page.getByRole('menuitem', { name: '标准' }).click();
    await expect.poll(() => bodySize(other.page)).toBe(14);
    await other.context.close();
  });

  it('prints a household card (户卡) on A4, with the toolbar left off the paper', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'chengdong');
    await page.goto(url('/households'));
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('button', { name: /打印户卡/ }).click();
    await shows(page.getByRole('heading', { name: '居民户卡' }));
    const sheet = page.locator('.print-sheet');
    await shows(sheet.getByRole('columnheader', { name: '与户主关系' }));
    expect(await sheet.getByRole('row').count()).toBeGreaterThan(4);
    await shows(sheet.getByText(/打印日期：\d{4}-\d{2}-\d{2}/));
    // On paper only the sheet shows.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await sheet.getByRole('heading', { name: '居民户卡' }).isVisible()).toBe(true);
    await context.close();
  });

  it('prints a building’s households in room order', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'chengdong');
    await page.goto(url('/buildings'));
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('button', { name: /打印住户表/ }).click();
    const sheet = page.locator('.print-sheet');
    await shows(sheet.getByRole('heading', { name: /住户表$/ }));
    await shows(sheet.getByText(/^合计 \d+ 户$/));
    await context.close();
  });

  it('prints 统计报表 without the menu and the header, saying 截至 when', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'chengdong');
    await page.goto(url('/statistics'));
    await shows(page.getByText(/^截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/));
    await shows(page.getByRole('button', { name: /打\s*印/ }));
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: '社区综合服务平台' }).first().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /打\s*印/ }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: '统计报表' }).isVisible()).toBe(true);
    await context.close();
  });
});
