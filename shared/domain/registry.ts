/**
 * The registry's vocabularies (DOMAIN.md §3.1). Stored as stable codes; labels in both languages.
 */
import { readPermissionOf, type Permission } from './permissions';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const RESIDENCE_TYPES = ['registered_resident', 'registered_away', 'floating', 'temporary', 'overseas'] as const;
export type ResidenceType = (typeof RESIDENCE_TYPES)[number];
export const RESIDENCE_TYPE_LABELS: Labels<ResidenceType> = {
  registered_resident: { zh: '户籍常住', en: 'Registered, resident' },
  registered_away: { zh: '户籍外出', en: 'Registered, away' },
  floating: { zh: '流动人口', en: 'Floating population' },
  temporary: { zh: '暂住', en: 'Temporary resident' },
  overseas: { zh: '境外', en: 'Overseas' },
};

export const RESIDENT_STATUSES = ['active', 'moved_out', 'deceased'] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];
export const RESIDENT_STATUS_LABELS: Labels<ResidentStatus> = {
  active: { zh: '在册', en: 'Registered' },
  moved_out: { zh: '迁出', en: 'Moved out' },
  deceased: { zh: '死亡', en: 'Deceased' },
};

export const POLITICAL_STATUSES = ['masses', 'league_member', 'party_member', 'probationary_member', 'democratic_party'] as const;
export const POLITICAL_STATUS_LABELS: Labels<(typeof POLITICAL_STATUSES)[number]> = {
  masses: { zh: '群众', en: 'None' },
  league_member: { zh: '共青团员', en: 'Youth League member' },
  party_member: { zh: '中共党员', en: 'CPC member' },
  probationary_member: { zh: '中共预备党员', en: 'CPC probationary member' },
  democratic_party: { zh: '民主党派', en: 'Democratic party member' },
};

