/**
 * One spreadsheet row of a residents import (Chinese column headers) → a resident's fields plus
 * per-field problems. Pure: no database, no I/O. The server adds what needs the database (the grid,
 * scope, duplicates already registered elsewhere).
 */
import { ResidentFields } from '../contracts/residents';
import { ID_PROBLEM_MESSAGES, parseIdNumber } from './id-number';
import { birthAgrees, knownTarget, normaliseHeader, parseCareGroups, parseSexText, type LedgerField } from './ledger-header';
import { normaliseIdText, normaliseName } from './normalise';
import {
  EDUCATION_LABELS,
  EMPLOYMENT_LABELS,
  MARITAL_LABELS,
  POLITICAL_STATUS_LABELS,
  RELATION_LABELS,
  RESIDENCE_TYPE_LABELS,
  CARE_GROUP_LABELS,
  type CareGroup,
  type Relation,
  type ResidenceType,
} from './registry';

/**
 * The template's columns, in order. `required` columns must be present (under some name, see
 * FIELD_SYNONYMS). 性别 and 出生日期 are checks: the ID number decides, a disagreement is a warning.
 */
export const IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', required: true },
  { key: 'idNumber', header: '身份证号', required: true },
  { key: 'sex', header: '性别', required: false },
  { key: 'birthDate', header: '出生日期', required: false },
  { key: 'ethnicity', header: '民族', required: false },
  { key: 'phone', header: '联系电话', required: false },
  { key: 'education', header: '文化程度', required: false },
  { key: 'politicalStatus', header: '政治面貌', required: false },
  { key: 'maritalStatus', header: '婚姻状况', required: false },
  { key: 'employmentStatus', header: '就业状况', required: false },
  { key: 'residenceType', header: '居住类型', required: false },
  { key: 'relationToHead', header: '与户主关系', required: false },
  { key: 'grid', header: '网格', required: false },
  { key: 'address', header: '住址', required: false },
  { key: 'careGroups', header: '人员类别', required: false },
  { key: 'notes', header: '备注', required: false },
] as const satisfies readonly { key: LedgerField; header: string; required: boolean }[];

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** The Chinese header of each column key. */
export const COLUMN_HEADER: Record<ImportColumnKey, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<
  ImportColumnKey,
  string
>;

export { normaliseHeader };

export interface HeaderMap {
  /** For each sheet column (0-based), the field it holds, or null when it is not one we read. */
  columns: (ImportColumnKey | null)[];
  /** The columns present, so that a re-import leaves absent columns untouched. */
  present: Set<ImportColumnKey>;
  /** Required headers that are missing. */
  missing: string[];
}

/** Reads a header row by the known names (FIELD_SYNONYMS). A column named twice keeps its first occurrence. */
export function resolveHeader(cells: readonly string[]): HeaderMap {
  const targets = cells.map((raw) => knownTarget(raw ?? ''));
  return headerFromPlan(targets.map((t) => (t === 'ignore' ? null : t)));
}

