/**
 * The staffing standard and the training cadence: the street office reads them on the cadres' pages; the
 * city bureau changes the ratio to residents in a form and the staffing report follows it; a save made from
 * stale values is refused and the form reloads the latest ones.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, url, type Session } from './helpers';

describe('the cadre settings', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the street office the standard and the cadence read-only', async () => {
    const { page } = await session.newPage();
    await signIn(page, 'street1');
    await page.goto(url('/cadres/staffing'));
    const card = page.locator('.ant-card').filter({ hasText: '配备标准与培训周期（全市）' });
    await shows(card.getByText('每万名居民配备社区工作者'));
    await shows(card.getByText('主任、书记每几年培训一次'));
    expect(await card.getByRole('button', { name: '修改标准' }).count()).toBe(0);
    await page.goto(url('/cadres/training'));
    await shows(page.getByText('其他干部每几年培训一次'));
  });

  it('lets the city bureau change the ratio to residents; the staffing report follows it', async () => {
    const { page }: { page: Page } = await session.newPage();
    await signIn(page, 'mzj');
    await page.goto(url('/cadres/staffing'));
    await shows(page.getByText(/每万人 18 名社区工作者/));
    const save = async (value: string) => {
      await page.getByRole('button', { name: '修改标准' }).click();
      const dialog = page.getByRole('dialog', { name: '修改标准' });
      await dialog.getByLabel('每万名居民配备社区工作者').fill(value);
      const put = page.waitForResponse((r) => r.url().endsWith('/api/cadres/settings') && r.request().method() === 'PUT');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      expect((await put).status()).toBe(200);
    };
    await save('20');
    await shows(page.getByText(/每万人 20 名社区工作者/));
    // Back to the default, for the journeys after this one.
    await save('18');
    await shows(page.getByText(/每万人 18 名社区工作者/));
  });

  it('does not overwrite a save made meanwhile: the form reloads the latest values and says so', async () => {
    const { page }: { page: Page } = await session.newPage();
    await signIn(page, 'mzj');
    await page.goto(url('/cadres/staffing'));
    await page.getByRole('button', { name: '修改标准' }).click();
    const dialog = page.getByRole('dialog', { name: '修改标准' });
    await dialog.getByLabel('每万名居民配备社区工作者').fill('22');
    // Someone else saves first (through the API, at the version both read).
    const { csrfToken } = (await (await page.request.get(url('/api/auth/me'))).json()) as { csrfToken: string };
    const current = (await (await page.request.get(url('/api/cadres/settings'))).json()) as Record<string, number>;
    const other = await page.request.put(url('/api/cadres/settings'), { headers: { 'x-csrf-token': csrfToken }, data: { ...current, police: 4 } });
    expect(other.status()).toBe(200);
    const stale = page.waitForResponse((r) => r.url().endsWith('/api/cadres/settings') && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await stale).status()).toBe(409);
    await shows(dialog.getByRole('alert').filter({ hasText: '标准已被他人修改，表单已刷新为最新内容，请核对后重新保存' }));
    await expect.poll(() => dialog.getByLabel('社区警务人员').inputValue()).toBe('4');
    // Saving again, from the latest version, goes through; then back to the default.
    await dialog.getByLabel('社区警务人员').fill('3');
    await dialog.getByLabel('每万名居民配备社区工作者').fill('18');
    const again = page.waitForResponse((r) => r.url().endsWith('/api/cadres/settings') && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await again).status()).toBe(200);
    await shows(page.getByText(/每万人 18 名社区工作者/));
  });
});
