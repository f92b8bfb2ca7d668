import { z } from 'zod';
import { Version } from './common';
import { CARE_GROUPS, DISABILITY_CATEGORIES, YOUFU_TYPES, type CareGroup } from '../domain/registry';

/** A calendar date, YYYY-MM-DD. */
const day = z.iso.date('日期格式应为 YYYY-MM-DD | date must be YYYY-MM-DD');

/** 残疾人: category and level (一级 most severe … 四级). */
export const DisabilityAttributes = z.object({
  /** One of DISABILITY_CATEGORIES. */
  category: z.enum(DISABILITY_CATEGORIES),
  /** 1–4 (一级 … 四级). */
  level: z.number().int().min(1, '残疾等级为 1–4 级 | level must be 1–4').max(4, '残疾等级为 1–4 级 | level must be 1–4'),
  /** 残疾人证号 */
  certificateNo: z.string().trim().max(40).optional(),
});

/** 优抚对象: which kind of entitlement. */
export const YoufuAttributes = z.object({
  /** One of YOUFU_TYPES. */
  type: z.enum(YOUFU_TYPES),
});

/** 刑满释放人员: release date and the end of the 安置帮教 period (default: release + ASSISTANCE_YEARS.released). */
export const ReleasedAttributes = z.object({
  /** Date of release from prison. */
  releaseDate: day,
  /** End of the 帮教 period; when omitted the server sets release date + 5 years. */
  periodEnd: day.optional(),
  /** Offence category as written in the release certificate. */
  offence: z.string().trim().max(100).optional(),
});

/** 社区矫正对象: the correction period and the 帮教 period after it (default: end + ASSISTANCE_YEARS.correction). */
export const CorrectionAttributes = z.object({
  /** 缓刑 / 假释 / 管制 / 暂予监外执行 */
  correctionType: z.enum(['probation', 'parole', 'surveillance', 'temporary_execution']).optional(),
  /** First day of community correction. */
  startDate: day.optional(),
  /** Last day of community correction. */
  endDate: day,
  /** End of the 帮教 period; when omitted the server sets end date + 3 years. */
  periodEnd: day.optional(),
});

/** 流动人口: when they came, for how long, from where. */
export const FloatingAttributes = z.object({
  arrivalDate: day,
  /** Planned stay in months. */
  plannedStayMonths: z.number().int().min(0).max(600),
  /** Place of origin (户籍地). */
  origin: z.string().trim().min(1).max(100),
  /** 居住证号, once issued. */
  residencePermitNo: z.string().trim().max(40).optional(),
});

/** 低保 / 特困: certificate and monthly amount (yuan). */
export const AssistanceAttributes = z.object({
  certificateNo: z.string().trim().max(40).optional(),
  /** Monthly amount in yuan. */
  monthlyAmount: z.number().min(0).max(100_000).optional(),
});

/** Groups without attributes of their own (unknown keys are dropped). */
export const NoAttributes = z.object({});

/** The attribute schema of each care group. */
export const CARE_ATTRIBUTE_SCHEMAS = {
  elderly_alone: NoAttributes,
  disability: DisabilityAttributes,
  dibao: AssistanceAttributes,
  tekun: AssistanceAttributes,
  youfu: YoufuAttributes,
  unemployed: NoAttributes,
  released: ReleasedAttributes,
  correction: CorrectionAttributes,
  left_behind_child: NoAttributes,
  floating: FloatingAttributes,
} as const satisfies Record<CareGroup, z.ZodType>;

const common = {
  /** First day of membership. */
  startDate: day,
  /** Last day; omit or null while current. Setting it ends the record. */
  endDate: day.nullable().optional(),
  notes: z.string().trim().max(500).nullable().optional(),
};

/** A group whose attributes are all optional: `attributes` may be omitted. */
const optionalVariant = <G extends 'elderly_alone' | 'unemployed' | 'left_behind_child' | 'dibao' | 'tekun'>(group: G) =>
  z.object({ groupType: z.literal(group), attributes: CARE_ATTRIBUTE_SCHEMAS[group].optional(), ...common });
const requiredVariant = <G extends 'disability' | 'youfu' | 'released' | 'correction' | 'floating'>(group: G) =>
  z.object({ groupType: z.literal(group), attributes: CARE_ATTRIBUTE_SCHEMAS[group], ...common });

/** Add a resident to a care group; `attributes` depend on `groupType`. */
export const CreateCareRecordRequest = z.discriminatedUnion('groupType', [
  optionalVariant('elderly_alone'),
  requiredVariant('disability'),
  optionalVariant('dibao'),
  optionalVariant('tekun'),
  requiredVariant('youfu'),
  optionalVariant('unemployed'),
  requiredVariant('released'),
  requiredVariant('correction'),
  optionalVariant('left_behind_child'),
  requiredVariant('floating'),
]);
export type CreateCareRecordRequest = z.infer<typeof CreateCareRecordRequest>;

/** Change a care record (the group cannot change). Attributes are validated against the record's group. */
export const UpdateCareRecordRequest = z.object({
  /** The version read; a stale version gets 409 VERSION_CONFLICT. */
  version: Version,
  /** Replaces the attributes as a whole. */
  attributes: z.record(z.string(), z.unknown()).optional(),
  startDate: day.optional(),
  /** Set to end the record; null reopens it. */
  endDate: day.nullable().optional(),
  notes: z.string().trim().max(500).nullable().optional(),
});
export type UpdateCareRecordRequest = z.infer<typeof UpdateCareRecordRequest>;

/** One care record as the API shows it. */
export const CareRecordView = z.object({
  id: z.uuid(),
  residentId: z.uuid(),
  /** One of CARE_GROUPS. */
  groupType: z.enum(CARE_GROUPS),
  /** Group-specific attributes (see CARE_ATTRIBUTE_SCHEMAS). */
  attributes: z.record(z.string(), z.unknown()),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** True while endDate is empty or not yet passed. */
  active: z.boolean(),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CareRecordView = z.infer<typeof CareRecordView>;

export const CareRecordList = z.object({ items: z.array(CareRecordView) });

/** Path parameters of one care record. */
export const CareRecordParams = z.object({ id: z.uuid(), recordId: z.uuid() });
