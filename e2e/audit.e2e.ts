/**
 * The auditor reads the audit log in words: a community worker reveals a resident's ID number, the auditor
 * finds that entry by typing the Chinese word 查看, opens it in the detail drawer and exports the filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, signOut, url, type Session } from './helpers';

describe('the auditor reads the audit log', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('finds a reveal by the Chinese word 查看 and reads it in the detail drawer', async () => {
    const { page } = await session.newPage();
    await signIn(page, 'chengdong');
    // A reveal to find: the first resident of the worker's list (through the API, as the page would).
    const me = await page.request.get(url('/api/auth/me'));
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const list = (await (await page.request.get(url('/api/residents?pageSize=1'))).json()) as { items: { id: string }[] };
    const reveal = await page.request.post(url(`/api/residents/${list.items[0].id}/reveal`), { headers: { 'x-csrf-token': csrfToken }, data: {} });
    expect(reveal.status()).toBe(200);
    await signOut(page, /张敏/);

    await signIn(page, 'auditor');
    await page
      .getByRole('navigation')
      .getByRole('menuitem', { name: /审计日志/ })
      .click();
    await shows(page.getByRole('heading', { name: '审计日志' }));
    // Actions read as words, not codes.
    await shows(page.getByRole('cell', { name: '登录', exact: true }).first());

    const search = page.getByRole('searchbox', { name: /操作（输入中文或代码/ });
    await search.fill('查看');
    await search.press('Enter');
    const rows = page.getByRole('table').getByRole('row');
    await shows(rows.filter({ hasText: '查看完整身份证号/电话' }).first());
    await expect.poll(async () => (await rows.filter({ hasText: '登录' }).count()) === 0, { timeout: 5000 }).toBe(true);
    // The object reads as its type, the user as the name.
    const first = rows.filter({ hasText: '查看完整身份证号/电话' }).first();
    await shows(first.getByText(/^居民/));
    await shows(first.getByRole('cell', { name: 'chengdong', exact: true }));

    await first.getByRole('button', { name: /查看详情/ }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: /审计记录 #\d+/ });
    await shows(drawer);
    await shows(drawer.getByText('reveal', { exact: false }).first());
    await shows(drawer.getByText('字段', { exact: true }));
    await shows(drawer.getByText('idNumber', { exact: true }));
    await shows(drawer.getByText('成功', { exact: true }));

    // The export link carries the same filter.
    const href = await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    expect(href).toContain(`actionText=${encodeURIComponent('查看')}`);
  });
});
