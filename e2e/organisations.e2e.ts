/**
 * A community worker registers a culture team, adds a resident of the community as its member, edits the
 * team's phone, and finds the team in the organisation list filtered by type, with one member.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launch, shows, signIn, url, type Session } from './helpers';

describe('the organisations of a community', () => {
  let session: Session;
  let page: Page;
  const teamName = `城东夕阳红合唱团${Date.now() % 100_000}`;

  beforeAll(async () => {
    session = await launch();
    ({ page } = await session.newPage());
    await signIn(page, 'chengdong');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('adds a culture team with a member and sees it in the list', async () => {
    // A resident of 城东 to add, found through the API as the page would.
    const res = await page.request.get(url('/api/residents?pageSize=20&sort=name'));
    expect(res.status()).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; name: string }[] };
    const resident = items.find((r) => r.name.length >= 2)!;

    const nav = page.getByRole('navigation');
    const entry = nav.getByRole('menuitem', { name: '社区组织', exact: true });
    if (!(await entry.isVisible())) await nav.getByRole('menuitem', { name: /组织与队伍/ }).click();
    await entry.click();
    await page.waitForURL('**/organisations');
    await shows(page.getByRole('heading', { name: '社区组织' }));

    await page.getByRole('button', { name: '登记组织' }).click();
    const drawer = page.getByRole('dialog');
    await choose(page, drawer.getByRole('combobox', { name: '组织类型' }), '文化队伍');
    await drawer.getByRole('textbox', { name: '名称' }).fill(teamName);
    await drawer.getByRole('textbox', { name: '负责人/联系人' }).fill('王桂兰');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();

    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    await shows(page.getByRole('heading', { name: new RegExp(teamName) }));

    await page.getByRole('button', { name: '增加成员' }).click();
    const modal = page.getByRole('dialog');
    const search = page.waitForResponse((r) => r.url().includes('/api/residents?') && new URL(r.url()).searchParams.get('q') === resident.name);
    await modal.getByRole('combobox', { name: '居民（在册）' }).fill(resident.name);
    await search;
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: resident.name }).first().click();
    const added = page.waitForResponse((r) => r.url().includes('/members') && r.request().method() === 'POST');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    expect((await added).status()).toBe(201);
    await shows(page.getByRole('link', { name: resident.name, exact: true }));

    // The organisation's facts are edited in the same fields, prefilled.
    await page.getByRole('button', { name: /修\s*改/ }).click();
    const edit = page.getByRole('dialog', { name: `修改组织：${teamName}` });
    await expect(edit.getByRole('textbox', { name: '负责人/联系人' }).inputValue()).resolves.toBe('王桂兰');
    await edit.getByRole('textbox', { name: '联系电话' }).fill('13800138000');
    const patched = page.waitForResponse((r) => r.url().includes('/api/organisations/') && r.request().method() === 'PATCH');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    expect((await patched).status()).toBe(200);
    await shows(page.getByText('13800138000'));

    await page.getByRole('link', { name: '返回列表' }).click();
    await page.waitForURL('**/organisations');
    await choose(page, page.getByRole('combobox', { name: '组织类型' }), '文化队伍');
    await page.getByLabel('输入组织名称、负责人或地址搜索').fill(teamName);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: teamName, exact: true }) });
    await shows(row);
    await expect(row.getByRole('cell', { name: '城东社区' }).count()).resolves.toBe(1);
    await expect(row.getByRole('cell', { name: '1', exact: true }).count()).resolves.toBe(1);
  });
});
