import { z } from 'zod';
import { EDUCATION_LEVELS } from '../domain/registry';
import { CADRE_POSTS, CADRE_SOURCES, STAFFING_CATEGORIES } from '../domain/staffing';
import { TRAINING_FORMS } from '../domain/training';
import { Version } from './common';

/** A calendar date, YYYY-MM-DD. */
const day = z.iso.date('日期格式应为 YYYY-MM-DD | date must be YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);

/** Filters and page of the cadre list. */
export const CadresQuery = z.object({
  /** Name fragment. */
  q: text(50).optional(),
  communityId: z.uuid().optional(),
  post: z.enum(CADRE_POSTS).optional(),
  source: z.enum(CADRE_SOURCES).optional(),
  /** Only those without pension or medical insurance. */
  uninsured: z.enum(['true', 'false']).optional(),
  /** Include those who have left (default: current only). */
  includeFormer: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CadresQuery = z.infer<typeof CadresQuery>;

/** A cadre as lists show it. */
export const CadreListItem = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  residentId: z.uuid().nullable(),
  name: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  /** Whole years today. */
  age: z.number().int(),
  post: z.enum(CADRE_POSTS),
  source: z.enum(CADRE_SOURCES),
  /** One of EDUCATION_LEVELS. */
  education: z.enum(EDUCATION_LEVELS).nullable(),
  partyMember: z.boolean(),
  payGrade: z.string().nullable(),
  pensionInsured: z.boolean(),
  medicalInsured: z.boolean(),
  startDate: z.string(),
  /** Null while in post. */
  endDate: z.string().nullable(),
  /** The last training's date, if any. */
  lastTraining: z.string().nullable(),
  version: z.number().int(),
});
export type CadreListItem = z.infer<typeof CadreListItem>;
export const CadresPage = z.object({ items: z.array(CadreListItem), total: z.number().int() });

/** One training record. */
export const TrainingRecord = z.object({
  id: z.uuid(),
  course: z.string(),
  /** One of TRAINING_FORMS. */
  form: z.enum(TRAINING_FORMS),
  hours: z.number(),
  date: z.string(),
});
export type TrainingRecord = z.infer<typeof TrainingRecord>;

/** The cadre page: profile, training records and when the next training is due. */
export const CadreDetail = CadreListItem.extend({
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  trainings: z.array(TrainingRecord),
  training: z.object({ dueDate: z.string(), status: z.enum(['ok', 'due', 'overdue']), intervalYears: z.number().int() }),
});
export type CadreDetail = z.infer<typeof CadreDetail>;

const profile = {
  sex: z.enum(['M', 'F']),
  birthDate: day,
  post: z.enum(CADRE_POSTS),
  source: z.enum(CADRE_SOURCES),
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  partyMember: z.boolean().default(false),
  phone: text(30).nullable().optional(),
  payGrade: text(30).nullable().optional(),
  pensionInsured: z.boolean().default(false),
  medicalInsured: z.boolean().default(false),
  startDate: day,
  notes: text(500).nullable().optional(),
};

/** Record a cadre of a community; a resident of the registry may be linked (name, sex, birth date from the record). */
export const CreateCadreRequest = z.object({
  communityId: z.uuid(),
  residentId: z.uuid().nullable().optional(),
  name: text(50).min(1, '请填写姓名 | name is required'),
  ...profile,
});
export type CreateCadreRequest = z.infer<typeof CreateCadreRequest>;

/** Edit a cadre (leaving is setting endDate): the fields that change plus the version read. */
export const UpdateCadreRequest = z.object({
  version: Version,
  name: text(50).min(1).optional(),
  sex: profile.sex.optional(),
  birthDate: day.optional(),
  post: profile.post.optional(),
  source: profile.source.optional(),
  education: profile.education,
  partyMember: z.boolean().optional(),
  phone: profile.phone,
  payGrade: profile.payGrade,
  pensionInsured: z.boolean().optional(),
  medicalInsured: z.boolean().optional(),
  startDate: day.optional(),
  endDate: day.nullable().optional(),
  notes: profile.notes,
});
export type UpdateCadreRequest = z.infer<typeof UpdateCadreRequest>;

/** Record a training a cadre attended. */
export const AddTrainingRequest = z.object({
  course: text(100).min(1, '请填写培训名称 | course is required'),
  form: z.enum(TRAINING_FORMS),
  hours: z.number().min(0.5, '学时至少 0.5 | at least 0.5 hours').max(500),
  date: day,
});
export type AddTrainingRequest = z.infer<typeof AddTrainingRequest>;

const byCategory = z.object({ full_time: z.number().int(), part_time: z.number().int(), police: z.number().int() });

/** Each community's team against the staffing standard. */
export const StaffingReport = z.object({
  standard: z.object({ fullTime: z.number().int(), partTime: z.number().int(), police: z.number().int(), workersPer10k: z.number() }),
  items: z.array(
    z.object({
      communityId: z.uuid(),
      communityName: z.string(),
      residents: z.number().int(),
      required: byCategory,
      actual: byCategory,
      vacancies: byCategory,
      totalVacancies: z.number().int(),
      ratioRequired: z.number().int(),
      workers: z.number().int(),
      ratioShortfall: z.number().int(),
    }),
  ),
});
export type StaffingReport = z.infer<typeof StaffingReport>;

/** Cadres whose training is overdue or falls due soon. */
export const TrainingDueList = z.object({
  items: z.array(
    z.object({
      cadreId: z.uuid(),
      name: z.string(),
      communityId: z.uuid(),
      communityName: z.string(),
      post: z.enum(CADRE_POSTS),
      lastTraining: z.string().nullable(),
      dueDate: z.string(),
      status: z.enum(['due', 'overdue']),
    }),
  ),
});
export type TrainingDueList = z.infer<typeof TrainingDueList>;

export const AnalyticsQuery = z.object({ communityId: z.uuid().optional() });

const bucket = z.array(z.object({ key: z.string(), count: z.number().int() }));
/** The team's profile: age structure, party members, education, sources, categories. */
export const CadreAnalytics = z.object({
  total: z.number().int(),
  partyMembers: z.number().int(),
  /** Party members / total (0 when there is no cadre). */
  partyRatio: z.number(),
  averageAge: z.number(),
  ageBands: bucket,
  education: bucket,
  sources: bucket,
  categories: bucket,
  uninsured: z.number().int(),
});
export type CadreAnalytics = z.infer<typeof CadreAnalytics>;

/** The city-wide settings of cadre work. */
export const CadreSettings = z.object({
  fullTime: z.number().int().min(0).max(50),
  partTime: z.number().int().min(0).max(50),
  police: z.number().int().min(0).max(50),
  workersPer10k: z.number().min(0).max(200),
  leaderYears: z.number().int().min(1).max(10),
  otherYears: z.number().int().min(1).max(10),
});
export type CadreSettings = z.infer<typeof CadreSettings>;

export { STAFFING_CATEGORIES };