/** The HeaderMap of a chosen column plan (each column's field or null). */
export function headerFromPlan(plan: readonly (LedgerField | null)[]): HeaderMap {
  const present = new Set<ImportColumnKey>();
  const columns = plan.map((key) => {
    if (!key || present.has(key)) return null;
    present.add(key);
    return key;
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !present.has(c.key)).map((c) => c.header);
  return { columns, present, missing };
}

/** A problem with one field of one row, in both languages. */
export interface RowIssue {
  /** The Chinese column header, as the user sees it. */
  field: string;
  /** Stable code, e.g. id_check_digit, required, invalid_value. */
  code: string;
  message: string;
  messageEn: string;
}

/** What a valid row holds. Enumerations are codes; the ID number is normalised to 18 characters. */
export interface ResidentRowValue {
  name: string;
  idNumber: string;
  birthDate: string;
  sex: 'M' | 'F';
  ethnicity: string;
  phone: string | null;
  education: string | null;
  politicalStatus: string | null;
  maritalStatus: string | null;
  employmentStatus: string | null;
  residenceType: ResidenceType;
  relationToHead: Relation | null;
  /** The grid as written: a name (城东第1网格, 第1网格) or a code; empty when the sheet has none. Resolved by the server. */
  grid: string;
  address: string | null;
  notes: string | null;
  /** Care groups named in 人员类别 (to become dated care records). */
  careGroups: CareGroup[];
}

/**
 * A sheet row as text, keyed by field; `numericId` says the ID cell was a number (digits lost);
 * `formulas` lists the fields whose cell was a formula (its cached result is not trusted for identity).
 */
export type RowCells = Partial<Record<ImportColumnKey, string>> & { numericId?: boolean; formulas?: readonly ImportColumnKey[] };

type Vocabulary = Record<string, { zh: string; en: string }>;

/** Label → code, accepting the Chinese label, the English label and the code itself. */
function lookup(labels: Vocabulary, aliases: Record<string, string> = {}) {
  const map = new Map<string, string>();
  for (const [code, l] of Object.entries(labels)) {
    map.set(code.toLowerCase(), code);
    map.set(l.zh, code);
    map.set(l.en.toLowerCase(), code);
  }
  for (const [alias, code] of Object.entries(aliases)) map.set(alias, code);
  return (text: string) => map.get(text) ?? map.get(text.toLowerCase()) ?? null;
}

const VOCABULARIES: Record<
  'education' | 'politicalStatus' | 'maritalStatus' | 'employmentStatus' | 'residenceType' | 'relationToHead',
  { labels: Vocabulary; find: (t: string) => string | null }
> = {
  education: {
    labels: EDUCATION_LABELS,
    find: lookup(EDUCATION_LABELS, {
      文盲: 'none',
      半文盲: 'none',
      中专: 'vocational',
      技校: 'vocational',
      职高: 'vocational',
      大学本科: 'bachelor',
      大学专科: 'college',
      研究生: 'master',
    }),
  },
  politicalStatus: {
    labels: POLITICAL_STATUS_LABELS,
    find: lookup(POLITICAL_STATUS_LABELS, {
      党员: 'party_member',
      中共党员: 'party_member',
      预备党员: 'probationary_member',
      团员: 'league_member',
      共青团员: 'league_member',
      无党派: 'masses',
      无党派人士: 'masses',
    }),
  },
  maritalStatus: { labels: MARITAL_LABELS, find: lookup(MARITAL_LABELS, { 离异: 'divorced', 初婚: 'married', 再婚: 'married', 有配偶: 'married' }) },
  employmentStatus: {
    labels: EMPLOYMENT_LABELS,
    find: lookup(EMPLOYMENT_LABELS, { 就业: 'employed', 退休: 'retired', 离休: 'retired', 学生: 'student', 无业: 'unemployed' }),
  },
  residenceType: {
    labels: RESIDENCE_TYPE_LABELS,
    find: lookup(RESIDENCE_TYPE_LABELS, { 常住: 'registered_resident', 外出: 'registered_away', 流动: 'floating', 境外人员: 'overseas' }),
  },
  relationToHead: {
    labels: RELATION_LABELS,
    find: lookup(RELATION_LABELS, {
      本人: 'head',
      妻: 'spouse',
      夫: 'spouse',
      妻子: 'spouse',
      丈夫: 'spouse',
      儿子: 'son',
      长子: 'son',
      次子: 'son',
      女儿: 'daughter',
      长女: 'daughter',
      次女: 'daughter',
      父: 'father',
      母: 'mother',
      孙女婿: 'other',
      祖父: 'grandparent',
      祖母: 'grandparent',
      兄: 'sibling',
      弟: 'sibling',
      姐: 'sibling',
      妹: 'sibling',
    }),
  },
};

/** The Chinese labels a column accepts, for the template's lists and for error messages. */
export function allowedLabels(key: keyof typeof VOCABULARIES): string[] {
  return Object.values(VOCABULARIES[key].labels).map((l) => l.zh);
}

const issue = (key: ImportColumnKey, code: string, message: string, messageEn: string): RowIssue => ({ field: COLUMN_HEADER[key], code, message, messageEn });

/** Text of a cell with full-width spaces and the usual invisible characters removed at the ends. */
function clean(value: string | undefined): string {
  return (value ?? '').replace(/^[\s\u3000\u200b\ufeff]+|[\s\u3000\u200b\ufeff]+$/g, '');
}

/**
 * Validates one row. Returns the value when the row has no problem, and every problem found otherwise
 * (all of them, not just the first, so the person fixing the sheet sees them at once).
 */
export function mapResidentRow(cells: RowCells, today: Date = new Date()): { value: ResidentRowValue | null; issues: RowIssue[]; warnings: RowIssue[] } {
  const issues: RowIssue[] = [];
  const warnings: RowIssue[] = [];

  // Identity comes from what was typed, never from a formula's cached result (=HYPERLINK(…,"点我")), and a
  // value a spreadsheet would run as a formula (= + - @) is no name or ID number either.
  for (const key of ['name', 'idNumber'] as const) {
    const header = COLUMN_HEADER[key];
    if (cells.formulas?.includes(key))
      issues.push(
        issue(
          key,
          'formula',
          `${header}是公式单元格，不能作为身份信息导入：请填写实际内容（可复制后“选择性粘贴 → 数值”）`,
          `${header} is a formula cell and cannot be imported as identity; type the value itself`,
        ),
      );
    else if (/^[=+\-@]/.test(clean(cells[key])))
      issues.push(
        issue(
          key,
          'formula',
          `${header}以 = + - @ 开头，像是公式，不能作为身份信息导入`,
          `${header} starts with = + - @ like a formula and cannot be imported`,
        ),
      );
  }
  const idIsFormula = issues.some((i) => i.field === COLUMN_HEADER.idNumber);

  const rawId = normaliseIdText(clean(cells.idNumber));
  let idNumber = '';
  let birthDate = '';
  let sex: 'M' | 'F' = 'M';
  if (idIsFormula) {
    // Already reported.
  } else if (cells.numericId && rawId.length > 15) {
    issues.push(
      issue(
        'idNumber',
        'id_numeric',
        '身份证号被存成了数字，后几位已丢失：请将该列设为文本格式后重新填写',
        'The ID number was stored as a number and lost its last digits; format the column as text and re-enter it',
      ),
    );
  } else if (looksRounded(rawId)) {
    issues.push(
      issue('idNumber', 'id_rounded', ROUNDED_MESSAGE, 'Excel has probably rounded the ID number as a number; format the column as text and re-enter it'),
    );
  } else {
    const parsed = parseIdNumber(rawId, today);
    if (parsed.ok) {
      idNumber = parsed.value.number;
      birthDate = parsed.value.birthDate;
      sex = parsed.value.sex;
    } else if (parsed.problem === 'check_digit' && /0{3}$/.test(rawId)) {
      issues.push(
        issue('idNumber', 'id_rounded', ROUNDED_MESSAGE, 'Excel has probably rounded the ID number as a number; format the column as text and re-enter it'),
      );
    } else {
      const m = ID_PROBLEM_MESSAGES[parsed.problem];
      issues.push(issue('idNumber', `id_${parsed.problem}`, m.zh, m.en));
    }
  }

  // 性别 and 出生日期 only check the ID number: it is what the resident is stored from (the ledger's own
  // columns are typed by hand and drift; the number carries a check digit).
  if (idNumber) {
    const sexText = clean(cells.sex);
    const sexCell = sexText ? parseSexText(sexText) : null;
    if (sexText && sexCell !== sex)
      warnings.push(
        issue(
          'sex',
          sexCell ? 'sex_mismatch' : 'sex_unreadable',
          sexCell ? `性别“${sexText}”与身份证号不符，已按身份证号登记为${sex === 'M' ? '男' : '女'}` : `性别“${sexText}”无法识别，已按身份证号登记`,
          sexCell ? `Sex "${sexText}" disagrees with the ID number; stored from the ID number` : `Sex "${sexText}" unreadable; stored from the ID number`,
        ),
      );
    const birthText = clean(cells.birthDate);
    const agrees = birthText ? birthAgrees(birthText, birthDate) : true;
    if (agrees !== true)
      warnings.push(
        issue(
          'birthDate',
          agrees === false ? 'birth_mismatch' : 'birth_unreadable',
          agrees === false ? `出生日期“${birthText}”与身份证号不符，已按身份证号登记` : `出生日期“${birthText}”无法识别，已按身份证号登记`,
          agrees === false ? `Birth date "${birthText}" disagrees with the ID number; stored from the ID number` : `Birth date "${birthText}" unreadable`,
        ),
      );
  }

  const care = parseCareGroups(clean(cells.careGroups));
  for (const w of care.unknown)
    warnings.push(
      issue(
        'careGroups',
        'care_unknown',
        `人员类别“${w}”不是已知类别，未登记（可选：${Object.values(CARE_GROUP_LABELS)
          .map((l) => l.zh)
          .join('、')}）`,
        `Care group "${w}" is unknown and was not recorded`,
      ),
    );
  for (const w of care.derived)
    warnings.push(issue('careGroups', 'care_derived', `“${w}”按身份证号的出生日期自动统计，无需登记`, `"${w}" follows from the birth date; nothing recorded`));

  const grid = clean(cells.grid);

  const codes: Partial<Record<keyof typeof VOCABULARIES, string | null>> = {};
  for (const key of Object.keys(VOCABULARIES) as (keyof typeof VOCABULARIES)[]) {
    const text = clean(cells[key]);
    if (!text) {
      codes[key] = null;
      continue;
    }
    const code = VOCABULARIES[key].find(text);
    if (code) codes[key] = code;
    else {
      const allowed = allowedLabels(key);
      issues.push(
        issue(key, 'invalid_value', `“${text}”不是有效取值，可选：${allowed.join('、')}`, `"${text}" is not allowed; use one of: ${allowed.join(', ')}`),
      );
    }
  }

  let ethnicity = clean(cells.ethnicity);
  // People often write 汉 for 汉族.
  if (ethnicity && !ethnicity.endsWith('族') && ethnicity.length === 1) ethnicity += '族';
  const phone = clean(cells.phone).replace(/[\s]/g, '');

  // The same rules as the API's CreateResidentRequest, so an imported resident is one the form would accept.
  const candidate = {
    name: normaliseName(clean(cells.name)),
    ethnicity: ethnicity || undefined,
    phone: phone || null,
    education: codes.education ?? null,
    politicalStatus: codes.politicalStatus ?? null,
    maritalStatus: codes.maritalStatus ?? null,
    employmentStatus: codes.employmentStatus ?? null,
    residenceType: codes.residenceType ?? undefined,
    relationToHead: codes.relationToHead ?? null,
    notes: clean(cells.notes) || null,
  };
  const parsed = ResidentFields.safeParse(candidate);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const key = String(zi.path[0] ?? 'name') as ImportColumnKey;
      if (!(key in COLUMN_HEADER)) continue;
      issues.push(issue(key, zi.code === 'too_small' && key === 'name' ? 'required' : zi.code, ...zodText(key, zi)));
    }
  }
  const address = clean(cells.address);
  if (address.length > 200) issues.push(issue('address', 'too_big', '住址最多 200 个字符', 'The address may have at most 200 characters'));

  if (issues.length > 0 || !parsed.success) return { value: null, issues, warnings };
  // 流动人口 in 人员类别 says where the person stands, unless the row says it itself.
  const residenceType = care.groups.includes('floating') && !codes.residenceType ? 'floating' : parsed.data.residenceType;
  const v = parsed.data;
  return {
    value: {
      name: v.name,
      idNumber,
      birthDate,
      sex,
      ethnicity: v.ethnicity,
      phone: v.phone ?? null,
      education: v.education ?? null,
      politicalStatus: v.politicalStatus ?? null,
      maritalStatus: v.maritalStatus ?? null,
      employmentStatus: v.employmentStatus ?? null,
      residenceType,
      relationToHead: v.relationToHead ?? null,
      grid,
      address: address || null,
      notes: v.notes ?? null,
      careGroups: care.groups,
    },
    issues,
    warnings,
  };
}

