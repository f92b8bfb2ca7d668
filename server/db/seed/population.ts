/**
 * The demo city's population (DOMAIN.md §5): buildings, households, residents and care records for the 9
 * communities, generated deterministically from a seed and bulk-loaded with COPY. The default is the
 * speech's city (9 × 7,493 people in ~2,349 households each); `residents` scales it for benchmarks.
 */
import { inArray } from 'drizzle-orm';
import { makeIdNumber, maskIdNumber } from '../../../shared/domain/id-number';
import { ASSISTANCE_YEARS, DISABILITY_CATEGORIES, YOUFU_TYPES, type Relation, type ResidenceType } from '../../../shared/domain/registry';
import type { FieldCrypto } from '../../lib/crypto';
import { nameColumns } from '../../lib/pinyin';
import { regions } from '../../modules/regions/regions.table';
import type { Database } from '../client';
import { CITY, COMMUNITIES, gridCode, GRIDS_PER_COMMUNITY } from './demo-city';
import { ETHNICITIES, pickGivenName, pickSurname } from './names';
import { rng, type Rng } from './random';

/** The demo's "today": ages, retirement and care periods are computed against it, so a seed always gives the same city. */
export const REFERENCE_DATE = '2026-07-01';
/** The speech's average community: 7,493 people in 2,349 households. */
export const PEOPLE_PER_COMMUNITY = 7493;
export const HOUSEHOLDS_PER_COMMUNITY = 2349;
/** Default population: 9 × 7,493. */
export const DEFAULT_RESIDENTS = COMMUNITIES.length * PEOPLE_PER_COMMUNITY;

const DAY = 86_400_000;
const REF = new Date(`${REFERENCE_DATE}T00:00:00Z`);
const REF_DAY = Math.floor(REF.getTime() / DAY);
const REF_YEAR = REF.getUTCFullYear();
const REF_MONTH_DAY = REFERENCE_DATE.slice(5);
const FLUSH_ROWS = 25_000;

// ---------------------------------------------------------------------------------------------------
// Places

const ROADS = `人民路 长安路 解放路 建设路 和平路 文化路 新华路 中山路 胜利路 光明路 朝阳路 东风路 红旗路 团结路 迎宾大道 梅园路 桃源路
  环城东路 环城西路 环城南路 环城北路 鳌峰路 桐川路 宛陵路 敬亭路 水东路 东门大街 西门大街 南门街 北门街 府前路 学府路 青年路 健康路
  幸福路 振兴路 工业路 体育路 公园路 滨河路 沿河路 翠屏路 鼓楼街 十字街 广场路`.split(/\s+/);
const COMPOUND_PREFIXES = `幸福 锦绣 阳光 金色 翠苑 龙湖 东方 盛世 书香 滨河 桂花 紫荆 碧水 南湖 新城 和谐 康乐 丽景 御景 状元 文昌 凤凰
  敬亭 宛陵 水岸 绿洲 春江 明珠 翰林 香樟 枫林 锦江 天鹅湖 鳌峰 桐川 世纪 清华 金桥 银河 望江`.split(/\s+/);
const COMPOUND_SUFFIXES = ['小区', '花园', '家园', '新村', '苑', '华庭', '名都', '雅居', '佳园', '公寓'];
const WORK_UNITS = `机械厂 纺织厂 化肥厂 粮食局 供销社 电厂 食品厂 造纸厂 轴承厂 水泥厂 印刷厂 棉纺厂 酒厂 农机厂 丝绸厂 木材公司 百货公司
  运输公司 物资局 建筑公司`.split(/\s+/);
const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Region codes for people born elsewhere: other counties of 安徽, then other provinces (migrant sources). */
const ANHUI_OTHER = `341802 341821 341882 341823 341824 341825 340104 340102 340202 340207 340503 341102 341502 341203 341602 340321
  341321 340822 341003 340702`.split(/\s+/);
const OTHER_PROVINCES = `320106 320583 330106 330205 310104 360102 410105 411502 420106 421102 510107 370102 430104 500103 441303 450103
  522601 130102 610113 350102`.split(/\s+/);
const WORKPLACES = ['浙江省杭州市', '江苏省苏州市', '上海市', '江苏省南京市', '广东省深圳市', '浙江省宁波市', '安徽省合肥市'];
const PHONE_PREFIXES =
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 175 176 177 180 181 182 183 185 186 187 188 189 191 198 199'.split(' ');

// ---------------------------------------------------------------------------------------------------
// Dates and cohorts

const FIRST_DAY = Date.UTC(REF_YEAR - 110, 0, 1) / DAY;
const DAY_STRINGS: string[] = [];
/** The ISO date of a day number (days since 1970), from a table for the years the city's people were born in. */
function dayString(day: number): string {
  const i = day - FIRST_DAY;
  if (i < 0 || i > REF_DAY - FIRST_DAY + 3660) return new Date(day * DAY).toISOString().slice(0, 10);
  return (DAY_STRINGS[i] ??= new Date(day * DAY).toISOString().slice(0, 10));
}
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');

/** Share of a cohort still alive, by age (upper bound exclusive). */
const SURVIVAL: [number, number][] = [
  [55, 1],
  [65, 0.97],
  [70, 0.92],
  [75, 0.85],
  [80, 0.72],
  [85, 0.55],
  [90, 0.33],
  [95, 0.14],
  [100, 0.04],
];

/** Relative size of each birth cohort alive in the city in 2026: births (the 1959–61 dip, the 1962–75 bulge, the late-1980s echo, today's low) × survival. */
function cohortWeight(year: number): number {
  let births: number;
  if (year < 1950) births = 0.9;
  else if (year < 1959) births = 1.1;
  else if (year < 1962) births = 0.75;
  else if (year < 1976) births = 1.45;
  else if (year < 1985) births = 1.0;
  else if (year < 1991) births = 1.25;
  else if (year < 2000) births = 0.95;
  else if (year < 2011) births = 0.8;
  else if (year < 2018) births = 0.85;
  else births = 0.55;
  const age = REF_YEAR - year;
  const survival = SURVIVAL.find(([below]) => age < below)?.[1] ?? 0.005;
  return births * survival;
}
const FIRST_YEAR = REF_YEAR - 104;
const CUMULATIVE: number[] = [];
for (let y = FIRST_YEAR, sum = 0; y <= REF_YEAR; y++) CUMULATIVE.push((sum += cohortWeight(y)));

