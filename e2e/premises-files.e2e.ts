/**
 * A photo of premises, as a community worker of 城西 adds one: the 四有 page shows the status map, the
 * worker opens 城西, uploads a photo to its activity rooms and sees it among the thumbnails; a file whose
 * content is not a photo or document is refused with the reason; the photo is deleted after confirmation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, type Session } from './helpers';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('photos and documents of premises', () => {
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

  it('shows the 四有 map coloured by the chosen have', async () => {
    const nav = page.getByRole('navigation');
    const item = nav.getByRole('menuitem', { name: '四有达标', exact: true });
    if (!(await item.isVisible())) await nav.getByRole('menuitem', { name: /四有建设/ }).click();
    await item.click();
    await page.waitForURL('**/four-haves');
    await shows(page.getByRole('img', { name: '各社区有房（用房）达标情况地图' }));
    await page.getByRole('radiogroup', { name: '按哪一项着色' }).getByText('有章（制度）').click();
    await shows(page.getByRole('img', { name: '各社区有章（制度）达标情况地图' }));
  });

  it('uploads a photo to a premises row and lists it; refuses a file that is not one', async () => {
    await page.getByRole('table').getByRole('link', { name: '城西社区', exact: true }).click();
    await shows(page.getByRole('heading', { name: /城西社区/ }));
    const row = page.getByRole('row').filter({ hasText: '城西新区配建社区用房' });
    await row.getByRole('button', { name: '照片与文件' }).click();
    const files = page.getByRole('region', { name: '城西新区配建社区用房 的照片与文件' });
    await shows(files.getByText('尚无照片或文件'));

    const saved = page.waitForResponse((r) => r.url().includes('/files') && r.request().method() === 'POST');
    await files.locator('input[type=file]').setInputFiles({ name: '活动室外景.png', mimeType: 'image/png', buffer: PNG });
    expect((await saved).status()).toBe(201);
    await shows(files.getByRole('img', { name: '活动室外景.png' }));
    await shows(files.getByText('活动室外景.png'));

    const refused = page.waitForResponse((r) => r.url().includes('/files') && r.request().method() === 'POST');
    await files.locator('input[type=file]').setInputFiles({ name: '伪装照片.png', mimeType: 'image/png', buffer: Buffer.from('<html>not a photo</html>') });
    expect((await refused).status()).toBe(400);
    await shows(files.getByText(/文件内容不是允许的类型/));
  });

  it('deletes the photo after confirmation', async () => {
    const files = page.getByRole('region', { name: '城西新区配建社区用房 的照片与文件' });
    await files.getByRole('button', { name: '删除 活动室外景.png' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: /确定删除 活动室外景.png/ });
    const gone = page.waitForResponse((r) => r.url().includes('/api/premises-files/') && r.request().method() === 'DELETE');
    await dialog.getByRole('button', { name: /删\s*除/ }).click();
    expect((await gone).status()).toBe(200);
    await shows(files.getByText('尚无照片或文件'));
  });
});
