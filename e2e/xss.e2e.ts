/**
 * Stored XSS: a community worker saves markup in a resident's name and notes and in a household's
 * address (through the API and through the edit form), then opens every page that shows them. Each
 * payload must appear as literal text, never as an element, and no script may run. The page records CSP
 * violations, alerts and requests for the payload's image, so a payload that became markup and was only
 * stopped by the CSP still fails the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../shared/domain/id-number';
import { apiAs, launch, shows, signIn, url, type Session } from './helpers';

/** Each payload sets window.__xss when it runs. */
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '<svg onload="window.__xss=1"><script>window.__xss=1</script></svg>';
const ADDRESS = `城东路9号"><img src=x onerror="window.__xss=1">`;

interface Evidence {
  /** CSP violations reported in the page. */
  violations: string[];
  /** Alerts, confirms and prompts. */
  dialogs: string[];
  /** Requests for the payload's image (src=x). */
  imageRequests: string[];
}

/** Watches the page for any sign that a payload ran or became markup. */
async function watch(page: Page): Promise<Evidence> {
  const evidence: Evidence = { violations: [], dialogs: [], imageRequests: [] };
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  page.on('dialog', (d) => {
    evidence.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/x')) evidence.imageRequests.push(r.url());
  });
  return evidence;
}

/** Asserts that nothing ran and that no payload became an element on the current page. */
async function assertInert(page: Page, evidence: Evidence, where: string) {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __cspViolations?: string[] };
    return {
      xss: w.__xss,
      violations: w.__cspViolations ?? [],
      handlers: document.querySelectorAll('[onerror], [onload], [onfocus]').length,
      images: document.querySelectorAll('img[src="x"]').length,
      scripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length,
    };
  });
  expect(state.xss, `${where}: window.__xss`).toBeUndefined();
  expect(state.handlers, `${where}: elements with inline event handlers`).toBe(0);
  expect(state.images, `${where}: <img src=x> elements`).toBe(0);
  expect(state.scripts, `${where}: injected <script> elements`).toBe(0);
  expect([...evidence.violations, ...state.violations], `${where}: CSP violations`).toEqual([]);
  expect(evidence.dialogs, `${where}: dialogs`).toEqual([]);
  expect(evidence.imageRequests, `${where}: requests for the payload image`).toEqual([]);
}

