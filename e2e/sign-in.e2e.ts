import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shows, signIn, signOut, submitSignIn, url, type Session } from './helpers';

describe('signing in', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a community worker the registry menu, switches to English and signs out', async () => {
    const { page, context } = await session.newPage();
    await page.goto(url('/'));
    await page.waitForURL('**/login');
    await expect(page.title()).resolves.toBe('社区综合服务平台');

    await signIn(page, 'chengdong');
    const nav = page.getByRole('navigation');
    await shows(nav.getByRole('menuitem', { name: '工作台' }));
    await shows(nav.getByRole('menuitem', { name: /人口管理/ }));
    await shows(page.getByRole('heading', { name: /城东社区 张敏/ }));
    expect(await nav.getByRole('menuitem', { name: /账户管理/ }).count()).toBe(0);
    expect(await nav.getByRole('menuitem', { name: /审计日志/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'English' }).click();
    await shows(nav.getByRole('menuitem', { name: 'Dashboard' }));
    await shows(nav.getByRole('menuitem', { name: /Residents/ }));
    expect(await nav.getByRole('menuitem', { name: '工作台' }).count()).toBe(0);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');

    await signOut(page, /张敏/);
    await shows(page.getByRole('button', { name: 'Sign in' }));
    // The choice of language is remembered; switch back for the next journey.
    await page.getByRole('button', { name: '中文' }).click();
    await shows(page.getByRole('button', { name: /登\s*录/ }));
    await context.close();
  });

  it('shows the system administrator the accounts page but not the registry', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'admin');
    const nav = page.getByRole('navigation');
    await shows(nav.getByRole('menuitem', { name: /账户管理/ }));
    expect(await nav.getByRole('menuitem', { name: /人口管理/ }).count()).toBe(0);

    await nav.getByRole('menuitem', { name: /账户管理/ }).click();
    await page.waitForURL('**/accounts');
    await shows(page.getByRole('heading', { name: '账户管理' }));
    await shows(page.getByRole('cell', { name: 'chengdong', exact: true }));

    // A page the role may not open shows 403 rather than the page.
    await page.goto(url('/residents'));
    await shows(page.getByText('无权访问'));
    await context.close();
  });

  it('shows the server message and the lockout rule for a wrong password, the same for an unknown user', async () => {
    const { page, context } = await session.newPage();
    for (const username of ['street1', 'no-such-user']) {
      await submitSignIn(page, username, 'not-the-password');
      const alert = page.getByRole('alert');
      await shows(alert.getByText('用户名或密码错误'));
      await shows(alert.getByText('连续输错 5 次，账户将锁定 15 分钟；锁定期间无法登录'));
      expect(await alert.getByText(/还可尝试/).count()).toBe(0);
      await page
        .getByRole('button', { name: /登\s*录/ })
        .and(page.locator(':not(.ant-btn-loading)'))
        .waitFor();
    }
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('locks the account at the fifth wrong attempt: even the right password then gets the same answer, and the administrator sees the lock', async () => {
    const { page, context } = await session.newPage();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await submitSignIn(page, 'labour', `wrong-${attempt}`);
      await shows(page.getByRole('alert').getByText('用户名或密码错误'));
      // Wait for the request to finish before the next one (the button leaves its loading state).
      await page
        .getByRole('button', { name: /登\s*录/ })
        .and(page.locator(':not(.ant-btn-loading)'))
        .waitFor();
    }
    await submitSignIn(page, 'labour', 'Shequ@2026');
    await shows(page.getByRole('alert').getByText('用户名或密码错误'));
    expect(page.url()).toContain('/login');

    await signIn(page, 'admin');
    await page
      .getByRole('navigation')
      .getByRole('menuitem', { name: /账户管理/ })
      .click();
    await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).fill('labour');
    await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).press('Enter');
    await shows(page.getByRole('row', { name: /labour/ }).getByText('已锁定'));
    await context.close();
  });
});
