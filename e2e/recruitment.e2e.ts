/**
 * 公开招聘: the street office (which runs its communities' cadre teams) opens 城东's recruitment of full-time workers from the cadres' 招聘 tab, reads
 * the ranking of the applicants with the proposed ones during the public notice, and records an objection
 * received during the notice.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, url, type Session } from './helpers';

describe('a recruitment in its public notice (公示)', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await launch();
    ({ page } = await session.newPage());
    await signIn(page, 'street1');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists 城东’s recruitment under 招聘 and opens it with its ranked applicants', async () => {
    await page.goto(url('/cadres'));
    await page.getByRole('tab', { name: '招聘' }).click();
    await page.waitForURL('**/cadres/recruitment');
    const posting = page.getByRole('link', { name: /城东社区公开招聘专职社区工作者/ });
    await posting.first().click();
    await page.waitForURL(/\/cadres\/recruitment\/[0-9a-f-]{36}$/);
    await shows(page.getByRole('heading', { level: 1 }).filter({ hasText: '城东社区公开招聘专职社区工作者' }));
    await shows(page.getByText(/报名人员（8）/));
    // Two are proposed for the two posts; ID numbers are masked.
    expect(await page.getByText('拟录用', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    await shows(page.getByText(/^\d{6}\*+\d{3}[\dX]$/));
  });

  it('records an objection received during the notice, which then waits for its answer', async () => {
    await page.getByRole('button', { name: '登记异议' }).click();
    const dialog = page.getByRole('dialog', { name: '登记异议' });
    await dialog.getByLabel('异议内容').fill('反映某拟录用人员户籍不在本市，请核实。');
    const saved = page.waitForResponse((r) => r.url().includes('/objections') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await saved).status()).toBe(201);
    await shows(page.getByRole('cell', { name: '反映某拟录用人员户籍不在本市，请核实。' }));
  });
});