/** A birth year for someone at least minAge and about maxAge at most on the reference date, weighted by cohort size. */
function cohortYear(r: Rng, minAge: number, maxAge: number): number {
  // Born in REF_YEAR - minAge - 1 or earlier: minAge reached whatever the birthday.
  const lo = Math.max(FIRST_YEAR, REF_YEAR - maxAge - 1) - FIRST_YEAR;
  const hi = Math.min(REF_YEAR, REF_YEAR - minAge - 1) - FIRST_YEAR;
  const from = lo > 0 ? CUMULATIVE[lo - 1] : 0;
  const x = from + r.next() * (CUMULATIVE[hi] - from);
  let a = lo;
  let b = hi;
  while (a < b) {
    const m = (a + b) >> 1;
    if (CUMULATIVE[m] < x) a = m + 1;
    else b = m;
  }
  return FIRST_YEAR + a;
}

/** A day in the year, not after the reference date. */
function dayInYear(r: Rng, year: number): number {
  const start = Date.UTC(year, 0, 1) / DAY;
  const end = Math.min(Date.UTC(year + 1, 0, 1) / DAY, REF_DAY);
  return start + Math.floor(r.next() * Math.max(1, end - start));
}

/** A day between two days. */
const dayBetween = (r: Rng, from: number, to: number) => from + Math.floor(r.next() * Math.max(1, to - from));

// ---------------------------------------------------------------------------------------------------
// Deterministic identifiers

