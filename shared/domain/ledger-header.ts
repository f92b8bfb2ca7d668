/**
 * The header of a ledger (台账) as community workers keep it: found by itself among title rows, 填报
 * lines and grouped headers, and its columns mapped to the import's fields by name. Pure, and run once
 * per file on its first rows — nothing here costs anything per data row.
 */
import { normaliseDigits } from './normalise';
import { CARE_GROUP_LABELS, CARE_GROUPS, type CareGroup } from './registry';

/** The fields a sheet column can carry; `sex` and `birthDate` are only checked against the ID number. */
export const LEDGER_FIELDS = [
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'ethnicity',
  'phone',
  'education',
  'politicalStatus',
  'maritalStatus',
  'employmentStatus',
  'residenceType',
  'relationToHead',
  'grid',
  'address',
  'careGroups',
  'notes',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** A column's destination: a field, or `ignore` (read, not stored). */
export type ColumnTarget = LedgerField | 'ignore';

/** Fields a file must carry (under some name) to be imported at all. */
export const REQUIRED_FIELDS: readonly LedgerField[] = ['name', 'idNumber'];

/**
 * The names people give each column (after normaliseHeader: no spaces, no brackets, no "*"). The first
 * name is the template's. `ignore` lists columns that carry nothing to store (序号, 年龄 follows from the
 * ID number).
 */
export const FIELD_SYNONYMS: Record<ColumnTarget, readonly string[]> = {
  name: ['姓名', '居民姓名', '人员姓名', '名字', '成员姓名', '家庭成员姓名'],
  idNumber: [
    '身份证号',
    '身份证号码',
    '公民身份号码',
    '公民身份证号码',
    '公民身份证号',
    '证件号码',
    '证件号',
    '身份证',
    '身份证件号码',
    '身份号码',
    '居民身份证号码',
  ],
  sex: ['性别'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '生日', '出生时间'],
  ethnicity: ['民族'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码', '联系电话号码', '移动电话'],
  education: ['文化程度', '学历'],
  politicalStatus: ['政治面貌'],
  maritalStatus: ['婚姻状况', '婚姻状态', '婚否'],
  employmentStatus: ['就业状况', '就业情况', '就业状态'],
  residenceType: ['居住类型', '人员类型', '人口类型', '户籍类型', '居住性质', '户籍性质', '人户状态'],
  relationToHead: ['与户主关系', '与户主的关系', '户主关系', '关系'],
  grid: ['网格', '所属网格', '网格名称', '网格编码', '网格编号'],
  address: ['住址', '地址', '家庭住址', '现住址', '现居住地址', '居住地址', '现居地址', '详细地址', '现住地址', '实际居住地址'],
  careGroups: ['人员类别', '类别', '特殊人群', '人群类别', '人员分类', '重点人群', '特殊人群类别', '关爱类别', '关爱对象', '服务对象类别'],
  notes: ['备注', '说明', '其他情况'],
  ignore: ['序号', '编号', '序', 'NO', 'NO.', '行号', '年龄', '周岁'],
};

/** The Chinese label of each target, for proposals and the report. */
export const FIELD_LABELS: Record<ColumnTarget, string> = {
  name: '姓名',
  idNumber: '身份证号',
  sex: '性别（核对）',
  birthDate: '出生日期（核对）',
  ethnicity: '民族',
  phone: '联系电话',
  education: '文化程度',
  politicalStatus: '政治面貌',
  maritalStatus: '婚姻状况',
  employmentStatus: '就业状况',
  residenceType: '居住类型',
  relationToHead: '与户主关系',
  grid: '网格',
  address: '住址',
  careGroups: '人员类别',
  notes: '备注',
  ignore: '不导入',
};

/** Strips the marks a template puts on headers: spaces, a leading or trailing "*", "（必填）". */
export function normaliseHeader(text: string): string {
  return normaliseDigits(text ?? '')
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/^\*+|\*+$/g, '')
    .toUpperCase();
}

const EXACT = new Map<string, ColumnTarget>();
for (const [target, names] of Object.entries(FIELD_SYNONYMS) as [ColumnTarget, readonly string[]][])
  for (const n of names) if (!EXACT.has(n)) EXACT.set(n, target);
// A script may name the columns by the field keys themselves (idNumber, careGroups …).
for (const f of LEDGER_FIELDS) EXACT.set(f.toUpperCase(), f);

/** The target whose synonym list has this header exactly, if any. */
export function knownTarget(header: string): ColumnTarget | null {
  return EXACT.get(normaliseHeader(header)) ?? null;
}

/** Targets one of whose names is part of the header (居民身份证号 → idNumber), longest name first. */
function partialTargets(h: string): LedgerField[] {
  if (h.length < 2) return [];
  const hits: { target: LedgerField; len: number }[] = [];
  for (const f of LEDGER_FIELDS)
    for (const n of FIELD_SYNONYMS[f]) if (n.length >= 2 && (h.includes(n) || (h.length >= 2 && n.includes(h)))) hits.push({ target: f, len: n.length });
  hits.sort((a, b) => b.len - a.len);
  return [...new Set(hits.map((x) => x.target))];
}

/** Lines above the header a worker writes on a ledger: 填报单位：…, 填报日期：…, 制表人：… */
const NOTE_LINE = /^(填报|填表|制表|审核|统计|单位|日期|时间|负责人|联系人|说明|注[:：]|备注[:：]|签字|盖章|报送)/;

function nonEmpty(cells: readonly string[]): string[] {
  return cells.map((c) => (c ?? '').trim()).filter(Boolean);
}

/** Whether a row is a 填报/制表 note rather than a header or a resident (cheap: used on data rows too). */
export function isNoteLine(cells: readonly string[]): boolean {
  let first = '';
  let count = 0;
  for (const c of cells) {
    const t = (c ?? '').trim();
    if (!t) continue;
    if (!first) first = t;
    if (++count > 3) return false;
  }
  return count > 0 && NOTE_LINE.test(first.replace(/\s+/g, ''));
}

/** A row that holds an ID number or a mobile number: a person's row, not a header. */
export const looksLikeData = (cells: readonly string[]) =>
  cells.some((c) => /^\s*[0-9０-９]{14,17}[0-9０-９XxＸｘ]\s*$/.test(c ?? '') || /^\s*1\d{10}\s*$/.test(c ?? ''));

function score(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c && knownTarget(c)) n++;
  return n;
}

