/**
 * The four haves as a community worker of 城西 sees them: the demo city puts 城西 below the 300 m²
 * standard (240 m² in use, the developer's 560 m² still under construction); the worker opens the 四有
 * page from the menu, drills into 城西, records the hand-over of the new premises, and 有房 turns green.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, type Session } from './helpers';

/** The 城西 row of the four-haves table. */
const qiaoxiRow = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('link', { name: '城西社区', exact: true }) });

describe('the four haves (四有)', () => {
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

  it('shows 城西 below the premises standard, with the reason, on the 四有 page', async () => {
    const nav = page.getByRole('navigation');
    const item = nav.getByRole('menuitem', { name: '四有达标', exact: true });
    if (!(await item.isVisible())) await nav.getByRole('menuitem', { name: /四有建设/ }).click();
    await item.click();
    await page.waitForURL('**/four-haves');
    await shows(page.getByRole('heading', { name: '四有达标情况' }));
    const row = qiaoxiRow(page);
    await shows(row);
    // Only the worker's own community is listed; each of its four colours links to the records behind it.
    expect(await page.getByRole('table').first().locator('tbody tr.ant-table-row').count()).toBe(1);
    await shows(row.getByRole('link', { name: '城西社区 有房（用房）：查看依据' }));
    await shows(row.getByText('240 / 300 m²'));
    await shows(row.getByText(/在用面积 240 m²，低于标准 300 m²/));
    await shows(row.getByText(/在建或规划中 560 m²/));
  });

  it('turns 有房 green after the new premises are handed over', async () => {
    await qiaoxiRow(page).getByRole('link', { name: '城西社区', exact: true }).click();
    await shows(page.getByRole('heading', { name: /城西社区/ }));
    const premises = page.getByRole('row').filter({ hasText: '城西新区配建社区用房' });
    await shows(premises.getByText('在建'));
    await premises.getByRole('button', { name: '移交投入使用' }).click();
    // antd's confirm also keeps a hidden copy of its title (the dialog's accessible name): find the dialog by it.
    const dialog = page.getByRole('dialog').filter({ hasText: /确认“城西新区配建社区用房”已移交并投入使用/ });
    await shows(dialog.getByRole('button', { name: /确\s*定|OK/ }));
    const saved = page.waitForResponse((r) => r.url().includes('/api/premises/') && r.request().method() === 'PATCH');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await saved).status()).toBe(200);
    await shows(premises.getByText('已投入使用'));

    // Back along the breadcrumb.
    await page.locator('.ant-breadcrumb').getByRole('link', { name: '四有达标' }).click();
    await page.waitForURL('**/four-haves');
    const row = qiaoxiRow(page);
    await shows(row.getByText('800 / 300 m²'));
    await shows(row.getByText(/在用面积 800 m²，达到标准 300 m²/));
    const premisesCell = row.getByRole('cell').nth(3);
    await shows(premisesCell.getByText('达标', { exact: true }));
  });
});