/** A version-4-shaped UUID drawn from the seeded generator, so the same seed gives the same keys. */
function uuidFrom(r: Rng): string {
  const w = () => ((r.next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
  const a = w();
  const b = w();
  const c = w();
  const d = w();
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${((parseInt(c[0], 16) & 0x3) | 0x8).toString(16)}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** Hands out unique ID numbers: per region, birth date and sex, 500 sequence numbers in a scrambled order. */
class IdAllocator {
  private readonly used = new Map<number, number>();
  private readonly regions = new Map<string, number>();

  take(region: string, birthDay: number, sex: 'M' | 'F'): string {
    let r = this.regions.get(region);
    if (r === undefined) this.regions.set(region, (r = this.regions.size));
    for (let k = 0; ; k++) {
      // 0, +1, -1, +2 … never after the reference date.
      const day = birthDay + (k % 2 === 1 ? (k + 1) / 2 : -k / 2);
      if (day >= REF_DAY) continue;
      // A numeric key: no string per person for the collector to chase.
      const key = (r * 100_000 + (day - FIRST_DAY)) * 2 + (sex === 'M' ? 1 : 0);
      const n = this.used.get(key) ?? 0;
      if (n >= 500) continue;
      this.used.set(key, n + 1);
      const start = hash(key) % 500;
      const index = (start + n * 193) % 500; // 193 is coprime with 500: a permutation of 0..499
      return makeIdNumber(region, dayString(day), index * 2 + (sex === 'M' ? 1 : 0), sex);
    }
  }
}

/** A well-mixed 32-bit hash of an integer (murmur3's finaliser). */
function hash(n: number): number {
  let h = Math.imul((n ^ (n / 4294967296)) >>> 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------------
// CSV

function csv(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  if (s === '' || /[",\n\r]/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}
const row = (values: (string | number | null | undefined)[]) => values.map(csv).join(',');

const BUILDING_COLUMNS = ['id', 'community_id', 'grid_id', 'name', 'address', 'floors', 'units', 'built_year'];
const HOUSEHOLD_COLUMNS = [
  'id',
  'community_id',
  'grid_id',
  'building_id',
  'household_number',
  'room',
  'address',
  'household_type',
  'head_resident_id',
  'status',
];
const RESIDENT_COLUMNS = [
  'id',
  'community_id',
  'grid_id',
  'household_id',
  'name',
  'name_pinyin',
  'name_initials',
  'id_cipher',
  'id_hash',
  'id_masked',
  'id_tail_rev',
  'birth_date',
  'sex',
  'ethnicity',
  'phone',
  'education',
  'political_status',
  'marital_status',
  'employment_status',
  'residence_type',
  'relation_to_head',
  'status',
];
const CARE_COLUMNS = ['id', 'resident_id', 'community_id', 'group_type', 'attributes', 'start_date', 'end_date'];
const DISABILITY_WEIGHTS = DISABILITY_CATEGORIES.map(
  (k) => [k, { physical: 30, hearing: 20, visual: 12, multiple: 12, mental: 9, intellectual: 8, speech: 2 }[k]] as const,
);
const LOADED_TABLES = ['buildings', 'households', 'residents', 'care_records', 'resident_name_keys'];

// ---------------------------------------------------------------------------------------------------
// Households

type Sex = 'M' | 'F';
type Marital = 'single' | 'married' | 'divorced' | 'widowed';

/** A person of a household before identity and attributes are filled in. */
interface Member {
  relation: Relation;
  sex: Sex;
  year: number;
  surname: string;
  givenName?: string;
  marital: Marital;
  /** Blood relative of the household's line (shares its ethnicity and, if registered, usually its origin). */
  blood: boolean;
  residence?: ResidenceType;
  leftBehind?: boolean;
}

type Template = 'single' | 'couple' | 'nuclear' | 'threeGenUp' | 'threeGenDown' | 'skipGen' | 'singleParent' | 'siblings';
const TEMPLATES: [Template, number][] = [
  ['single', 9],
  ['couple', 21],
  ['nuclear', 35],
  ['threeGenUp', 11],
  ['threeGenDown', 14],
  ['skipGen', 0.6],
  ['singleParent', 4],
  ['siblings', 2.5],
];

const opposite = (s: Sex): Sex => (s === 'M' ? 'F' : 'M');
const child = (sex: Sex): Relation => (sex === 'M' ? 'son' : 'daughter');

/** A spouse of someone born in `year`: opposite sex, at most 5 years apart, husbands usually older. */
function spouseOf(r: Rng, of: { sex: Sex; year: number }, relation: Relation): Member {
  const gap = r.weighted(SPOUSE_GAPS); // husband older by gap
  const year = Math.min(REF_YEAR - 21, of.sex === 'M' ? of.year + gap : of.year - gap);
  return { relation, sex: opposite(of.sex), year, surname: pickSurname(r), marital: 'married', blood: false };
}

/** Children of a couple whose mother (or younger parent) was born in `parentYear`. */
function childrenOf(r: Rng, parentYear: number, count: number, surname: string, relation: (s: Sex) => Relation): Member[] {
  const out: Member[] = [];
  let year = parentYear + r.int(22, 30);
  for (let i = 0; i < count; i++) {
    if (year > REF_YEAR || year - parentYear > 42) break;
    const sex: Sex = r.chance(0.52) ? 'M' : 'F';
    const age = REF_YEAR - year;
    const marital: Marital = age >= 22 && r.chance(Math.min(0.5, (age - 22) * 0.06)) ? 'divorced' : 'single';
    out.push({ relation: relation(sex), sex, year, surname, marital: age >= 28 ? marital : 'single', blood: true });
    year += r.int(2, 7);
  }
  return out;
}

/** How many children a couple has: one under the one-child policy, often two after it. */
function childCount(r: Rng, motherYear: number) {
  if (motherYear < 1975) return r.chance(0.12) ? 2 : 1;
  if (motherYear < 1985) return r.chance(0.25) ? 2 : 1;
  return r.chance(0.42) ? 2 : r.chance(0.08) ? 3 : 1;
}

/** The members of a family household of the given shape; the head comes first. */
function familyMembers(r: Rng, template: Template, forced?: { surname: string; givenName: string; year: number }): Member[] {
  const surname = forced?.surname ?? pickSurname(r);
  const headSex = (p: number): Sex => (forced ? 'M' : r.chance(p) ? 'M' : 'F');
  switch (template) {
    case 'single': {
      const kind = r.weighted(SINGLE_KINDS);
      const year = kind === 'old' ? cohortYear(r, 62, 96) : kind === 'young' ? cohortYear(r, 22, 39) : cohortYear(r, 40, 61);
      const sex: Sex = kind === 'old' ? (r.chance(0.35) ? 'M' : 'F') : r.chance(0.58) ? 'M' : 'F';
      const marital: Marital =
        kind === 'young' ? (r.chance(0.85) ? 'single' : 'divorced') : r.weighted(kind === 'old' ? OLD_ALONE_MARITAL : MIDDLE_ALONE_MARITAL);
      return [{ relation: 'head', sex, year, surname, marital, blood: true }];
    }
    case 'couple': {
      const young = r.chance(0.16);
      const head: Member = {
        relation: 'head',
        sex: headSex(0.78),
        year: young ? cohortYear(r, 24, 34) : cohortYear(r, 52, 90),
        surname,
        marital: 'married',
        blood: true,
      };
      return [head, spouseOf(r, head, 'spouse')];
    }
    case 'nuclear': {
      const year = forced?.year ?? cohortYear(r, 27, 58);
      const head: Member = { relation: 'head', sex: headSex(0.8), year, surname, givenName: forced?.givenName, marital: 'married', blood: true };
      const spouse = spouseOf(r, head, 'spouse');
      const mother = head.sex === 'F' ? head : spouse;
      const family = head.sex === 'M' ? head.surname : spouse.surname;
      return [head, spouse, ...childrenOf(r, Math.max(head.year, spouse.year), childCount(r, mother.year), family, child)];
    }
    case 'threeGenUp': {
      const head: Member = { relation: 'head', sex: headSex(0.8), year: cohortYear(r, 30, 52), surname, marital: 'married', blood: true };
      const spouse = spouseOf(r, head, 'spouse');
      const mother = head.sex === 'F' ? head : spouse;
      const family = head.sex === 'M' ? head.surname : spouse.surname;
      const kids = childrenOf(r, Math.max(head.year, spouse.year), childCount(r, mother.year), family, child);
      const fatherYear = head.year - r.int(25, 33);
      const parents: Member[] = [];
      const both = r.chance(0.55);
      const which = both ? 'both' : r.chance(0.7) ? 'mother' : 'father';
      const marital: Marital = both ? 'married' : 'widowed';
      if (which !== 'mother' && REF_YEAR - fatherYear <= 95)
        parents.push({ relation: 'father', sex: 'M', year: fatherYear, surname: head.surname, marital, blood: true });
      const motherYear = fatherYear + r.int(0, 3);
      if (which !== 'father' && REF_YEAR - motherYear <= 97)
        parents.push({ relation: 'mother', sex: 'F', year: motherYear, surname: pickSurname(r), marital, blood: false });
      return [head, spouse, ...kids, ...parents];
    }
    case 'threeGenDown':
    case 'skipGen': {
      const skip = template === 'skipGen';
      const head: Member = {
        relation: 'head',
        sex: headSex(0.75),
        year: skip ? cohortYear(r, 50, 68) : cohortYear(r, 54, 78),
        surname,
        marital: 'married',
        blood: true,
      };
      const members: Member[] = [head];
      const widowed = !skip && r.chance(0.22);
      if (widowed) head.marital = 'widowed';
      const spouse = spouseOf(r, head, 'spouse');
      if (!widowed) members.push(spouse);
      const family = head.sex === 'M' ? head.surname : spouse.surname;
      const throughSon = r.chance(0.75);
      const middleSex: Sex = throughSon ? 'M' : 'F';
      const middle: Member = {
        relation: child(middleSex),
        sex: middleSex,
        year: Math.max(head.year, spouse.year) + r.int(23, 31),
        surname: family,
        marital: 'married',
        blood: true,
      };
      if (middle.year > REF_YEAR - 22) middle.year = REF_YEAR - 22;
      const inLaw = spouseOf(r, middle, throughSon ? 'daughter_in_law' : 'son_in_law');
      const grandSurname = throughSon ? middle.surname : inLaw.surname;
      const youngest = Math.max(middle.year, inLaw.year);
      const grandkids = childrenOf(r, youngest, childCount(r, throughSon ? inLaw.year : middle.year), grandSurname, (s) =>
        s === 'M' ? 'grandson' : 'granddaughter',
      );
      if (skip) {
        middle.residence = 'registered_away';
        inLaw.residence = 'registered_away';
        for (const g of grandkids) if (REF_YEAR - g.year < 16) g.leftBehind = true;
      }
      return [...members, middle, inLaw, ...grandkids];
    }
    case 'singleParent': {
      const head: Member = {
        relation: 'head',
        sex: headSex(0.3),
        year: cohortYear(r, 30, 56),
        surname,
        marital: r.chance(0.75) ? 'divorced' : 'widowed',
        blood: true,
      };
      const family = head.sex === 'M' || r.chance(0.5) ? head.surname : pickSurname(r);
      return [head, ...childrenOf(r, head.year, 1, family, child)];
    }
    case 'siblings': {
      const head: Member = { relation: 'head', sex: headSex(0.6), year: cohortYear(r, 25, 80), surname, marital: 'single', blood: true };
      const other: Member = {
        relation: 'sibling',
        sex: r.chance(0.5) ? 'M' : 'F',
        year: Math.min(REF_YEAR - 19, head.year + r.int(-6, 6)),
        surname,
        marital: 'single',
        blood: true,
      };
      for (const m of [head, other])
        m.marital =
          REF_YEAR - m.year >= 60
            ? r.weighted([
                ['widowed', 60],
                ['divorced', 20],
                ['single', 20],
              ] as const)
            : r.chance(0.7)
              ? 'single'
              : 'divorced';
      return [head, other];
    }
  }
}

/** A collective household (集体户): a unit's dormitory of unrelated working-age people. */
function collectiveMembers(r: Rng): Member[] {
  const n = r.int(2, 7);
  return Array.from({ length: n }, (_, i) => {
    const year = cohortYear(r, 18, 52);
    const age = REF_YEAR - year;
    return {
      relation: i === 0 ? 'head' : 'other',
      sex: r.chance(0.6) ? 'M' : 'F',
      year,
      surname: pickSurname(r),
      marital: age < 26 || r.chance(0.5) ? 'single' : 'married',
      blood: false,
    } as Member;
  });
}

// ---------------------------------------------------------------------------------------------------
// Attributes that follow from age and sex

// Weight tables (module constants: the hot paths must not allocate them per person).
const SPOUSE_GAPS = [
  [0, 3],
  [1, 4],
  [2, 4],
  [3, 3],
  [4, 2],
  [5, 1],
  [-1, 2],
  [-2, 1],
] as const;
const EDUCATION_BEFORE_1950 = [
  ['none', 25],
  ['primary', 40],
  ['junior', 25],
  ['senior', 8],
  ['college', 2],
] as const;
const EDUCATION_1950S = [
  ['none', 8],
  ['primary', 25],
  ['junior', 40],
  ['senior', 18],
  ['vocational', 5],
  ['college', 3],
  ['bachelor', 1],
] as const;
const EDUCATION_1965_79 = [
  ['primary', 10],
  ['junior', 40],
  ['senior', 22],
  ['vocational', 10],
  ['college', 10],
  ['bachelor', 7],
  ['master', 1],
] as const;
const EDUCATION_1980_94 = [
  ['primary', 3],
  ['junior', 25],
  ['senior', 17],
  ['vocational', 12],
  ['college', 20],
  ['bachelor', 20],
  ['master', 2.7],
  ['doctor', 0.3],
] as const;
const EDUCATION_FROM_1995 = [
  ['junior', 15],
  ['senior', 12],
  ['vocational', 15],
  ['college', 28],
  ['bachelor', 26],
  ['master', 4],
] as const;
const JOBS_18_22 = [
  ['student', 55],
  ['employed', 35],
  ['unemployed', 5],
  ['self_employed', 5],
] as const;
const JOBS_FLOATING = [
  ['employed', 70],
  ['self_employed', 25],
  ['unemployed', 3],
  ['unable', 2],
] as const;
/** People living alone: mostly the old (widowed), then the young (single). */
const SINGLE_KINDS = [
  ['old', 46],
  ['young', 35],
  ['middle', 19],
] as const;
const OLD_ALONE_MARITAL = [
  ['widowed', 80],
  ['divorced', 12],
  ['single', 8],
] as const;
const MIDDLE_ALONE_MARITAL = [
  ['divorced', 50],
  ['widowed', 25],
  ['single', 25],
] as const;
const JOBS_BORN_TO_1980 = [
  ['employed', 72],
  ['self_employed', 13],
  ['unemployed', 3],
  ['laid_off', 4],
  ['farmer', 2],
  ['unable', 1.5],
] as const;
const JOBS_BORN_AFTER_1980 = [
  ['employed', 72],
  ['self_employed', 13],
  ['unemployed', 3],
  ['farmer', 2],
  ['unable', 1.5],
] as const;

function education(r: Rng, year: number, age: number, student: boolean): string | null {
  if (age < 6) return null;
  if (student || age < 18) {
    if (age < 12) return 'primary';
    if (age < 15) return 'junior';
    if (age < 18) return r.chance(0.7) ? 'senior' : 'vocational';
    return r.chance(0.45) ? 'college' : 'bachelor';
  }
  if (year < 1950) return r.weighted(EDUCATION_BEFORE_1950);
  if (year < 1965) return r.weighted(EDUCATION_1950S);
  if (year < 1980) return r.weighted(EDUCATION_1965_79);
  if (year < 1995) return r.weighted(EDUCATION_1980_94);
  return r.weighted(EDUCATION_FROM_1995);
}

function politicalStatus(r: Rng, age: number, sex: Sex, edu: string | null): string | null {
  if (age < 14) return null;
  if (age < 18) return r.chance(0.4) ? 'league_member' : 'masses';
  let party = age < 30 ? 0.04 : age < 60 ? 0.07 : 0.1;
  party *= sex === 'M' ? 1.25 : 0.75;
  if (edu === 'bachelor' || edu === 'master' || edu === 'doctor') party *= 1.7;
  const x = r.next();
  if (x < party) return 'party_member';
  if (x < party + 0.003) return 'probationary_member';
  if (x < party + 0.004) return 'democratic_party';
  if (age <= 28 && x < party + 0.25) return 'league_member';
  return 'masses';
}

/** Employment consistent with age: pre-school under 6, students to 22, retired from 60 (women often from 50). */
function employment(r: Rng, age: number, sex: Sex, year: number, residence: ResidenceType): string {
  if (age < 6) return 'preschool';
  if (age < 18) return 'student';
  if (age >= 60) return age >= 80 && r.chance(0.12) ? 'unable' : 'retired';
  if (age <= 22) return r.weighted(JOBS_18_22);
  if (sex === 'F' && age >= 50 && r.chance(0.6)) return 'retired';
  if (residence === 'floating') return r.weighted(JOBS_FLOATING);
  return r.weighted(year <= 1980 ? JOBS_BORN_TO_1980 : JOBS_BORN_AFTER_1980);
}

function phone(r: Rng, age: number): string | null {
  if (age < 18 || !r.chance(age >= 75 ? 0.55 : 0.96)) return null;
  return r.pick(PHONE_PREFIXES) + String(r.int(0, 99_999_999)).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------------
// The generator

/** Options of the population step. */
export interface PopulationOptions {
  /** Total residents (default 67,437). */
  residents?: number;
  seed: number;
  /** Field encryption for ID numbers (the same key the app uses). */
  crypto: FieldCrypto;
}

/** What was loaded, for logs and benchmarks. */
export interface PopulationSummary {
  buildings: number;
  households: number;
  residents: number;
  careRecords: number;
  /** The demo resident account's registry person. */
  demoResidentId: string | null;
  /** Milliseconds: generating and loading rows, of which waiting for the database, then building deferred indexes (PostgreSQL). */
  timings: { loadMs: number; waitMs: number; indexMs: number };
}

interface Community {
  id: string;
  code: string;
  index: number;
  grids: { id: string; code: string }[];
}

/** Generates the demo population for every community and bulk-loads it. */
export async function seedPopulation(database: Database, options: PopulationOptions): Promise<PopulationSummary> {
  const total = options.residents ?? DEFAULT_RESIDENTS;
  const communities = await loadCommunities(database);
  const master = rng(options.seed);
  // Community sizes vary ±15% around the mean and add up to the total.
  const factors = communities.map(() => 0.85 + master.next() * 0.3);
  const factorSum = factors.reduce((a, b) => a + b, 0);
  const roads = shuffle(master, [...ROADS]);
  const loader = new Loader(database);
  await loader.start();
  const state: CityState = {
    ids: new IdAllocator(),
    uuid: rng(options.seed ^ 0x5bd1e995),
    crypto: options.crypto,
    compounds: new Map(),
    loader,
    demoResidentId: null,
    careCount: 0,
  };
  const started = Date.now();
  const summary: PopulationSummary = {
    buildings: 0,
    households: 0,
    residents: 0,
    careRecords: 0,
    demoResidentId: null,
    timings: { loadMs: 0, waitMs: 0, indexMs: 0 },
  };
  try {
    for (const c of communities) {
      const people = Math.round((total * factors[c.index]) / factorSum);
      const r = rng((options.seed + Math.imul(c.index + 1, 0x9e3779b1)) >>> 0);
      const communityRoads = roads.filter((_, i) => i % communities.length === c.index);
      await generateCommunity(r, state, c, people, communityRoads, summary);
    }
  } catch (err) {
    await loader.abandon();
    throw err;
  }
  await loader.finish();
  summary.timings = { loadMs: loader.loadedAt - started, waitMs: loader.waitedMs, indexMs: Date.now() - loader.loadedAt };
  summary.demoResidentId = state.demoResidentId;
  summary.careRecords = state.careCount;
  if (state.demoResidentId) await database.query(`UPDATE users SET resident_id = $1 WHERE username = 'resident'`, [state.demoResidentId]);
  return summary;
}

async function loadCommunities(database: Database): Promise<Community[]> {
  const codes = COMMUNITIES.map((c) => c.code);
  const gridCodes = COMMUNITIES.flatMap((c) => Array.from({ length: GRIDS_PER_COMMUNITY }, (_, k) => gridCode(c.code, k + 1)));
  const rows = await database.db
    .select({ id: regions.id, code: regions.code })
    .from(regions)
    .where(inArray(regions.code, [...codes, ...gridCodes]));
  const byCode = new Map(rows.map((x) => [x.code, x.id]));
  return COMMUNITIES.map((c, index) => {
    const id = byCode.get(c.code);
    if (!id) throw new Error(`The demo community ${c.code} is missing: seed the regions first`);
    const grids = Array.from({ length: GRIDS_PER_COMMUNITY }, (_, k) => gridCode(c.code, k + 1))
      .filter((g) => byCode.has(g))
      .map((g) => ({ id: byCode.get(g)!, code: g }));
    if (grids.length === 0) throw new Error(`The demo community ${c.code} has no grids`);
    return { id, code: c.code, index, grids };
  });
}

function shuffle<T>(r: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

interface CityState {
  ids: IdAllocator;
  uuid: Rng;
  crypto: FieldCrypto;
  /** How often each compound name is used, to number later phases (二期、三期). */
  compounds: Map<string, number>;
  loader: Loader;
  demoResidentId: string | null;
  careCount: number;
}

/** Buffers CSV rows and loads them with COPY, one batch in flight while the next is built. */
class Loader {
  private buildings: string[] = [];
  private households: string[] = [];
  private residents: string[] = [];
  private care: string[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private deferred: { drop: string; create: string }[] = [];
  /** When the last row was loaded (before the deferred indexes were built). */
  loadedAt = 0;
  /** Time the generator spent waiting for the database to take the previous batch. */
  waitedMs = 0;

  constructor(private readonly database: Database) {}

  add(table: 'buildings' | 'households' | 'residents' | 'care', line: string) {
    this[table].push(line);
  }

  async maybeFlush() {
    if (this.residents.length >= FLUSH_ROWS) await this.flush();
  }

  private async flush() {
    const batch = { b: this.buildings, h: this.households, r: this.residents, c: this.care };
    this.buildings = [];
    this.households = [];
    this.residents = [];
    this.care = [];
    const waitFrom = Date.now();
    await this.inFlight;
    this.waitedMs += Date.now() - waitFrom;
    const db = this.database;
    const copies: [string, string[], string[]][] = [
      ['residents', RESIDENT_COLUMNS, batch.r],
      ['households', HOUSEHOLD_COLUMNS, batch.h],
      ['care_records', CARE_COLUMNS, batch.c],
      ['buildings', BUILDING_COLUMNS, batch.b],
    ];
    const copy = ([table, columns, lines]: [string, string[], string[]]) =>
      lines.length ? db.copyCsv(table, columns, lines.join('\n') + '\n') : Promise.resolve();
    // PostgreSQL takes the tables on separate connections at once; PGlite has one connection.
    const load = async () => {
      if (db.kind === 'postgres') await Promise.all(copies.map(copy));
      else for (const c of copies) await copy(c);
    };
    this.inFlight = load();
    // Surface a failure at the next await rather than as an unhandled rejection.
    this.inFlight.catch(() => undefined);
  }

  /**
   * On PostgreSQL, loading into tables without their indexes (primary keys included) and building them
   * afterwards is several times faster than maintaining them row by row. The definitions are read from
   * the catalogue, so the schema ends up exactly as the migrations made it. Only done while the tables
   * are empty, and a primary key only when no foreign key refers to it.
   */
  async start() {
    // The name-search keys are filled in one statement at the end instead of by the per-row trigger.
    await this.database.query('ALTER TABLE residents DISABLE TRIGGER residents_name_keys_insert');
    if (this.database.kind !== 'postgres') return;
    const [{ n }] = await this.database.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM residents LIMIT 1) x');
    if (n > 0) return;
    const indexes = await this.database.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [LOADED_TABLES],
    );
    const keys = await this.database.query<{ tbl: string; name: string; def: string }>(
      `SELECT t.relname AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1) AND c.contype = 'p'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.conrelid)`,
      [LOADED_TABLES],
    );
    this.deferred = [
      ...keys.map((k) => ({ drop: `ALTER TABLE ${k.tbl} DROP CONSTRAINT ${k.name}`, create: `ALTER TABLE ${k.tbl} ADD CONSTRAINT ${k.name} ${k.def}` })),
      ...indexes.map((ix) => ({ drop: `DROP INDEX ${ix.name}`, create: ix.def })),
    ];
    for (const d of this.deferred) await this.database.query(d.drop);
  }

  async finish() {
    try {
      await this.flush();
      await this.inFlight;
      await this.database.query(
        `INSERT INTO resident_name_keys (key, name_pinyin, resident_id, community_id, grid_id, status)
           SELECT k, r.name_pinyin, r.id, r.community_id, r.grid_id, r.status FROM residents r, unnest(shequ_name_keys(r.name, r.name_initials)) AS k
            WHERE NOT EXISTS (SELECT 1 FROM resident_name_keys x WHERE x.resident_id = r.id)`,
      );
      this.loadedAt = Date.now();
    } finally {
      await this.database.query('ALTER TABLE residents ENABLE TRIGGER residents_name_keys_insert');
      await this.restoreIndexes();
    }
    // Statistics for the planner, and the visibility map that lets searches and counts read the indexes only.
    for (const t of LOADED_TABLES) await this.database.query(`VACUUM (ANALYZE) ${t}`);
  }

  /** After a failed load: the trigger and the indexes come back, so the schema is whole whatever was loaded. */
  async abandon() {
    await this.inFlight.catch(() => undefined);
    await this.database.query('ALTER TABLE residents ENABLE TRIGGER residents_name_keys_insert');
    await this.restoreIndexes();
  }

  private async restoreIndexes() {
    const pending = [...this.deferred];
    this.deferred = [];
    if (pending.length === 0) return;
    // Two builders at a time: each index build is one backend's work.
    const worker = async () => {
      // More sort memory than the default 64 MB keeps a million-row build in memory.
      for (let d = pending.shift(); d; d = pending.shift()) await this.database.query(`BEGIN; SET LOCAL maintenance_work_mem = '256MB'; ${d.create}; COMMIT`);
    };
    await Promise.all([worker(), worker()]);
  }
}

/** A building being filled with households, room by room. */
interface BuildingCursor {
  id: string;
  label: string;
  address: string;
  floors: number;
  units: number;
  unit: number;
  floor: number;
  door: number;
}

interface CompoundCursor {
  name: string;
  address: string;
  kind: 'dorm' | 'mid' | 'new';
  builtYear: number;
  buildingsLeft: number;
  next: number;
}

async function generateCommunity(r: Rng, state: CityState, c: Community, people: number, roads: string[], summary: PopulationSummary) {
  const weights = c.grids.map(() => 0.8 + r.next() * 0.4);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const roadNumbers = new Map<string, number>();
  let householdSeq = 0;
  let placed = 0;
  for (let g = 0; g < c.grids.length; g++) {
    const grid = c.grids[g];
    const target = g === c.grids.length - 1 ? people - placed : Math.round((people * weights[g]) / weightSum);
    let gridPeople = 0;
    let compound: CompoundCursor | null = null;
    let building: BuildingCursor | null = null;
    while (gridPeople < target) {
      if (!building || building.unit > building.units) {
        if (!compound || compound.buildingsLeft === 0) compound = newCompound(r, state, roads, roadNumbers);
        building = newBuilding(r, state, c, grid.id, compound);
        summary.buildings++;
      }
      const room = `${building.unit}单元${building.floor}${String(building.door).padStart(2, '0')}室`;
      advance(building);
      if (!r.chance(0.9)) continue; // vacant
      householdSeq++;
      const forced = c.index === 0 && g === 0 && householdSeq === 1 ? { surname: '周', givenName: '建国', year: 1966 } : undefined;
      const n = generateHousehold(r, state, c, grid.id, building, room, householdSeq, forced);
      gridPeople += n;
      summary.households++;
      summary.residents += n;
      await state.loader.maybeFlush();
    }
    placed += gridPeople;
  }
}

function newCompound(r: Rng, state: CityState, roads: string[], numbers: Map<string, number>): CompoundCursor {
  const kind = r.weighted([
    ['dorm', 28],
    ['mid', 42],
    ['new', 30],
  ] as const);
  const base = kind === 'dorm' ? `${r.pick(WORK_UNITS)}${r.chance(0.7) ? '宿舍' : '家属院'}` : `${r.pick(COMPOUND_PREFIXES)}${r.pick(COMPOUND_SUFFIXES)}`;
  const used = (state.compounds.get(base) ?? 0) + 1;
  state.compounds.set(base, used);
  const name = used === 1 ? base : `${base}${used <= 10 ? CN_DIGITS[used] : used}期`;
  const road = r.pick(roads);
  const no = (numbers.get(road) ?? 0) + r.int(1, 4) * 2;
  numbers.set(road, no);
  const builtYear = kind === 'dorm' ? r.int(1978, 1998) : kind === 'mid' ? r.int(1998, 2010) : r.int(2010, 2023);
  const buildingsLeft = kind === 'dorm' ? r.int(4, 12) : kind === 'mid' ? r.int(8, 20) : r.int(6, 15);
  return { name, address: `${road}${no}号`, kind, builtYear, buildingsLeft, next: 1 };
}

function newBuilding(r: Rng, state: CityState, c: Community, gridId: string, compound: CompoundCursor): BuildingCursor {
  compound.buildingsLeft--;
  const number = compound.next++;
  const floors = compound.kind === 'dorm' ? r.int(6, 7) : compound.kind === 'mid' ? (r.chance(0.7) ? r.int(6, 7) : 11) : r.int(11, 18);
  const units = compound.kind === 'new' ? r.int(2, 3) : r.int(2, 4);
  const id = uuidFrom(state.uuid);
  const label = `${compound.name}${number}栋`;
  state.loader.add('buildings', row([id, c.id, gridId, label, compound.address, floors, units, compound.builtYear]));
  return { id, label, address: compound.address, floors, units, unit: 1, floor: 1, door: 1 };
}

function advance(b: BuildingCursor) {
  if (b.door < 2) return void b.door++;
  b.door = 1;
  if (b.floor < b.floors) return void b.floor++;
  b.floor = 1;
  b.unit++;
}

/**
 * The stored forms of an ID number, as identityColumns (server/lib/identity.ts) makes them, without
 * parsing again a number this generator has just built valid (the test compares the two).
 */
function storedIdentity(crypto: FieldCrypto, n: string) {
  return {
    idCipher: crypto.encrypt(n),
    idHash: crypto.blindIndex(n),
    idMasked: maskIdNumber(n),
    idTailRev: n[17] + n[16] + n[15] + n[14] + n[13] + n[12],
    birthDate: `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`,
  };
}

/** Creates one household with its members and their care records; returns the number of members. */
function generateHousehold(
  r: Rng,
  state: CityState,
  c: Community,
  gridId: string,
  building: BuildingCursor,
  room: string,
  seq: number,
  forced?: { surname: string; givenName: string; year: number },
): number {
  const collective = !forced && r.chance(0.035);
  const members = collective ? collectiveMembers(r) : familyMembers(r, forced ? 'nuclear' : r.weighted(TEMPLATES), forced);
  const head = members[0];
  const headAge = REF_YEAR - head.year;

  // Residence of the household: floating households rent; collective ones are partly temporary.
  let householdResidence: ResidenceType = 'registered_resident';
  if (!forced) {
    if (collective)
      householdResidence = r.weighted([
        ['floating', 50],
        ['temporary', 30],
        ['registered_resident', 20],
      ] as const);
    else {
      const x = r.next();
      if (x < (headAge >= 20 && headAge <= 50 ? 0.11 : 0.01)) householdResidence = 'floating';
      else if (x > 0.99) householdResidence = 'temporary';
    }
  }
  const outsider = householdResidence !== 'registered_resident';
  const lineRegion = outsider ? (r.chance(0.62) ? r.pick(ANHUI_OTHER) : r.pick(OTHER_PROVINCES)) : CITY.code;
  const lineEthnicity = r.weighted(ETHNICITIES);
  const householdId = uuidFrom(state.uuid);
  const address = `${building.address}${building.label}${room}`;
  const householdNumber = outsider ? null : `${c.code.slice(6)}${String(seq).padStart(6, '0')}`;
  const arrivalDay = dayBetween(r, REF_DAY - 5 * 365, REF_DAY - 20);

  const ids: string[] = [];
  const careRows: string[] = [];
  const addCare = (residentId: string, group: string, attributes: Record<string, unknown>, startDay: number | string, endDate: string | null = null) => {
    const start = typeof startDay === 'number' ? dayString(startDay) : startDay;
    careRows.push(row([uuidFrom(state.uuid), residentId, c.id, group, JSON.stringify(attributes), start, endDate]));
  };
  let anyHardship = false;

  for (const m of members) {
    const id = uuidFrom(state.uuid);
    ids.push(id);
    const residence: ResidenceType =
      m.residence ??
      (outsider
        ? householdResidence
        : (m.relation === 'son' || m.relation === 'daughter') && REF_YEAR - m.year >= 18 && REF_YEAR - m.year <= 40 && r.chance(0.22)
          ? r.chance(0.03)
            ? 'overseas'
            : 'registered_away'
          : 'registered_resident');
    let region = lineRegion;
    if (!m.blood)
      region = outsider
        ? r.chance(0.7)
          ? lineRegion
          : r.pick(ANHUI_OTHER)
        : r.chance(0.05)
          ? r.chance(0.7)
            ? r.pick(ANHUI_OTHER)
            : r.pick(OTHER_PROVINCES)
          : CITY.code;
    if (collective)
      region =
        householdResidence === 'registered_resident'
          ? r.chance(0.6)
            ? CITY.code
            : r.pick(ANHUI_OTHER)
          : r.chance(0.62)
            ? r.pick(ANHUI_OTHER)
            : r.pick(OTHER_PROVINCES);

    const number = state.ids.take(region, dayInYear(r, m.year), m.sex);
    const identity = storedIdentity(state.crypto, number);
    const birthDate = identity.birthDate;
    const age = REF_YEAR - Number(birthDate.slice(0, 4)) - (birthDate.slice(5) > REF_MONTH_DAY ? 1 : 0);
    const givenName = m.givenName ?? pickGivenName(r, m.sex, m.year);
    const name = m.surname + givenName;
    const { namePinyin, nameInitials } = nameColumns(name);
    const ethnicity = m.blood ? lineEthnicity : r.weighted(ETHNICITIES);
    const job = employment(r, age, m.sex, m.year, residence);
    const edu = education(r, m.year, age, job === 'student');
    const political = politicalStatus(r, age, m.sex, edu);
    const marital: Marital = age < 20 ? 'single' : m.marital;
    // None of these values can hold a comma, quote or newline, so they go into the CSV unquoted.
    state.loader.add(
      'residents',
      `${id},${c.id},${gridId},${householdId},${name},${namePinyin},${nameInitials},\\x${identity.idCipher.toString('hex')},${identity.idHash},${identity.idMasked},${identity.idTailRev},${birthDate},${m.sex},${ethnicity},${phone(r, age) ?? ''},${edu ?? ''},${political ?? ''},${marital},${job},${residence},${m.relation},active`,
    );
    if (forced && m.relation === 'head') state.demoResidentId = id;

    // Care groups, at rates close to a county-level city's ledgers.
    const disabledP = age < 18 ? 0.015 : age < 45 ? 0.035 : age < 60 ? 0.07 : age < 75 ? 0.12 : 0.22;
    if (r.chance(disabledP)) {
      const category = r.weighted(DISABILITY_WEIGHTS);
      const level = r.weighted([
        [1, 10],
        [2, 20],
        [3, 30],
        [4, 40],
      ] as const);
      addCare(
        id,
        'disability',
        { category, level, certified: r.chance(0.9) },
        dayBetween(r, Math.max(dayOf(birthDate) + 365, REF_DAY - 18 * 365), REF_DAY - 30),
      );
      if (level <= 2) anyHardship = true;
    }
    if (age >= 65 && members.length === 1 && !collective) {
      addCare(
        id,
        'elderly_alone',
        {
          childrenNearby: r.chance(0.6),
          selfCare: r.weighted([
            ['full', 70],
            ['partial', 24],
            ['none', 6],
          ] as const),
        },
        dayBetween(r, REF_DAY - 8 * 365, REF_DAY - 30),
      );
      if (r.chance(0.05)) {
        addCare(
          id,
          'tekun',
          {
            supportMode: r.chance(0.8) ? 'dispersed' : 'centralized',
            selfCare: r.weighted([
              ['full', 60],
              ['partial', 30],
              ['none', 10],
            ] as const),
          },
          dayBetween(r, REF_DAY - 10 * 365, REF_DAY - 30),
        );
      }
    }
    if (job === 'unemployed' || job === 'laid_off') {
      anyHardship = true;
      const attrs: Record<string, unknown> = { kind: job, wantsTraining: r.chance(0.4) };
      if (job === 'laid_off') attrs.formerEmployer = `${CITY.name}${r.pick(WORK_UNITS)}`;
      addCare(id, 'unemployed', attrs, dayBetween(r, REF_DAY - 3 * 365, REF_DAY - 14));
    }
    if (age >= 40 && age <= 85 && m.sex === 'M' && r.chance(0.032)) {
      addCare(id, 'youfu', { type: r.chance(0.12) ? 'disabled_veteran' : 'veteran' }, dayBetween(r, REF_DAY - 20 * 365, REF_DAY - 30));
    } else if (age >= 65 && r.chance(0.004)) {
      addCare(id, 'youfu', { type: 'martyr_family' }, dayBetween(r, REF_DAY - 30 * 365, REF_DAY - 30));
    } else if (age >= 40 && age <= 65 && r.chance(0.003)) {
      addCare(id, 'youfu', { type: YOUFU_TYPES[3] }, dayBetween(r, REF_DAY - 4 * 365, REF_DAY - 30));
    }
    if (age >= 20 && age <= 65 && r.chance(m.sex === 'M' ? 0.003 : 0.0004)) {
      const release = dayBetween(r, REF_DAY - Math.round(6.5 * 365), REF_DAY - 20);
      const releaseDate = dayString(release);
      const periodEnd = addYears(releaseDate, ASSISTANCE_YEARS.released);
      addCare(id, 'released', { releaseDate, periodEnd, sentenceMonths: r.int(6, 120) }, releaseDate, periodEnd <= REFERENCE_DATE ? periodEnd : null);
    } else if (age >= 18 && age <= 70 && r.chance(m.sex === 'M' ? 0.0011 : 0.0002)) {
      const start = dayString(dayBetween(r, REF_DAY - Math.round(2.5 * 365), REF_DAY - 20));
      const correctionEnd = addYears(start, r.int(1, 3));
      const assistanceEnd = addYears(correctionEnd, ASSISTANCE_YEARS.correction);
      const correctionType = r.weighted([
        ['probation', 80],
        ['parole', 8],
        ['surveillance', 2],
        ['medical_parole', 10],
      ] as const);
      addCare(
        id,
        'correction',
        { correctionType, correctionStart: start, correctionEnd, assistanceEnd },
        start,
        assistanceEnd <= REFERENCE_DATE ? assistanceEnd : null,
      );
    }
    if (m.leftBehind) {
      addCare(
        id,
        'left_behind_child',
        { guardian: 'grandparent', parentsAway: 'both', parentsWorkplace: r.pick(WORKPLACES) },
        dayBetween(r, Math.max(dayOf(birthDate), REF_DAY - 6 * 365), REF_DAY - 30),
      );
    }
    if (residence === 'floating') {
      const arrival = Math.max(arrivalDay, dayOf(birthDate));
      const months = Math.floor((REF_DAY - arrival) / 30);
      addCare(
        id,
        'floating',
        {
          arrivalDate: dayString(arrival),
          origin: region,
          reason:
            age < 16
              ? 'family'
              : r.weighted([
                  ['work', 70],
                  ['business', 15],
                  ['family', 10],
                  ['study', 5],
                ] as const),
          plannedStayMonths: r.weighted([
            [6, 20],
            [12, 35],
            [24, 25],
            [36, 20],
          ] as const),
          residencePermit: months >= 6 && age >= 16 && r.chance(0.7),
        },
        arrival,
      );
    }
  }

  // 低保 covers the whole household; hardship makes it far more likely. Registered households only.
  if (!outsider && !collective && r.chance(anyHardship ? 0.1 : 0.009)) {
    const start = dayBetween(r, REF_DAY - 8 * 365, REF_DAY - 30);
    const monthlyAmount = 780 * members.length - r.int(0, 4) * 50;
    for (const id of ids) addCare(id, 'dibao', { householdSize: members.length, monthlyAmount, headResidentId: ids[0] }, start);
  }

  state.loader.add(
    'households',
    row([householdId, c.id, gridId, building.id, householdNumber, room, address, collective ? 'collective' : 'family', ids[0], 'active']),
  );
  for (const line of careRows) state.loader.add('care', line);
  state.careCount += careRows.length;
  return members.length;
}