describe('stored markup in registry text is shown as text', () => {
  let session: Session;
  let page: Page;
  let evidence: Evidence;
  const householdNumber = `XSS${Date.now()}`;
  let household: { id: string };
  let first: { id: string; idNumber: string };
  let second: { id: string };

  beforeAll(async () => {
    session = await launch();
    ({ page } = await session.newPage());
    evidence = await watch(page);
    await signIn(page, 'chengdong');

    const api = await apiAs(page);
    const { items } = await api.get<{ items: { gridId: string }[] }>('/api/households?pageSize=1');
    expect(items.length).toBe(1);
    household = await api.post<{ id: string }>('/api/households', { gridId: items[0].gridId, address: ADDRESS, householdNumber });
    const birth = `19${60 + Math.floor(Math.random() * 40)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
    const idNumber = makeIdNumber('341881', birth, Math.floor(Math.random() * 999), 'F');
    const created = await api.post<{ id: string; version: number }>('/api/residents', {
      name: IMG,
      idNumber,
      gridId: items[0].gridId,
      householdId: household.id,
      relationToHead: 'head',
      notes: SCRIPT,
    });
    first = { id: created.id, idNumber };
    second = await api.post<{ id: string }>('/api/residents', {
      name: SCRIPT,
      idNumber: makeIdNumber('341881', birth, Math.floor(Math.random() * 999), 'M'),
      gridId: items[0].gridId,
      householdId: household.id,
      relationToHead: 'spouse',
    });
    // Make the first resident the head, so that the household list links to them by name.
    const current = await api.get<{ version: number; headResidentId: string | null }>(`/api/households/${household.id}`);
    if (current.headResidentId !== first.id) await api.patch(`/api/households/${household.id}`, { version: current.version, headResidentId: first.id });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists the resident found by ID suffix with the name as text', async () => {
    await page.goto(url('/residents'));
    await shows(page.getByRole('heading', { name: '居民信息' }));
    const suffix = first.idNumber.slice(-6);
    await page.getByLabel('搜索居民').fill(suffix);
    // The row that links to the resident (the answer's body is not read: a superseded search may be cancelled).
    await shows(page.getByRole('table').locator(`a[href="/residents/${first.id}"]`));

    const link = page.getByRole('table').getByRole('link', { name: IMG, exact: true });
    await shows(link);
    expect(await link.first().textContent()).toBe(IMG);
    await assertInert(page, evidence, 'resident list');
  });

  it('shows the detail page with name, notes and household address as text, and saves markup typed into the form', async () => {
    await page.goto(url(`/residents/${first.id}`));
    const heading = page.getByRole('heading', { level: 1 });
    await shows(heading.filter({ hasText: IMG }));
    await expect(page.getByLabel('姓名').inputValue()).resolves.toBe(IMG);
    await expect(page.getByLabel('备注').inputValue()).resolves.toBe(SCRIPT);
    await assertInert(page, evidence, 'resident detail');

    // Typed through the form, saved, and shown again after a reload.
    await page.getByLabel('备注').fill(SVG);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await shows(page.getByText('已保存'));
    const api = await apiAs(page);
    expect((await api.get<{ notes: string }>(`/api/residents/${first.id}`)).notes).toBe(SVG);
    await page.reload();
    await shows(heading.filter({ hasText: IMG }));
    await expect(page.getByLabel('备注').inputValue()).resolves.toBe(SVG);
    await assertInert(page, evidence, 'resident detail after saving markup');
  });

  it('shows the household tab and the reveal dialog with the text as typed', async () => {
    await page.getByRole('tab', { name: '家庭' }).click();
    await shows(page.getByText(ADDRESS, { exact: true }).filter({ visible: true }));
    await shows(page.getByRole('link', { name: SCRIPT, exact: true }).filter({ visible: true }));
    await assertInert(page, evidence, 'resident household tab');

    // The dialog title interpolates the name into a message.
    await page.getByRole('button', { name: '查看完整身份证号' }).click();
    await page.getByRole('button', { name: '确认查看' }).click();
    await shows(page.getByText(`${IMG} 的完整信息`, { exact: true }).filter({ visible: true }));
    await assertInert(page, evidence, 'reveal dialog');
    await page
      .getByRole('button', { name: /关\s*闭/ })
      .filter({ visible: true })
      .click();
  });

  it('shows the household page and the household list with address and member names as text', async () => {
    await page.goto(url(`/households/${household.id}`));
    await shows(page.getByRole('heading', { level: 1 }).filter({ hasText: ADDRESS }));
    await shows(page.getByRole('link', { name: IMG, exact: true }));
    await shows(page.getByRole('link', { name: SCRIPT, exact: true }));
    expect(await page.getByRole('link', { name: SCRIPT, exact: true }).first().getAttribute('href')).toBe(`/residents/${second.id}`);
    await assertInert(page, evidence, 'household page');

    await page.goto(url('/households'));
    await page.getByLabel('输入地址或户号搜索').fill(householdNumber);
    await page.getByLabel('输入地址或户号搜索').press('Enter');
    const row = page.getByRole('row').filter({ hasText: householdNumber });
    await shows(row.getByRole('link', { name: ADDRESS, exact: true }));
    await shows(row.getByRole('link', { name: IMG, exact: true }));
    await assertInert(page, evidence, 'household list');
  });

  it('notices markup that does reach the page (a control for the checks above)', async () => {
    const { context, page: control } = await session.newPage();
    const seen = await watch(control);
    await control.goto(url('/login'));
    await control.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), IMG);
    // The CSP stops the handler, and the checks still see the element, the violation and the image request.
    await expect
      .poll(() => control.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))
      .toContainEqual(expect.stringMatching(/^script-src/));
    await expect.poll(() => seen.imageRequests.length).toBeGreaterThan(0);
    expect(await control.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await expect(assertInert(control, seen, 'control')).rejects.toThrow(/inline event handlers/);
    await context.close();
  });
});
