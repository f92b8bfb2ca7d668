/**
 * The population registry as a community worker uses it: search by pinyin initials, open a resident,
 * edit and save, meet someone else's edit (409) without losing what was typed, and import a spreadsheet
 * with one good and one bad row, then download the row report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigit, makeIdNumber } from '../shared/domain/id-number';
import { IMPORT_COLUMNS } from '../shared/domain/resident-row';
import { nameColumns } from '../server/lib/pinyin';
import { launch, shows, signIn, url, type Session } from './helpers';

interface Row {
  id: string;
  name: string;
}

/** Calls the API as the signed-in page (its cookie), with the CSRF token for writes. */
async function apiAs(page: Page) {
  const me = await page.request.get(url('/api/auth/me'));
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  return {
    get: async <T>(p: string) => {
      const res = await page.request.get(url(p));
      expect(res.status(), p).toBe(200);
      return (await res.json()) as T;
    },
    patch: (p: string, data: unknown) => page.request.patch(url(p), { data, headers: { 'x-csrf-token': csrfToken } }),
  };
}

/** Opens a page of the 人口管理 group from the side menu (opening the group first when it is closed). */
async function openFromMenu(page: Page, name: string) {
  const nav = page.getByRole('navigation');
  const item = nav.getByRole('menuitem', { name, exact: true });
  if (!(await item.isVisible())) await nav.getByRole('menuitem', { name: /人口管理/ }).click();
  await item.click();
}

