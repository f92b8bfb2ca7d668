import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAuthenticator, codeAt, codeField, codeFor, launch, shows, signIn, signOut, submitSignIn, type Session } from './helpers';

describe('an administrator’s second factor (TOTP)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is set up at the first sign-in, then asked for at every sign-in; a wrong code is refused with the attempts left', async () => {
    const { page, context } = await session.newPage();
    await submitSignIn(page, 'security');
    await page.waitForURL('**/totp-setup');
    await shows(page.getByRole('heading', { name: '绑定动态口令' }));
    await shows(page.getByTestId('totp-secret'));
    await shows(page.locator('.ant-qrcode canvas'));
    // Nothing else opens until the setup is done.
    await page.goto(page.url().replace('/totp-setup', '/audit'));
    await page.waitForURL('**/totp-setup');
    await page.getByTestId('totp-secret').waitFor();

    await codeField(page).fill('12');
    await codeField(page).press('Enter');
    await shows(page.getByText('请输入 6 位数字动态口令'));
    // A code of another time (well outside the ±30 s the server accepts) is refused with the reason.
    await addAuthenticator(page, 'security');
    await codeField(page).fill(codeAt('security', 10));
    await codeField(page).press('Enter');
    await shows(page.getByText('动态口令不正确，请核对手机时间后重试'));

    await codeField(page).fill((await codeFor('security'))!);
    await codeField(page).press('Enter');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('menu').first().waitFor();
    await signOut(page, /安全管理员/);

    await submitSignIn(page, 'security');
    await shows(page.getByText('请打开手机上的身份验证器，输入当前显示的 6 位动态口令'));
    const right = (await codeFor('security'))!;
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    await codeField(page).fill(wrong);
    await codeField(page).press('Enter');
    await shows(page.getByText('动态口令错误或已使用'));
    await shows(page.getByText('还可尝试 4 次，之后账户将被锁定'));
    await codeField(page).fill(right);
    await codeField(page).press('Enter');
    await page.getByRole('menu').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  it('is reset by the system administrator after a lost phone: the account sets it up again', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'admin');
    await page
      .getByRole('navigation')
      .getByRole('menuitem', { name: /账户管理/ })
      .click();
    await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).fill('security');
    await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).press('Enter');
    const row = page.getByRole('row', { name: /security/ });
    await shows(row.getByText('已绑定动态口令'));
    await row.getByRole('button', { name: '重置动态口令' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '重置动态口令' }).click();
    await shows(page.getByText('动态口令已重置'));
    await shows(row.getByText('未绑定动态口令'));
    await signOut(page, /系统管理员/);

    await submitSignIn(page, 'security');
    await page.waitForURL('**/totp-setup');
    await shows(page.getByTestId('totp-secret'));
    await context.close();
  });
});
