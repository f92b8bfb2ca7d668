/**
 * Community cadres (社区干部队伍, DOMAIN.md §3.3 and §4): posts, where each person comes from, and the
 * staffing standard a community's team is measured against. Pure data and rules.
 */
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const CADRE_POSTS = [
  'secretary_director',
  'party_secretary',
  'director',
  'deputy_director',
  'committee_member',
  'director_assistant',
  'full_time_worker',
  'part_time_worker',
  'police_officer',
  'auxiliary_police',
] as const;
export type CadrePost = (typeof CADRE_POSTS)[number];

export const CADRE_POST_LABELS: Labels<CadrePost> = {
  secretary_director: { zh: '党组织书记兼居委会主任', en: 'Party secretary and director' },
  party_secretary: { zh: '党组织书记', en: 'Party secretary' },
  director: { zh: '居委会主任', en: 'Director' },
  deputy_director: { zh: '居委会副主任', en: 'Deputy director' },
  committee_member: { zh: '居委会委员', en: 'Committee member' },
  director_assistant: { zh: '主任助理', en: "Director's assistant" },
  full_time_worker: { zh: '专职社区工作者', en: 'Full-time community worker' },
  part_time_worker: { zh: '兼职干部', en: 'Part-time cadre' },
  police_officer: { zh: '社区民警', en: 'Community police officer' },
  auxiliary_police: { zh: '协警', en: 'Auxiliary police' },
};

/** How a person came to the post (the speech: 依法选举, 公开招聘, teachers 带编带薪 seconded, police assigned). */
export const CADRE_SOURCES = ['elected', 'recruited', 'seconded', 'assigned_police'] as const;
export type CadreSource = (typeof CADRE_SOURCES)[number];
export const CADRE_SOURCE_LABELS: Labels<CadreSource> = {
  elected: { zh: '依法选举', en: 'Elected' },
  recruited: { zh: '公开招聘', en: 'Recruited' },
  seconded: { zh: '选派（带编带薪）', en: 'Seconded with pay' },
  assigned_police: { zh: '公安派驻', en: 'Assigned police' },
};

/** The three lines of the speech's standard: 专职, 兼职, 警务. */
export const STAFFING_CATEGORIES = ['full_time', 'part_time', 'police'] as const;
export type StaffingCategory = (typeof STAFFING_CATEGORIES)[number];
export const STAFFING_CATEGORY_LABELS: Labels<StaffingCategory> = {
  full_time: { zh: '专职干部', en: 'Full-time cadres' },
  part_time: { zh: '兼职干部', en: 'Part-time cadres' },
  police: { zh: '社区警务人员', en: 'Community police' },
};

/** Which line of the standard a post fills. */
export function staffingCategory(post: CadrePost): StaffingCategory {
  if (post === 'police_officer' || post === 'auxiliary_police') return 'police';
  if (post === 'part_time_worker') return 'part_time';
  return 'full_time';
}

/** The staffing standard (a setting): per community, and community workers per 10,000 residents. */
export interface StaffingStandard {
  fullTime: number;
  partTime: number;
  police: number;
  /** Community workers (full- and part-time cadres, police not counted) per 10,000 residents. */
  workersPer10k: number;
}

/** The speech's 5 + 1 + 3, and the common current ratio of 18 per 10,000. */
export const DEFAULT_STAFFING: StaffingStandard = { fullTime: 5, partTime: 1, police: 3, workersPer10k: 18 };

/** A community's team against the standard. */
export interface StaffingAssessment {
  required: Record<StaffingCategory, number>;
  actual: Record<StaffingCategory, number>;
  /** Posts to fill per line (never negative; a surplus in one line does not fill another). */
  vacancies: Record<StaffingCategory, number>;
  /** Sum of the lines' vacancies. */
  totalVacancies: number;
  /** Workers the ratio asks for: ceil(residents × workersPer10k / 10,000). */
  ratioRequired: number;
  /** Full- and part-time cadres. */
  workers: number;
  /** Workers still missing under the ratio (0 when met). */
  ratioShortfall: number;
}

/**
 * Vacancies of one community: per line of the standard, and against the ratio of workers to residents.
 * `counts` are the current cadres per line.
 */
export function assessStaffing(standard: StaffingStandard, residents: number, counts: Partial<Record<StaffingCategory, number>>): StaffingAssessment {
  const required = { full_time: standard.fullTime, part_time: standard.partTime, police: standard.police };
  const actual = { full_time: counts.full_time ?? 0, part_time: counts.part_time ?? 0, police: counts.police ?? 0 };
  const vacancies = {
    full_time: Math.max(0, required.full_time - actual.full_time),
    part_time: Math.max(0, required.part_time - actual.part_time),
    police: Math.max(0, required.police - actual.police),
  };
  const ratioRequired = Math.ceil((Math.max(0, residents) * standard.workersPer10k) / 10_000);
  const workers = actual.full_time + actual.part_time;
  return {
    required,
    actual,
    vacancies,
    totalVacancies: vacancies.full_time + vacancies.part_time + vacancies.police,
    ratioRequired,
    workers,
    ratioShortfall: Math.max(0, ratioRequired - workers),
  };
}
