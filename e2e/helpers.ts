/**
 * Shared pieces of the browser journeys: a fresh headless Chromium per file, pages in Chinese by default,
 * and signing in through the real form. scripts/e2e.mjs provides BASE_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { totpCode, totpStep } from '../server/lib/totp';
import { Authenticator } from '../server/test/authenticator';

/**
 * The server under test. Vitest overwrites process.env.BASE_URL with Vite's base ('/'), so the script
 * also passes E2E_BASE_URL; a BASE_URL that is a full address still counts.
 */
export const BASE_URL = process.env.E2E_BASE_URL || (/^https?:/.test(process.env.BASE_URL ?? '') ? process.env.BASE_URL! : 'http://127.0.0.1:3000');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The demo accounts' password (DEMO_PASSWORD's default). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Shequ@2026';

/** An absolute address on the server under test. */
export const url = (path: string) => new URL(path, BASE_URL).toString();

/** Waits until the element is visible (fails after the default timeout). */
export async function shows(locator: Locator) {
  await locator.first().waitFor({ state: 'visible' });
  return true;
}

/**
 * Picks an option of an antd Select or TreeSelect and waits until the field shows it. antd draws the
 * options outside the form and animates the list open; a click that lands during the animation can miss,
 * so the pick is tried again (up to three times) until the field holds the value.
 */
export async function choose(page: Page, combobox: Locator, option: string, { type = false } = {}) {
  const field = combobox.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt++) {
    if (type) await combobox.fill(option);
    else await combobox.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).first().click();
    try {
      await field.getByTitle(option, { exact: true }).first().waitFor({ state: 'visible', timeout: 2000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
}

export interface Session {
  browser: Browser;
  close: () => Promise<void>;
  /** A new, cookie-less browser context with one page. */
  newPage: (opts?: { locale?: string }) => Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Launches Chromium. Every launch runs on a fresh profile: Playwright passes its own new temporary
 * --user-data-dir to chromium.launch() (it refuses one in args) and deletes it on close.
 */
export async function launch(): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
    newPage: async ({ locale = 'zh-CN' } = {}) => {
      const context = await browser.newContext({ locale, viewport: { width: 1366, height: 860 } });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      return { context, page };
    },
  };
}

/** Fills the sign-in form and presses Enter (the form must submit from the keyboard). */
export async function submitSignIn(page: Page, username: string, password = DEMO_PASSWORD) {
  if (!page.url().includes('/login')) await page.goto(url('/login'));
  await page.getByRole('textbox', { name: /用户名|Username/ }).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByLabel(/^(密码|Password)$/).press('Enter');
}

/**
 * The administrators' authenticator secrets, shared by the journey files of one run (scripts/e2e.mjs puts
 * the file in the run's throw-away data folder).
 */
const PHONES_FILE = process.env.E2E_STATE_FILE || path.join(os.tmpdir(), `shequ-e2e-phones-${new URL(BASE_URL).port}.json`);
type Phones = Record<string, { secret: string; lastStep: number }>;
const readPhones = (): Phones => (fs.existsSync(PHONES_FILE) ? (JSON.parse(fs.readFileSync(PHONES_FILE, 'utf8')) as Phones) : {});

/** The next unused code of an administrator's authenticator (null when it has none yet). */
export async function codeFor(username: string): Promise<string | null> {
  const saved = readPhones()[username];
  if (!saved) return null;
  const phone = new Authenticator(saved.secret);
  phone.lastStep = saved.lastStep;
  const code = await phone.code();
  fs.writeFileSync(PHONES_FILE, JSON.stringify({ ...readPhones(), [username]: { secret: saved.secret, lastStep: phone.lastStep } }));
  return code;
}

/** The code of an administrator's authenticator `steps` time steps from now (a wrong code, for tests). */
export function codeAt(username: string, steps: number): string {
  const saved = readPhones()[username];
  if (!saved) throw new Error(`${username} has no authenticator in this run`);
  return totpCode(saved.secret, totpStep() + steps);
}

/** On the setup page: gives the password again (a session alone cannot enrol a factor) and waits for the key. */
export async function confirmPassword(page: Page, password = DEMO_PASSWORD) {
  const field = page.getByLabel(/^(登录密码|Password)$/);
  await field.fill(password);
  await field.press('Enter');
  await page.getByTestId('totp-secret').waitFor();
}

/** On the setup page: reads the key shown, as a phone would scan it, and remembers it. */
export async function addAuthenticator(page: Page, username: string): Promise<void> {
  const shown = (await page.getByTestId('totp-secret').textContent()) ?? '';
  fs.writeFileSync(PHONES_FILE, JSON.stringify({ ...readPhones(), [username]: { secret: shown.replace(/[^A-Z2-7]/g, ''), lastStep: 0 } }));
}

/** The field for the authenticator code (sign-in and setup pages). */
export const codeField = (page: Page) => page.getByRole('textbox', { name: /^(动态口令|Authenticator code|Code)$/ });

/**
 * Signs in and waits for the signed-in layout (its navigation menu). Administrators (ADMIN_TOTP=required) and
 * the city-wide roles mzj and labour (SENSITIVE_TOTP=required) also give their authenticator code, and set
 * the authenticator up at their first sign-in (the password again, then the key).
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, username, password);
  const menu = page.getByRole('menu').first();
  const setup = page.getByRole('heading', { name: /绑定动态口令|Set up an authenticator/ });
  await menu.or(codeField(page)).or(setup).first().waitFor();
  if (await setup.isVisible()) {
    await confirmPassword(page, password);
    await addAuthenticator(page, username);
  }
  if (await codeField(page).isVisible()) {
    const code = await codeFor(username);
    if (!code) throw new Error(`${username} has an authenticator this run did not set up`);
    await codeField(page).fill(code);
    await codeField(page).press('Enter');
  }
  await menu.waitFor();
}

/** Opens the user menu in the header and chooses 退出登录 / Sign out. */
export async function signOut(page: Page, displayName: RegExp) {
  await page.getByRole('button', { name: displayName }).click();
  await page.getByRole('menuitem', { name: /退出登录|Sign out/ }).click();
  await page.waitForURL('**/login');
}

/** Calls the API as the signed-in page (its cookie), with the CSRF token for writes. */
export async function apiAs(page: Page) {
  const me = await page.request.get(url('/api/auth/me'));
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const write = async <T>(method: 'POST' | 'PATCH', p: string, data: unknown) => {
    const res = await page.request.fetch(url(p), { method, data, headers: { 'x-csrf-token': csrfToken } });
    expect(res.status(), `${method} ${p}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  return {
    get: async <T>(p: string) => {
      const res = await page.request.get(url(p));
      expect(res.status(), p).toBe(200);
      return (await res.json()) as T;
    },
    post: <T>(p: string, data?: unknown) => write<T>('POST', p, data ?? {}),
    patch: <T>(p: string, data: unknown) => write<T>('PATCH', p, data),
  };
}
