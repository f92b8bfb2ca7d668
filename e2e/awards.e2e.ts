/**
 * 以奖代补 as the civil affairs bureau runs it: the demo city's 2026 round is a draft with every community
 * scored; the bureau corrects one inspection score, sees every community's amount and why (the preview),
 * approves the round after a confirmation (the amounts freeze), and records the first payment, which
 * the page lists with its voucher.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launch, shows, signIn, type Session } from './helpers';

const OK = /确\s*定|OK/;
const rowOf = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

describe('以奖代补 (award rounds)', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await launch();
    ({ page } = await session.newPage());
    await signIn(page, 'mzj');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists three 300,000-yuan rounds and opens this year’s draft from the menu', async () => {
    const nav = page.getByRole('navigation');
    const item = nav.getByRole('menuitem', { name: '奖补方案', exact: true });
    if (!(await item.isVisible())) await nav.getByRole('menuitem', { name: /四有建设/ }).click();
    await item.click();
    await page.waitForURL('**/awards');
    await shows(page.getByRole('link', { name: '2025 年度以奖代补' }));
    await shows(page.getByRole('link', { name: '2027 年度以奖代补' }));
    await page.getByRole('link', { name: '2026 年度以奖代补' }).click();
    await shows(page.getByRole('heading', { name: '2026 年度以奖代补' }));
    await shows(page.getByText('合计 300,000.00 元'));
  });

  it('enters an inspection score and shows the new amount and why', async () => {
    await rowOf(page, '城南社区').getByRole('button', { name: '城南社区 修改得分' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '城南社区 考评得分' });
    await dialog.getByLabel('得分（0–100）').fill('59');
    const saved = page.waitForResponse((r) => r.url().includes('/scores/') && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: OK }).click();
    expect((await saved).status()).toBe(200);
    await shows(rowOf(page, '城南社区').getByText('得分 59 低于最低分 60，不予奖补'));
    await shows(page.getByText('合计 300,000.00 元'));
  });

  it('approves the round after a confirmation: the amounts freeze', async () => {
    await page
      .getByRole('button', { name: /审\s*批/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog').filter({ hasText: /确认审批 2026 年度以奖代补方案/ });
    await shows(dialog.getByText(/合计 300,000.00 元/));
    // On a loaded machine the confirm's button can take the click while it is still opening, and the answer
    // can take long: click again only when no request went out, and give the answer time.
    const approved = page.waitForResponse((r) => r.url().endsWith('/approve'), { timeout: 45_000 });
    for (let attempt = 1; ; attempt++) {
      const sent = page
        .waitForRequest((q) => q.url().endsWith('/approve'), { timeout: 5_000 })
        .then(
          () => true,
          () => false,
        );
      await dialog.getByRole('button', { name: /审\s*批/ }).click();
      if ((await sent) || attempt === 3) break;
    }
    expect((await approved).status()).toBe(200);
    await shows(page.getByText('方案已审批，得分和金额已冻结'));
    await shows(page.getByText('已审批', { exact: true }));
    expect(await page.getByRole('button', { name: /修改得分/ }).count()).toBe(0);
  });

  it('records a payment, which the round lists with its voucher', async () => {
    await page.getByRole('button', { name: '登记拨付' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '凭证号' });
    await choose(page, dialog.getByRole('combobox', { name: '社区' }), '城东社区');
    await dialog.getByLabel('凭证号').fill('2026-JB-001');
    const paid = page.waitForResponse((r) => r.url().endsWith('/payments') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: OK }).click();
    expect((await paid).status()).toBe(201);
    await shows(page.getByRole('cell', { name: '2026-JB-001' }));
  });

  it('scores next year’s round item by item: the weighted score comes out of the weights', async () => {
    await page.getByRole('link', { name: '返回方案列表' }).click();
    await page.getByRole('link', { name: '2027 年度以奖代补' }).click();
    await shows(page.getByText(/四有建设（25）/));
    await rowOf(page, '城东社区').getByRole('button', { name: '城东社区 录入得分' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '城东社区 考评得分' });
    for (const item of ['管理有序', '服务完善', '环境优美', '治安良好', '生活便利', '人际关系和谐']) await dialog.getByLabel(item, { exact: true }).fill('90');
    await dialog.getByLabel('四有建设', { exact: true }).fill('70');
    await shows(dialog.getByText('加权总分 85'));
    const saved = page.waitForResponse((r) => r.url().includes('/scores/') && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: OK }).click();
    expect((await saved).status()).toBe(200);
    await shows(rowOf(page, '城东社区').getByRole('cell', { name: '85', exact: true }));
  });
});
