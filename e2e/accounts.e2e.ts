import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launch, shows, signIn, signOut, submitSignIn, type Session } from './helpers';

describe('an administrator creates an account', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('creates a community worker, who must choose a new password before anything else and sees no register until the grant is approved', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'admin');
    await page
      .getByRole('navigation')
      .getByRole('menuitem', { name: /账户管理/ })
      .click();
    await shows(page.getByRole('heading', { name: '账户管理' }));

    await page.getByRole('button', { name: /新建账户/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建账户' });
    await dialog.getByRole('textbox', { name: /用户名/ }).fill('e2e-worker');
    await dialog.getByRole('textbox', { name: '姓名' }).fill('端到端 测试员');
    // A weak password is refused in the form, before any request.
    await dialog.getByLabel('初始密码').fill('weak');
    await shows(dialog.getByText('密码至少 8 位'));
    await dialog.getByLabel('初始密码').fill('Temp#2026x');
    await choose(page, dialog.getByRole('combobox', { name: '角色 1' }), '社区工作者');
    await choose(page, dialog.getByRole('combobox', { name: '区域 1' }), '城东社区', { type: true });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await shows(page.getByText('账户已创建'));
    await shows(page.getByRole('cell', { name: 'e2e-worker', exact: true }));
    const row = page.getByRole('row', { name: /e2e-worker/ });
    await shows(row.getByText('待改密'));
    // A worker reads personal data: the grant waits for the security administrator (三员).
    await shows(row.getByText('待审批'));

    // Searching narrows the list to the new account.
    await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).fill('e2e');
    await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).press('Enter');
    await shows(page.getByText('共 1 条'));

    await signOut(page, /系统管理员/);

    await submitSignIn(page, 'e2e-worker', 'Temp#2026x');
    await page.waitForURL('**/change-password');
    await shows(page.getByText('首次登录、密码已被重置或已超过有效期，请先设置新密码'));
    await page.getByLabel('原密码').fill('Temp#2026x');
    await page.getByLabel('新密码', { exact: true }).fill('Mine#2026y');
    await page.getByLabel('确认新密码').fill('Mine#2026y');
    await page.getByLabel('确认新密码').press('Enter');
    await page.waitForURL((u) => u.pathname === '/');
    await shows(page.getByRole('heading', { name: /端到端 测试员/ }));
    expect(
      await page
        .getByRole('navigation')
        .getByRole('menuitem', { name: /人口管理/ })
        .count(),
    ).toBe(0);
    await signOut(page, /端到端 测试员/);

    // The security administrator approves the grant.
    await signIn(page, 'security');
    await page
      .getByRole('navigation')
      .getByRole('menuitem', { name: /授权审批/ })
      .click();
    await shows(page.getByRole('heading', { name: '授权审批' }));
    const pending = page.getByRole('row', { name: /e2e-worker/ });
    await shows(pending.getByText(/社区工作者 · 城东社区/));
    await shows(pending.getByRole('cell', { name: 'admin', exact: true }));
    await pending.getByRole('button', { name: /批\s*准/ }).click();
    await shows(page.getByText('已批准，授权即时生效'));
    await shows(page.getByText('没有待审批的授权'));
    await signOut(page, /安全管理员/);

    await signIn(page, 'e2e-worker', 'Mine#2026y');
    await shows(page.getByRole('navigation').getByRole('menuitem', { name: /人口管理/ }));
    expect(
      await page
        .getByRole('navigation')
        .getByRole('menuitem', { name: /账户管理/ })
        .count(),
    ).toBe(0);
    await context.close();
  });

  it('lets the audit administrator find the creation in the audit log and verify the chain', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'auditor');
    await page
      .getByRole('navigation')
      .getByRole('menuitem', { name: /审计日志/ })
      .click();
    await shows(page.getByRole('heading', { name: '审计日志' }));
    // Actions show as words; the code stays in the cell's title.
    await page.getByRole('searchbox', { name: '用户名' }).fill('admin');
    await page.getByRole('searchbox', { name: '用户名' }).press('Enter');
    await shows(page.getByRole('cell', { name: '新建账户' }).first());
    await shows(page.locator('span[title="accounts.create"]').first());

    await page.getByRole('button', { name: /校验审计链/ }).click();
    await shows(page.getByRole('alert').getByText(/审计链完整：已校验 \d+ 条/));
    await context.close();
  });

  it('lets the administrator correct an account’s name', async () => {
    const { page, context } = await session.newPage();
    await signIn(page, 'admin');
    await page
      .getByRole('navigation')
      .getByRole('menuitem', { name: /账户管理/ })
      .click();
    const row = page.getByRole('row', { name: /e2e-worker/ });
    await row.getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑账户 e2e-worker' });
    await shows(dialog.getByRole('textbox', { name: /用户名/ }));
    expect(await dialog.getByRole('textbox', { name: /用户名/ }).isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: '姓名' }).fill('端到端 改名员');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await shows(page.getByRole('cell', { name: '端到端 改名员', exact: true }));
    // The grant was not sent again: it stays approved (no 待审批).
    expect(
      await page
        .getByRole('row', { name: /e2e-worker/ })
        .getByText('待审批')
        .count(),
    ).toBe(0);
    await context.close();
  });
});
