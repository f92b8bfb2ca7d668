import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAuthenticator, codeAt, codeField, codeFor, confirmPassword, launch, shows, signIn, signOut, submitSignIn, type Session } from './helpers';

describe('the second factor (TOTP) of administrators and city-wide roles', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is set up by the civil affairs bureau at the first sign-in (password again), then asked for at every sign-in; a wrong code is refused with the attempts left', async () => {
    const { page, context } = await session.newPage();
    await submitSignIn(page, 'mzj');
    await page.waitForURL('**/totp-setup');
    await shows(page.getByRole('heading', { name: '绑定动态口令' }));
    // The password again before any key is shown; a wrong one is refused with the attempts left.
    await page.getByLabel('登录密码').fill('Wrong#2026x');
    await page.getByLabel('登录密码').press('Enter');
    await shows(page.getByText(/密码不正确|原密码不正确/));
    await shows(page.getByText('还可尝试 4 次，之后账户将被锁定'));
    expect(await page.getByTestId('totp-secret').count()).toBe(0);
    await confirmPassword(page);
    await shows(page.locator('.ant-qrcode canvas'));
    // Nothing else opens until the setup is done.
    await page.goto(page.url().replace('/totp-setup', '/audit'));
    await page.waitForURL('**/totp-setup');
    await confirmPassword(page);

    await codeField(page).fill('12');
    await codeField(page).press('Enter');
    await shows(page.getByText('请输入 6 位数字动态口令'));
    // A code of another time (well outside the ±30 s the server accepts) is refused with the reason.
    await addAuthenticator(page, 'mzj');
    await codeField(page).fill(codeAt('mzj', 10));
    await codeField(page).press('Enter');
    await shows(page.getByText('动态口令不正确，请核对手机时间后重试'));

    await codeField(page).fill((await codeFor('mzj'))!);
    await codeField(page).press('Enter');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('menu').first().waitFor();
    await signOut(page, /王科长/);

    await submitSignIn(page, 'mzj');
    await shows(page.getByText('请打开手机上的身份验证器，输入当前显示的 6 位动态口令'));
    const right = (await codeFor('mzj'))!;
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

  it('is reset by the system administrator after a lost phone, but not for another administrator', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'admin');
    await page
      .getByRole('navigation')
      .getByRole('menuitem', { name: /账户管理/ })
      .click();
    const search = page.getByRole('searchbox', { name: '搜索用户名或姓名' });
    // Another administrator's account is not changed here (三员).
    await search.fill('auditor');
    await search.press('Enter');
    const auditor = page.getByRole('row', { name: /auditor/ });
    await shows(auditor.getByText('管理员账户不能在此修改'));
    expect(await auditor.getByRole('button', { name: /重置/ }).count()).toBe(0);

    await search.fill('mzj');
    await search.press('Enter');
    const row = page.getByRole('row', { name: /mzj/ });
    await shows(row.getByText('已绑定动态口令'));
    await row.getByRole('button', { name: '重置动态口令' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '重置动态口令' }).click();
    await shows(page.getByText('动态口令已重置'));
    await shows(row.getByText('未绑定动态口令'));
    await signOut(page, /系统管理员/);

    // The reset sent mzj's city-wide grant back to the security administrator: whoever signs in now as mzj
    // reads nobody until it is approved again (三员), and only then sets up the new phone.
    await signIn(page, 'mzj');
    expect(
      await page
        .getByRole('navigation')
        .getByRole('menuitem', { name: /人口管理/ })
        .count(),
    ).toBe(0);
    await signOut(page, /王科长/);
    await signIn(page, 'security');
    await page
      .getByRole('navigation')
      .getByRole('menuitem', { name: /授权审批/ })
      .click();
    const pending = page.getByRole('row', { name: /mzj/ });
    await pending.getByRole('button', { name: /批\s*准/ }).click();
    await shows(page.getByText('已批准，授权即时生效'));
    await signOut(page, /安全管理员/);

    await submitSignIn(page, 'mzj');
    await page.waitForURL('**/totp-setup');
    await confirmPassword(page);
    await context.close();
  });
});