export const EDUCATION_LEVELS = ['none', 'primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'master', 'doctor'] as const;
export const EDUCATION_LABELS: Labels<(typeof EDUCATION_LEVELS)[number]> = {
  none: { zh: '文盲或半文盲', en: 'None' },
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior secondary' },
  senior: { zh: '高中', en: 'Senior secondary' },
  vocational: { zh: '中专/技校', en: 'Vocational' },
  college: { zh: '大专', en: 'College' },
  bachelor: { zh: '本科', en: "Bachelor's" },
  master: { zh: '硕士', en: "Master's" },
  doctor: { zh: '博士', en: 'Doctorate' },
};

export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'] as const;
export const MARITAL_LABELS: Labels<(typeof MARITAL_STATUSES)[number]> = {
  single: { zh: '未婚', en: 'Single' },
  married: { zh: '已婚', en: 'Married' },
  divorced: { zh: '离婚', en: 'Divorced' },
  widowed: { zh: '丧偶', en: 'Widowed' },
};

export const EMPLOYMENT_STATUSES = ['employed', 'unemployed', 'laid_off', 'retired', 'student', 'preschool', 'farmer', 'self_employed', 'unable'] as const;
export const EMPLOYMENT_LABELS: Labels<(typeof EMPLOYMENT_STATUSES)[number]> = {
  employed: { zh: '在业', en: 'Employed' },
  unemployed: { zh: '失业', en: 'Unemployed' },
  laid_off: { zh: '下岗', en: 'Laid off' },
  retired: { zh: '离退休', en: 'Retired' },
  student: { zh: '在校学生', en: 'Student' },
  preschool: { zh: '学龄前', en: 'Pre-school' },
  farmer: { zh: '务农', en: 'Farming' },
  self_employed: { zh: '个体经营', en: 'Self-employed' },
  unable: { zh: '无劳动能力', en: 'Unable to work' },
};

export const RELATIONS = [
  'head',
  'spouse',
  'son',
  'daughter',
  'father',
  'mother',
  'grandson',
  'granddaughter',
  'grandparent',
  'son_in_law',
  'daughter_in_law',
  'sibling',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Labels<Relation> = {
  head: { zh: '户主', en: 'Head' },
  spouse: { zh: '配偶', en: 'Spouse' },
  son: { zh: '子', en: 'Son' },
  daughter: { zh: '女', en: 'Daughter' },
  father: { zh: '父亲', en: 'Father' },
  mother: { zh: '母亲', en: 'Mother' },
  grandson: { zh: '孙子', en: 'Grandson' },
  granddaughter: { zh: '孙女', en: 'Granddaughter' },
  grandparent: { zh: '祖父母', en: 'Grandparent' },
  son_in_law: { zh: '女婿', en: 'Son-in-law' },
  daughter_in_law: { zh: '儿媳', en: 'Daughter-in-law' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
};

export const HOUSEHOLD_TYPES = ['family', 'collective'] as const;
export const HOUSEHOLD_TYPE_LABELS: Labels<(typeof HOUSEHOLD_TYPES)[number]> = {
  family: { zh: '家庭户', en: 'Family household' },
  collective: { zh: '集体户', en: 'Collective household' },
};

/** A household is never deleted: merged into another, or dissolved (注销). */
export const HOUSEHOLD_STATUS_LABELS: Record<'active' | 'merged' | 'dissolved', { zh: string; en: string }> = {
  active: { zh: '正常', en: 'Active' },
  merged: { zh: '已并户', en: 'Merged' },
  dissolved: { zh: '已注销', en: 'Dissolved' },
};

/** The care groups the speech names; each is a dated record with its own attributes. */
export const CARE_GROUPS = [
  'elderly_alone',
  'disability',
  'dibao',
  'tekun',
  'youfu',
  'unemployed',
  'released',
  'correction',
  'left_behind_child',
  'floating',
] as const;
export type CareGroup = (typeof CARE_GROUPS)[number];
export const CARE_GROUP_LABELS: Labels<CareGroup> = {
  elderly_alone: { zh: '独居老人', en: 'Elderly living alone' },
  disability: { zh: '残疾人', en: 'Person with disability' },
  dibao: { zh: '低保对象', en: 'Minimum living allowance (低保)' },
  tekun: { zh: '特困人员', en: 'Extreme poverty support (特困)' },
  youfu: { zh: '优抚对象', en: 'Entitled veteran / martyr family (优抚)' },
  unemployed: { zh: '失业/下岗人员', en: 'Unemployed / laid off' },
  released: { zh: '刑满释放人员（安置帮教）', en: 'Released person under 帮教' },
  correction: { zh: '社区矫正对象', en: 'Community correction' },
  left_behind_child: { zh: '留守儿童', en: 'Left-behind child' },
  floating: { zh: '流动人口', en: 'Floating population' },
};

/**
 * Who may see each care group: the sensitive ones (disability and poverty: welfare facts; release and
 * correction: justice facts) by SENSITIVE_CATEGORIES in permissions.ts, the rest are ordinary registry facts.
 */
export const CARE_GROUP_PERMISSION = Object.fromEntries(CARE_GROUPS.map((g) => [g, readPermissionOf(g, 'care.basic.read')])) as Record<CareGroup, Permission>;

/** The care groups whose read permission a session holds somewhere (the web's group choices; where is the server's to say). */
export const careGroupsReadableWith = (can: (permission: Permission) => boolean): CareGroup[] => CARE_GROUPS.filter((g) => can(CARE_GROUP_PERMISSION[g]));

export const DISABILITY_CATEGORIES = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const;
export const DISABILITY_CATEGORY_LABELS: Labels<(typeof DISABILITY_CATEGORIES)[number]> = {
  visual: { zh: '视力残疾', en: 'Visual' },
  hearing: { zh: '听力残疾', en: 'Hearing' },
  speech: { zh: '言语残疾', en: 'Speech' },
  physical: { zh: '肢体残疾', en: 'Physical' },
  intellectual: { zh: '智力残疾', en: 'Intellectual' },
  mental: { zh: '精神残疾', en: 'Mental' },
  multiple: { zh: '多重残疾', en: 'Multiple' },
};

export const YOUFU_TYPES = ['disabled_veteran', 'martyr_family', 'veteran', 'military_family'] as const;
export const YOUFU_TYPE_LABELS: Labels<(typeof YOUFU_TYPES)[number]> = {
  disabled_veteran: { zh: '伤残军人', en: 'Disabled veteran' },
  martyr_family: { zh: '烈士遗属', en: 'Martyr family' },
  veteran: { zh: '复员退伍军人', en: 'Veteran' },
  military_family: { zh: '现役军人家属', en: 'Military family' },
};

/** 安置帮教 period (DOMAIN.md §4): years after release from prison / after correction ends. Settings with defaults. */
export const ASSISTANCE_YEARS = { released: 5, correction: 3 } as const;