function zodText(key: ImportColumnKey, zi: { code: string; message: string; minimum?: unknown; maximum?: unknown }): [string, string] {
  const header = COLUMN_HEADER[key];
  if (zi.message.includes(' | ')) {
    const [zh, en] = zi.message.split(' | ');
    return [zh, en];
  }
  if (zi.code === 'too_small') return key === 'name' ? ['姓名不能为空', 'The name is required'] : [`${header}不能为空`, `${header} is required`];
  if (zi.code === 'too_big') return [`${header}最多 ${String(zi.maximum)} 个字符`, `${header} may have at most ${String(zi.maximum)} characters`];
  return [`${header}无效`, `${header} is invalid`];
}

const ROUNDED_MESSAGE = 'Excel 可能已将身份证号按数字四舍五入，请将该列设为文本后重新录入';

/** An ID number Excel wrote in scientific notation (3.41881E+17): its digits are gone. */
function looksRounded(id: string): boolean {
  return /^\d(\.\d+)?E\+?\d+$/.test(id);
}

/** The 错误 cell of the report: "身份证号：身份证号校验位错误；联系电话：…". */
export function describeIssues(issues: readonly Pick<RowIssue, 'field' | 'message'>[]): string {
  return issues.map((i) => `${i.field}：${i.message}`).join('；');
}

/**
 * Makes a value safe to put in a spreadsheet cell: text that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab or carriage return) gets a leading apostrophe.
 */
export function safeCellText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
