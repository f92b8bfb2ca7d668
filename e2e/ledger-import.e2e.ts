/**
 * A community worker imports the ledger they actually keep: a merged title row and a 填报 line above the
 * header, their own column names (公民身份号码, 现居住地址, 人员类别 …), a column the system does not know
 * and no 网格 column. The page asks about the unknown column beside the system's fields, previews the
 * rows as they will be stored, imports them into the default grid, and the care groups of 人员类别 show
 * on the residents.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../shared/domain/id-number';
import { launch, shows, signIn, type Session } from './helpers';

/** Picks 城东第1网格 in the default-grid drop-down (antd renders the visible options apart from the ARIA ones). */
async function chooseDefaultGrid(page: Page) {
  await page.getByLabel('默认网格（可选）').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '第1网格' }).first().click();
}

describe('importing a ledger as kept', () => {
  let session: Session;
  let page: Page;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-ledger-e2e-'));
  // Names unlikely to exist in the demo city, so the search finds exactly these.
  const pick = () => '春夏秋冬梅兰竹菊松柏'[Math.floor(Math.random() * 10)];
  const stamp = pick() + pick() + pick();
  const names = { alone: `台账甲${stamp}`, floating: `台账乙${stamp}` };

  beforeAll(async () => {
    session = await launch();
    ({ page } = await session.newPage());
    await signIn(page, 'chengdong');
  });
  afterAll(async () => {
    await session?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('confirms the mapping of an unknown column, previews, imports and finds the care groups on the residents', async () => {
    const seq = 500 + Math.floor(Math.random() * 400) * 2;
    const alone = makeIdNumber('341881', '1944-02-03', seq, 'F');
    const floating = makeIdNumber('341881', '1991-06-07', seq + 1, 'M');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    const header = ['序号', '姓名', '性别', '公民身份号码', '出生年月', '现居住地址', '人员类别', '户籍派出所'];
    ws.addRow(['城东社区居民信息台账（2026年11月）']);
    ws.mergeCells(1, 1, 1, header.length);
    ws.addRow(['填报单位：城东社区居委会', '', '', '', '填报日期：2026-11-20']);
    ws.addRow(header);
    ws.addRow(['1', names.alone.replace('台账', '台账 '), '女', alone, '1944.02', '台账路1号', '高龄;独居、低保', '城关派出所']);
    ws.addRow(['2', names.floating, '男', floating, '1991.06', '台账路2号', '流动人口', '城关派出所']);
    ws.addRow(['制表人：王芳']);
    const file = path.join(tmp, '城东社区台账.xlsx');
    await wb.xlsx.writeFile(file);

    await page.goto(new URL('/imports', page.url()).toString());
    await shows(page.getByRole('heading', { name: '数据导入' }));
    // No 网格 column: the rows go to the default grid chosen here.
    await chooseDefaultGrid(page);
    await page.locator('input[type=file]').setInputFiles(file);

    // The mapping step: the header found below the title, each column beside its field.
    const step = page.getByLabel(/确认列的对应关系/);
    await shows(step.getByText('表头在第 3 行', { exact: false }));
    await shows(step.getByRole('cell', { name: '户籍派出所' }));
    await shows(step.getByText('以下列不会导入：序号、户籍派出所'));
    // The guess is preselected: 公民身份号码 → 身份证号, 人员类别 → 人员类别.
    await shows(step.getByRole('row').filter({ hasText: '公民身份号码' }).getByText('身份证号 *'));
    // The preview shows the rows as they will be stored: the name without its space, the groups by label.
    const preview = step.locator('table').last();
    await shows(preview.getByRole('cell', { name: names.alone, exact: true }));
    await shows(preview.getByRole('cell', { name: '独居老人、低保对象' }));
    await shows(preview.getByRole('cell', { name: '城东第1网格' }).first());

    await step.getByRole('button', { name: /确认并导入 2 行/ }).click();
    await shows(page.getByText('导入完成'));
    const result = page.locator('.ant-card').filter({ hasText: '导入结果' });
    await shows(result.getByText('全部行都已导入'));
    await shows(result.getByText(/高龄.*自动统计/));

    // The residents carry their care groups.
    await page.goto(new URL(`/residents?q=${encodeURIComponent(names.alone)}`, page.url()).toString());
    const row = page.getByRole('row').filter({ hasText: names.alone });
    await shows(row.getByText('独居老人'));
    await shows(row.getByText('低保对象'));
    await page.goto(new URL(`/residents?q=${encodeURIComponent(names.floating)}`, page.url()).toString());
    await shows(page.getByRole('row').filter({ hasText: names.floating }).getByText('流动人口').first());

    // The same layout next time goes straight to the import (the mapping was saved).
    await page.goto(new URL('/imports', page.url()).toString());
    await chooseDefaultGrid(page);
    await page.locator('input[type=file]').setInputFiles(file);
    await shows(page.getByText('导入完成'));
    expect(await page.getByLabel(/确认列的对应关系/).count()).toBe(0);
  });
});
