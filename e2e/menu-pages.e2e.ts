/**
 * Every menu entry of every role opens a page that renders: a Chinese title (the page's h1 and the browser
 * tab), no console error and no failed API call. Office roles at 1366×768 through the side menu (the worker,
 * the grid worker and the resident at 1440×900, the other size their journeys are checked at); the
 * people who work on foot and the resident also on a 390×844 phone through the drawer, where no page may
 * be wider than the screen.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, signIn, submitSignIn, type Session } from './helpers';

const CJK = /[\u4e00-\u9fff]/;

/** Opens every closed group of the menu, then returns its entries (leaves). */
async function leavesOf(nav: Locator): Promise<Locator> {
  for (;;) {
    const closed = nav.locator('.ant-menu-submenu-title[aria-expanded="false"]');
    if ((await closed.count()) === 0) break;
    await closed.first().click();
  }
  return nav.locator('li.ant-menu-item');
}

/** Waits until the page after a menu click has its title and no spinner left. */
async function settled(page: Page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

interface Visit {
  entry: string;
  path: string;
  h1: string;
  tab: string;
  overflow: number;
}

/** Signs in at the given size and visits every menu entry, returning what each showed and any problem seen. */
async function visitEveryEntry(session: Session, username: string, size: { width: number; height: number }) {
  const { context, page } = await session.newPage();
  await page.setViewportSize(size);
  const problems: string[] = [];
  const phone = size.width < 768;
  const visits: Visit[] = [];
  try {
    // On a phone the menu is in a drawer: signed in is when its button shows (no administrator works on foot).
    if (phone) await (await submitSignIn(page, username), page.getByRole('button', { name: '打开菜单' })).waitFor();
    else await signIn(page, username);
    // Watched from here: signing in with a second factor answers 401 to the first try by design. The landing
    // page is loaded again under watch.
    page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('response', (r) => r.url().includes('/api/') && r.status() >= 500 && problems.push(`${r.status()} ${r.url()}`));
    await page.reload();
    await settled(page);
    const openMenu = async () => {
      if (!phone) return page.getByRole('navigation').first();
      await page.getByRole('button', { name: '打开菜单' }).click();
      return page.getByRole('dialog').getByRole('navigation');
    };
    const count = await (await leavesOf(await openMenu())).count();
    if (phone) await page.keyboard.press('Escape');
    for (let i = 0; i < count; i++) {
      const leaf = (await leavesOf(await openMenu())).nth(i);
      const entry = (await leaf.innerText()).trim();
      // antd keys a menu item's element by its route: "rc-menu-uuid-…-/residents".
      const id = (await leaf.getAttribute('data-menu-id')) ?? '';
      const key = id.slice(id.indexOf('-/') + 1);
      await leaf.click();
      await page.waitForURL((u) => u.pathname === key);
      if (phone) await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await settled(page);
      visits.push({
        entry,
        path: new URL(page.url()).pathname,
        h1: (await page.getByRole('heading', { level: 1 }).first().innerText()).trim(),
        tab: await page.title(),
        overflow: await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      });
    }
  } finally {
    await context.close();
  }
  return { visits, problems };
}

describe('every menu entry of every role', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  const ON_FOOT = ['chengdong', 'grid-chengdong', 'resident'];
  const OFFICE = ['admin', 'security', 'auditor', 'mzj', 'labour', 'street1', 'chengdong', 'grid-chengdong', 'police-chengdong', 'resident'];
  for (const username of OFFICE) {
    const size = ON_FOOT.includes(username) ? { width: 1440, height: 900 } : { width: 1366, height: 768 };
    it(`renders for ${username} at ${size.width}×${size.height} with a Chinese title and no error`, async () => {
      const { visits, problems } = await visitEveryEntry(session, username, size);
      expect(visits.length).toBeGreaterThan(0);
      expect(visits.filter((v) => !CJK.test(v.h1) || !CJK.test(v.tab)).map((v) => `${v.entry} (${v.path}): ${v.h1} / ${v.tab}`)).toEqual([]);
      // Each entry led somewhere of its own.
      expect(new Set(visits.map((v) => v.path)).size).toBe(visits.length);
      expect(problems).toEqual([]);
    });
  }

  for (const username of ON_FOOT) {
    it(`renders for ${username} on a 390×844 phone, no page wider than the screen`, async () => {
      const { visits, problems } = await visitEveryEntry(session, username, { width: 390, height: 844 });
      expect(visits.length).toBeGreaterThan(0);
      expect(visits.filter((v) => !CJK.test(v.h1)).map((v) => `${v.entry} (${v.path}): ${v.h1}`)).toEqual([]);
      expect(visits.filter((v) => v.overflow > 0).map((v) => `${v.entry} (${v.path}) is ${v.overflow} px wider than the phone`)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});