describe('the population registry', () => {
  let session: Session;
  let page: Page;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-registry-e2e-'));
  /** The resident found by the search, edited by the later journeys. */
  let picked: Row;

  beforeAll(async () => {
    session = await launch();
    ({ page } = await session.newPage());
    await signIn(page, 'chengdong');
  });
  afterAll(async () => {
    await session?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('finds residents by their pinyin initials', async () => {
    const api = await apiAs(page);
    // An existing resident's initials (e.g. wxm), so that the search has something to find.
    const some = await api.get<{ items: Row[] }>('/api/residents?pageSize=50');
    const target = some.items.find((r) => nameColumns(r.name).nameInitials.length >= 2) ?? some.items[0];
    const initials = nameColumns(target.name).nameInitials;

    await openFromMenu(page, '居民信息');
    await page.waitForURL('**/residents');
    await shows(page.getByRole('heading', { name: '居民信息' }));
    const answer = page.waitForResponse((r) => r.url().includes('/api/residents?') && new URL(r.url()).searchParams.get('q') === initials);
    await page.getByLabel('搜索居民').fill(initials);
    const found = (await (await answer).json()) as { items: Row[]; total: number };

    expect(found.total).toBeGreaterThan(0);
    for (const r of found.items) expect(nameColumns(r.name).nameInitials.startsWith(initials), r.name).toBe(true);
    const table = page.getByRole('table');
    await shows(table.getByRole('link', { name: target.name, exact: true }));
    // Every name shown is one the server matched.
    const shown = await table.getByRole('link').allTextContents();
    expect(shown.length).toBe(Math.min(found.items.length, 20));
    for (const name of shown) expect(nameColumns(name).nameInitials.startsWith(initials), name).toBe(true);
    expect(page.url()).toContain(`q=${initials}`);
    picked = target;
  });

  it('opens a resident, edits a field and saves it', async () => {
    await page.getByRole('table').getByRole('link', { name: picked.name, exact: true }).first().click();
    await page.waitForURL(/\/residents\/[0-9a-f-]{36}$/);
    picked = { ...picked, id: page.url().split('/').pop()! };
    await shows(page.getByRole('heading', { name: new RegExp(picked.name) }));
    await shows(page.getByRole('tab', { name: '基本信息' }));

    const api = await apiAs(page);
    const before = await api.get<{ version: number }>(`/api/residents/${picked.id}`);
    const note = `e2e 编辑 ${Date.now()}`;
    await page.getByLabel('备注').fill(note);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await shows(page.getByText('已保存'));

    const after = await api.get<{ version: number; notes: string | null }>(`/api/residents/${picked.id}`);
    expect(after.notes).toBe(note);
    expect(after.version).toBe(before.version + 1);
  });

  it('says someone else changed the record, keeps what was typed, and saves after reloading', async () => {
    await page.reload();
    await shows(page.getByRole('tab', { name: '基本信息' }));
    const api = await apiAs(page);
    const current = await api.get<{ version: number }>(`/api/residents/${picked.id}`);

    // Another worker saves the same resident with the version this page also holds.
    const other = await api.patch(`/api/residents/${picked.id}`, { version: current.version, ethnicity: '回族' });
    expect(other.status()).toBe(200);

    const mine = `e2e 我的修改 ${Date.now()}`;
    await page.getByLabel('备注').fill(mine);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: '该记录已被他人修改' });
    await shows(alert);
    // Nothing typed is lost.
    await expect(page.getByLabel('备注').inputValue()).resolves.toBe(mine);

    await alert.getByRole('button', { name: /重新加载/ }).click();
    await shows(page.getByText(/已加载最新版本/));
    await expect(page.getByLabel('备注').inputValue()).resolves.toBe(mine);
    await expect(page.getByLabel('民族').inputValue()).resolves.toBe('回族');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await shows(page.getByText('已保存'));

    const saved = await api.get<{ version: number; notes: string | null; ethnicity: string }>(`/api/residents/${picked.id}`);
    expect(saved.notes).toBe(mine);
    expect(saved.ethnicity).toBe('回族');
    expect(saved.version).toBe(current.version + 2);
  });

  it('imports one good and one bad row and downloads the error report with its 错误 column', async () => {
    const good = makeIdNumber(
      '341881',
      `195${Math.floor(Math.random() * 10)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
      700 + Math.floor(Math.random() * 290),
      'F',
    );
    const first17 = makeIdNumber('341881', '1988-08-08', 123, 'M').slice(0, 17);
    const wrongCheck = checkDigit(first17) === '1' ? '2' : '1';
    const bad = first17 + wrongCheck;

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('居民信息');
    ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
    const row = (values: Partial<Record<(typeof IMPORT_COLUMNS)[number]['header'], string>>) => IMPORT_COLUMNS.map((c) => values[c.header] ?? '');
    ws.addRow(row({ 姓名: '端到端甲', 身份证号: good, 网格: '第1网格', 住址: '环城东路8号和谐苑9栋1单元101室', 与户主关系: '户主' }));
    ws.addRow(row({ 姓名: '端到端乙', 身份证号: bad, 网格: '第1网格' }));
    const file = path.join(tmp, '居民导入-e2e.xlsx');
    await wb.xlsx.writeFile(file);

    await openFromMenu(page, '数据导入');
    await page.waitForURL('**/imports');
    await shows(page.getByRole('heading', { name: '数据导入' }));
    await page.locator('input[type=file]').setInputFiles(file);

    await shows(page.getByText('导入完成'));
    const result = page.locator('.ant-card').filter({ hasText: '导入结果' });
    await shows(result.getByRole('cell', { name: '身份证号' }));
    await shows(result.getByText(/校验位/));
    const api = await apiAs(page);
    const jobs = await api.get<{ items: { fileName: string; created: number; updated: number; unchanged: number; failed: number }[] }>('/api/imports');
    const job = jobs.items.find((j) => j.fileName === '居民导入-e2e.xlsx')!;
    expect(job.created + job.updated + job.unchanged).toBe(1);
    expect(job.failed).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('link', { name: /下载错误报告/ }).click()]);
    const saved = path.join(tmp, 'report.xlsx');
    await download.saveAs(saved);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(saved);
    const sheet = report.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    expect(header).toContain('错误');
    expect(header).toContain('身份证号');
    const errorCol = header.indexOf('错误');
    const idCol = header.indexOf('身份证号');
    const rows: { id: string; error: string }[] = [];
    sheet.eachRow((r, n) => n > 1 && rows.push({ id: String(r.getCell(idCol).value ?? ''), error: String(r.getCell(errorCol).value ?? '') }));
    const badRow = rows.find((r) => r.id === bad);
    expect(badRow?.error).toMatch(/校验位/);
  });
});
