import { z } from 'zod';
import { EDUCATION_LEVELS } from '../domain/registry';
import { CADRE_POSTS, CADRE_SOURCES, STAFFING_CATEGORIES } from '../domain/staffing';
import { TRAINING_FORMS } from '../domain/training';
import { AgeFields, EditCapabilities, Version } from './common';
import { IdNumber } from './residents';
import { POSTING_STAGES, RECRUITMENT_DEFAULTS, RECRUITMENT_OUTCOMES } from '../domain/recruitment';

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
  /** cadres.write covers the cadre's community: edit, training records, leaving. */
  capabilities: EditCapabilities,
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

/** The settings as read: the values and the version a change must send back (0 while none is stored). */
export const CadreSettingsView = CadreSettings.extend({
  /** Optimistic-concurrency version of the stored settings; 0 while the defaults apply. */
  version: z.number().int().min(0),
});
export type CadreSettingsView = z.infer<typeof CadreSettingsView>;

/** Replace the settings (all fields) at the version read: a stale version gets 409 VERSION_CONFLICT. */
export const UpdateCadreSettingsRequest = CadreSettings.extend({
  /** The version the form was filled from (0 when the defaults were shown). */
  version: z.union([z.literal(0), Version]),
});
export type UpdateCadreSettingsRequest = z.infer<typeof UpdateCadreSettingsRequest>;

export { STAFFING_CATEGORIES };

// ---------------------------------------------------------------- recruitment (公开招聘、定岗竞争、择优入围、依法选举)

/** Filters of the postings list. */
export const PostingsQuery = z.object({ communityId: z.uuid().optional() });
export type PostingsQuery = z.infer<typeof PostingsQuery>;

/** Open a recruitment posting of a community. Weights, ratio and notice days default to the speech's example. */
export const CreatePostingRequest = z
  .object({
    communityId: z.uuid(),
    title: text(100).min(1, '请填写公告标题 | title is required'),
    post: z.enum(CADRE_POSTS),
    quota: z.number().int().min(1, '招聘名额至少 1 人 | at least one place').max(50),
    ageMin: z.number().int().min(18).max(70).nullable().optional(),
    ageMax: z.number().int().min(18).max(70).nullable().optional(),
    /** The lowest education accepted. */
    educationMin: z.enum(EDUCATION_LEVELS).nullable().optional(),
    otherConditions: text(1000).nullable().optional(),
    opensOn: day,
    closesOn: day,
    /** Percent; written + interview = 100. */
    writtenWeight: z.number().int().min(0).max(100).default(RECRUITMENT_DEFAULTS.writtenWeight),
    interviewWeight: z.number().int().min(0).max(100).default(RECRUITMENT_DEFAULTS.interviewWeight),
    /** Candidates invited to the interview per place. */
    shortlistRatio: z.number().min(1).max(5).default(RECRUITMENT_DEFAULTS.shortlistRatio),
    noticeDays: z.number().int().min(1).max(30).default(RECRUITMENT_DEFAULTS.noticeDays),
  })
  .superRefine((v, ctx) => {
    if (v.writtenWeight + v.interviewWeight !== 100)
      ctx.addIssue({ code: 'custom', path: ['interviewWeight'], message: '笔试与面试权重之和应为 100 | the weights must add up to 100' });
    if (v.closesOn < v.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: '报名截止日不能早于开始日 | the window closes before it opens' });
    if (v.ageMin != null && v.ageMax != null && v.ageMax < v.ageMin)
      ctx.addIssue({ code: 'custom', path: ['ageMax'], message: '年龄上限不能低于下限 | the age limit is below the minimum' });
  });
export type CreatePostingRequest = z.infer<typeof CreatePostingRequest>;

/**
 * Edit a posting at the version read, while no applicant has a score and the results are not on notice.
 * The fields that change (the community stays); the checks across fields run on the result.
 */
export const UpdatePostingRequest = z.object({
  version: Version,
  title: text(100).min(1, '请填写公告标题 | title is required').optional(),
  post: z.enum(CADRE_POSTS).optional(),
  quota: z.number().int().min(1, '招聘名额至少 1 人 | at least one place').max(50).optional(),
  ageMin: z.number().int().min(18).max(70).nullable().optional(),
  ageMax: z.number().int().min(18).max(70).nullable().optional(),
  educationMin: z.enum(EDUCATION_LEVELS).nullable().optional(),
  otherConditions: text(1000).nullable().optional(),
  opensOn: day.optional(),
  closesOn: day.optional(),
  writtenWeight: z.number().int().min(0).max(100).optional(),
  interviewWeight: z.number().int().min(0).max(100).optional(),
  shortlistRatio: z.number().min(1).max(5).optional(),
  noticeDays: z.number().int().min(1).max(30).optional(),
});
export type UpdatePostingRequest = z.infer<typeof UpdatePostingRequest>;

/** Withdraw (撤回) a posting at the version read, with the reason (shown with it). */
export const WithdrawPostingRequest = z.object({
  version: Version,
  reason: text(500).min(2, '请填写撤回原因 | give the reason'),
});
export type WithdrawPostingRequest = z.infer<typeof WithdrawPostingRequest>;