/** How many raw rows header detection looks at. */
export const HEADER_SCAN_ROWS = 30;

/** Where the header is, and the header as one row (a grouped header merged into its columns). */
export interface DetectedHeader {
  /** Index (in the rows given) of the first row of the header. */
  headerStart: number;
  /** Index of the first data row. */
  dataStart: number;
  /** One text per column. */
  header: string[];
}

/**
 * Finds the header among the first rows: the row with the most known column names, skipping title rows
 * (one cell, often merged across the sheet), 填报 lines and blank rows. A grouped header — a row of
 * group names merged above the real names, or sub-names (手机 / 固话) under a merged 联系方式 — is
 * folded into one row, each column taking the lower name and, where that is empty, the upper one.
 * Without any known name, the first row with two or more cells is the header (the caller then reports
 * what is missing).
 */
export function detectHeader(rows: readonly (readonly string[])[]): DetectedHeader {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  let best = -1;
  let bestScore = 1;
  for (let i = 0; i < limit; i++) {
    const cells = rows[i];
    if (nonEmpty(cells).length < 2 || isNoteLine(cells)) continue;
    const s = score(cells);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  if (best < 0) {
    let first = 0;
    while (first < limit && (nonEmpty(rows[first]).length < 2 || isNoteLine(rows[first]))) first++;
    if (first >= limit) first = 0;
    return { headerStart: first, dataStart: first + 1, header: [...(rows[first] ?? [])] };
  }
  const width = (a: readonly string[], b: readonly string[]) => Math.max(a.length, b.length);
  const fold = (lower: readonly string[], upper: readonly string[], upperOnlyKnown: boolean) =>
    Array.from({ length: width(lower, upper) }, (_, c) => {
      const low = (lower[c] ?? '').trim();
      if (low) return low;
      const up = (upper[c] ?? '').trim();
      return up && (!upperOnlyKnown || knownTarget(up)) ? up : '';
    });
  const below = rows[best + 1];
  if (below && score(below) >= 1 && !looksLikeData(below) && !isNoteLine(below)) {
    // The best row holds the groups' own names (序号, 姓名 merged down) and the row below the sub-names.
    return { headerStart: best, dataStart: best + 2, header: fold(below, rows[best], false) };
  }
  const above = best > 0 ? rows[best - 1] : undefined;
  if (above && nonEmpty(above).length >= 2 && !isNoteLine(above)) {
    // Names merged down from a group row above (序号 over two rows) fill the gaps.
    return { headerStart: best - 1, dataStart: best + 1, header: fold(rows[best], above, true) };
  }
  return { headerStart: best, dataStart: best + 1, header: [...rows[best]] };
}

/** How sure the guess for a column is. */
export type GuessStatus = 'known' | 'guessed' | 'unknown' | 'duplicate';

/** One sheet column and what the import would do with it. */
export interface ColumnGuess {
  /** 0-based column. */
  index: number;
  /** Unique name of the column in a mapping: its header, 第N列 when blank, 姓名（2） when repeated. */
  key: string;
  /** The header as written. */
  header: string;
  /** The proposed target; null when there is no guess. */
  guess: ColumnTarget | null;
  status: GuessStatus;
  /** Other plausible fields, best first. */
  alternatives: LedgerField[];
}

/**
 * Maps each header cell to a field: an exact synonym is `known`; a header containing one (居民身份证号)
 * is `guessed`; a field named twice keeps its first column and the second is a `duplicate` (guessed
 * `ignore`). Columns with neither a header nor data in `sample` are left out.
 */
export function guessColumns(header: readonly string[], sample: readonly (readonly string[])[] = []): ColumnGuess[] {
  const out: ColumnGuess[] = [];
  const taken = new Set<ColumnTarget>();
  const keys = new Map<string, number>();
  const width = Math.max(header.length, ...sample.map((r) => r.length));
  for (let i = 0; i < width; i++) {
    const raw = (header[i] ?? '').trim();
    if (!raw && !sample.some((r) => (r[i] ?? '').trim())) continue;
    const base = raw || `第${i + 1}列`;
    const seen = (keys.get(base) ?? 0) + 1;
    keys.set(base, seen);
    const key = seen === 1 ? base : `${base}（${seen}）`;
    const h = normaliseHeader(raw);
    const exact = raw ? knownTarget(raw) : null;
    const partial = raw ? partialTargets(h) : [];
    let guess: ColumnTarget | null = exact ?? partial[0] ?? null;
    let status: GuessStatus = exact ? 'known' : guess ? 'guessed' : 'unknown';
    if (guess && guess !== 'ignore' && taken.has(guess)) {
      status = 'duplicate';
      guess = 'ignore';
    }
    if (guess) taken.add(guess);
    out.push({ index: i, key, header: raw, guess, status, alternatives: partial.filter((f) => f !== guess) });
  }
  return out;
}

/** A mapping as applied: for each sheet column, its field (or null: not read). */
export type ColumnPlan = (LedgerField | null)[];

/** The columns as the guess would take them (`mapping=auto`): unknown columns are not read. */
export function planFromGuess(guesses: readonly ColumnGuess[]): Record<string, ColumnTarget> {
  return Object.fromEntries(guesses.map((g) => [g.key, g.guess ?? 'ignore']));
}

/** Whether the guess can be taken without asking: every column known and the required fields there. */
export function guessIsCertain(guesses: readonly ColumnGuess[]): boolean {
  return guesses.every((g) => g.status === 'known') && missingFields(planFromGuess(guesses)).length === 0;
}

/** Required fields a mapping leaves out. */
export function missingFields(mapping: Readonly<Record<string, ColumnTarget>>): LedgerField[] {
  const targets = new Set(Object.values(mapping));
  return REQUIRED_FIELDS.filter((f) => !targets.has(f));
}

/** The layout of a header, for recognising the same ledger next time (hash it before storing). */
export function layoutKey(guesses: readonly ColumnGuess[]): string {
  return guesses.map((g) => `${g.index}:${normaliseHeader(g.header)}`).join('\u0001');
}

// ---- 人员类别: several care groups in one cell ----

const GROUP_NAMES: [string, CareGroup][] = [
  ...CARE_GROUPS.map((g) => [CARE_GROUP_LABELS[g].zh, g] as [string, CareGroup]),
  ...(
    [
      ['独居', 'elderly_alone'],
      ['独居老人', 'elderly_alone'],
      ['空巢', 'elderly_alone'],
      ['空巢老人', 'elderly_alone'],
      ['孤寡老人', 'elderly_alone'],
      ['残疾', 'disability'],
      ['残疾人', 'disability'],
      ['低保', 'dibao'],
      ['低保户', 'dibao'],
      ['城市低保', 'dibao'],
      ['农村低保', 'dibao'],
      ['特困', 'tekun'],
      ['特困供养', 'tekun'],
      ['五保', 'tekun'],
      ['五保户', 'tekun'],
      ['优抚', 'youfu'],
      ['优抚对象', 'youfu'],
      ['烈属', 'youfu'],
      ['军属', 'youfu'],
      ['伤残军人', 'youfu'],
      ['失业', 'unemployed'],
      ['下岗', 'unemployed'],
      ['下岗失业', 'unemployed'],
      ['失业人员', 'unemployed'],
      ['下岗职工', 'unemployed'],
      ['刑满释放', 'released'],
      ['刑释', 'released'],
      ['刑满释放人员', 'released'],
      ['安置帮教', 'released'],
      ['社区矫正', 'correction'],
      ['矫正', 'correction'],
      ['社区矫正对象', 'correction'],
      ['社区矫正人员', 'correction'],
      ['留守儿童', 'left_behind_child'],
      ['流动人口', 'floating'],
      ['流动', 'floating'],
      ['外来人口', 'floating'],
    ] as [string, CareGroup][]
  ).map(([n, g]) => [n, g] as [string, CareGroup]),
];
const GROUP_BY_NAME = new Map(GROUP_NAMES);
/** Words that name a group derived from other data (高龄 from the birth date): nothing to store. */
const DERIVED = new Set(['高龄', '高龄老人', '老年人', '老人', '80岁以上', '八十岁以上']);
/** Words that say "none". */
const NONE = new Set(['无', '否', '/', '-', '—', '无类别', '一般', '普通', '正常']);

/** What a 人员类别 cell says: the groups found, words derived from other data, and words matching nothing. */
export interface ParsedCareGroups {
  groups: CareGroup[];
  derived: string[];
  unknown: string[];
}

/** Splits a 人员类别 cell (高龄;独居、低保 / 优抚对象 …) into care groups. */
export function parseCareGroups(text: string): ParsedCareGroups {
  const out: ParsedCareGroups = { groups: [], derived: [], unknown: [] };
  for (const part of (text ?? '').split(/[；;、,，/|｜\s]+/)) {
    const w = part.trim();
    if (!w || NONE.has(w)) continue;
    const g = GROUP_BY_NAME.get(w) ?? GROUP_BY_NAME.get(w.replace(/(人员|对象|户)$/, ''));
    if (g) {
      if (!out.groups.includes(g)) out.groups.push(g);
    } else if (DERIVED.has(w)) out.derived.push(w);
    else out.unknown.push(w);
  }
  return out;
}

// ---- 性别 and 出生年月 as checks of the ID number ----

/** 男/女/M/F → the ID number's sex code; null when unreadable. */
export function parseSexText(text: string): 'M' | 'F' | null {
  const t = (text ?? '').trim().toUpperCase();
  if (['男', 'M', 'MALE', '男性'].includes(t)) return 'M';
  if (['女', 'F', 'FEMALE', '女性'].includes(t)) return 'F';
  return null;
}

/**
 * A 出生年月 / 出生日期 cell → year, month and (when given) day. Reads 1975-03-08, 1975/3/8, 1975.03,
 * 1975年3月, 19750308, 197503 and an Excel date serial; null when unreadable.
 */
export function parseBirthText(text: string): { y: number; m: number; d: number | null } | null {
  const t = normaliseDigits(text ?? '').trim();
  if (!t) return null;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(?:(\d{1,2})\s*日?)?)?$/.exec(t);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: m[3] ? Number(m[3]) : null };
  m = /^(\d{4})(\d{2})(\d{2})?$/.exec(t);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: m[3] ? Number(m[3]) : null };
  if (/^\d{4,5}(\.0+)?$/.test(t)) {
    const serial = Number(t);
    if (serial > 366 && serial < 80_000) {
      const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
      return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
    }
  }
  return null;
}

/** Whether a birth cell agrees with the ID number's birth date (YYYY-MM-DD); null when unreadable. */
export function birthAgrees(text: string, birthDate: string): boolean | null {
  const b = parseBirthText(text);
  if (!b || b.m < 1 || b.m > 12) return null;
  const [y, m, d] = birthDate.split('-').map(Number);
  // 1975.10 typed as a number arrives as 1975.1: October or January.
  const month = b.m === m || (b.m === 1 && m === 10 && /^\d{4}\.1$/.test(normaliseDigits(text).trim()));
  return b.y === y && month && (b.d === null || b.d === d);
}
