import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { CARE_GROUP_LABELS } from '../../../shared/domain/registry';
import { allowedLabels, IMPORT_COLUMNS, safeCellText } from '../../../shared/domain/resident-row';

/** The header of the report's extra column. */
export const ERROR_COLUMN = '错误';

const LISTS = {
  性别: ['男', '女'],
  文化程度: allowedLabels('education'),
  政治面貌: allowedLabels('politicalStatus'),
  婚姻状况: allowedLabels('maritalStatus'),
  就业状况: allowedLabels('employmentStatus'),
  居住类型: allowedLabels('residenceType'),
  与户主关系: allowedLabels('relationToHead'),
} as const;

const NOTES: Record<string, string> = {
  姓名: '必填，最多 50 个字',
  身份证号: '必填，18 位（旧 15 位号码自动转换）；请保持文本格式，否则后几位会丢失。出生日期和性别由号码得出。重复导入时按身份证号更新，不会重复登记',
  民族: '如 汉族、回族；空白按 汉族',
  性别: '核对用：以身份证号为准；与身份证号不符时照常导入，并在结果中提示',
  出生日期: '核对用：如 1975-03-08 或 1975.03；以身份证号为准，不符时在结果中提示',
  联系电话: '手机 11 位，或 区号-号码',
  网格: '网格名称（如 城东第1网格）或网格编码；在所选社区内也可只写 第1网格。须在您的管辖范围内。留空时按住址匹配已登记的楼栋，再按上传时选择的默认网格',
  住址: '填写后按“网格 + 住址”归入同一户（没有则新建）；与户主关系为“户主”的人成为该户户主',
  人员类别: `可填多个，用 ；、, 或空格分隔，如 独居；低保。可选：${Object.values(CARE_GROUP_LABELS)
    .map((l) => l.zh)
    .join('、')}（也认 独居、低保、优抚、下岗失业、刑满释放 等常用说法）。每个类别登记为一条关爱记录（开始日期为导入当天），流动人口同时设为居住类型`,
  备注: '最多 500 字',
};

/** The import template: the Chinese headers, drop-down lists, and a second sheet explaining each column. */
export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shequ';
  const ws = wb.addWorksheet('居民信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'idNumber' ? 22 : c.key === 'address' || c.key === 'notes' ? 30 : 14,
    // Text format keeps ID numbers and phone numbers exact.
    style: c.key === 'idNumber' || c.key === 'phone' ? { numFmt: '@' } : {},
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    if (NOTES[c.header]) cell.note = NOTES[c.header];
  });

  // Allowed values live on a sheet of their own, referenced by the drop-down lists.
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 14 },
    { header: '是否必填', width: 10 },
    { header: '说明', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    const list = LISTS[c.header as keyof typeof LISTS];
    help.addRow([c.header, c.required ? '必填' : '选填', [NOTES[c.header], list ? `可选值：${list.join('、')}` : ''].filter(Boolean).join('；')]);
  }
  help.addRow([]);
  help.addRow(['', '', '第一行为表头，请勿修改；从第二行起每行一位居民。文件须为 .xlsx 或 UTF-8 / GBK 编码的 .csv。']);

  const options = wb.addWorksheet('选项', { state: 'hidden' });
  const names = Object.keys(LISTS) as (keyof typeof LISTS)[];
  names.forEach((name, col) => {
    options.getCell(1, col + 1).value = name;
    LISTS[name].forEach((label, r) => (options.getCell(r + 2, col + 1).value = label));
  });
  const letter = (n: number) => String.fromCharCode(64 + n);
  names.forEach((name, col) => {
    const sheetCol = IMPORT_COLUMNS.findIndex((c) => c.header === name) + 1;
    const range = `'选项'!$${letter(col + 1)}$2:$${letter(col + 1)}$${LISTS[name].length + 1}`;
    // exceljs writes one validation for the whole range.
    (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${letter(sheetCol)}2:${letter(sheetCol)}100001`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '取值无效',
        error: `请从下拉列表中选择${name}`,
      },
    );
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One failed row for the report: the original cells and the reason. */
export interface ReportRow {
  line: number;
  cells: string[];
  error: string;
}

/**
 * The report: the original columns plus 错误 for each failed row (and 原行号, the row in the uploaded
 * file). Every cell is formula-safe. Written with the streaming writer.
 */
export async function buildReport(header: string[], rows: ReportRow[]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('导入错误');
  ws.columns = [...header.map((h) => ({ header: safeCellText(h), width: 14 })), { header: ERROR_COLUMN, width: 60 }, { header: '原行号', width: 8 }];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const r of rows) {
    const cells = header.map((_, i) => safeCellText(r.cells[i] ?? ''));
    ws.addRow([...cells, safeCellText(r.error), r.line]).commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(parts);
}