/** A posting as the list shows it. */
export const PostingListItem = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  title: z.string(),
  post: z.enum(CADRE_POSTS),
  quota: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  noticeStart: z.string().nullable(),
  noticeEnd: z.string().nullable(),
  /** Where the posting stands today. */
  stage: z.enum(POSTING_STAGES),
  applications: z.number().int(),
  /** Applications not yet checked for eligibility. */
  unchecked: z.number().int(),
  /** Proposed applicants appointed or entered as candidates. */
  decided: z.number().int(),
  /** The day it was withdrawn (撤回), null while it runs. */
  withdrawnOn: z.string().nullable(),
  /** Why it was withdrawn. */
  withdrawnReason: z.string().nullable(),
});
export type PostingListItem = z.infer<typeof PostingListItem>;
export const PostingsList = z.object({ items: z.array(PostingListItem) });

/** An applicant as the posting's page shows them: the ID number masked, the age (band) instead of the birth date. */
export const ApplicationView = z.object({
  id: z.uuid(),
  residentId: z.uuid().nullable(),
  name: z.string(),
  idMasked: z.string(),
  sex: z.enum(['M', 'F']),
  ...AgeFields,
  education: z.enum(EDUCATION_LEVELS).nullable(),
  phoneMasked: z.string().nullable(),
  /** Null until checked. */
  eligibility: z.enum(['pass', 'fail']).nullable(),
  eligibilityReason: z.string().nullable(),
  eligibilityOverridden: z.boolean(),
  writtenScore: z.number().nullable(),
  /** Invited to the interview (top ceil(quota × ratio) by written score, ties at the cut included). */
  shortlisted: z.boolean(),
  interviewScore: z.number().nullable(),
  /** Weighted total (shortlisted with both scores). */
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
  /** Within the quota by rank (拟录用). */
  proposed: z.boolean(),
  outcome: z.enum(RECRUITMENT_OUTCOMES).nullable(),
  /** The cadre recorded on appointment. */
  cadreId: z.uuid().nullable(),
  version: z.number().int(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

/** An objection raised during the notice. */
export const ObjectionView = z.object({
  id: z.uuid(),
  applicationId: z.uuid().nullable(),
  text: z.string(),
  receivedOn: z.string(),
  answer: z.string().nullable(),
  upheld: z.boolean().nullable(),
  answeredOn: z.string().nullable(),
});
export type ObjectionView = z.infer<typeof ObjectionView>;

/** A posting's page: conditions, applicants in ranking order, objections. */
export const PostingDetail = PostingListItem.extend({
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  educationMin: z.enum(EDUCATION_LEVELS).nullable(),
  otherConditions: z.string().nullable(),
  writtenWeight: z.number().int(),
  interviewWeight: z.number().int(),
  shortlistRatio: z.number(),
  noticeDays: z.number().int(),
  /** ceil(quota × ratio). */
  shortlistSize: z.number().int(),
  version: z.number().int(),
  applicants: z.array(ApplicationView),
  objections: z.array(ObjectionView),
  /** cadres.write covers the posting's community: edit, withdraw, applicants, scores and objections (each within its stage). */
  capabilities: EditCapabilities,
});
export type PostingDetail = z.infer<typeof PostingDetail>;

/** An application; the ID number gives birth date and sex. A registry resident may be linked. */
export const CreateApplicationRequest = z.object({
  name: text(50).min(1, '请填写姓名 | name is required'),
  idNumber: IdNumber,
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  phone: text(30).nullable().optional(),
  residentId: z.uuid().nullable().optional(),
});
export type CreateApplicationRequest = z.infer<typeof CreateApplicationRequest>;

/** An official's eligibility decision over the computed one, with the reason. */
export const OverrideEligibilityRequest = z.object({
  version: Version,
  eligibility: z.enum(['pass', 'fail']),
  reason: text(500).min(2, '请说明理由 | give a reason'),
});
export type OverrideEligibilityRequest = z.infer<typeof OverrideEligibilityRequest>;

/** Scores of one test for several applicants (0–100, null clears). */
export const EnterScoresRequest = z.object({
  test: z.enum(['written', 'interview']),
  scores: z
    .array(z.object({ applicationId: z.uuid(), score: z.number().min(0, '分数在 0–100 之间 | 0–100').max(100, '分数在 0–100 之间 | 0–100').nullable() }))
    .min(1)
    .max(500),
});
export type EnterScoresRequest = z.infer<typeof EnterScoresRequest>;

/** Put the results on public notice from a day. */
export const StartNoticeRequest = z.object({ version: Version, startDate: day });
export type StartNoticeRequest = z.infer<typeof StartNoticeRequest>;

/** An objection received during the notice. */
export const CreateObjectionRequest = z.object({
  applicationId: z.uuid().nullable().optional(),
  text: text(2000).min(2, '请填写异议内容 | text is required'),
  receivedOn: day,
});
export type CreateObjectionRequest = z.infer<typeof CreateObjectionRequest>;

/** The answer to an objection; upheld stops the appointment it concerns. */
export const AnswerObjectionRequest = z.object({ answer: text(2000).min(2, '请填写答复 | answer is required'), upheld: z.boolean() });
export type AnswerObjectionRequest = z.infer<typeof AnswerObjectionRequest>;

/** After the notice: appoint a proposed applicant (a cadre in post from startDate) or enter them into the election. */
export const DecideOutcomeRequest = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('appointed'), version: Version, startDate: day }),
  z.object({ outcome: z.literal('candidate'), version: Version }),
]);
export type DecideOutcomeRequest = z.infer<typeof DecideOutcomeRequest>;
