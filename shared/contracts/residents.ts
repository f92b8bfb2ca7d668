import { z } from 'zod';
import { parseIdNumber, ID_PROBLEM_MESSAGES } from '../domain/id-number';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, MARITAL_STATUSES, POLITICAL_STATUSES, RELATIONS, RESIDENCE_TYPES, RESIDENT_STATUSES } from '../domain/registry';

/** A valid GB 11643 ID number (15-digit legacy numbers accepted and converted). */
export const IdNumber = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const r = parseIdNumber(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `${ID_PROBLEM_MESSAGES[r.problem].zh} | ${ID_PROBLEM_MESSAGES[r.problem].en}`, params: { problem: r.problem } });
  });

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确（手机11位或区号-号码） | phone must be an 11-digit mobile or an area-code landline');

/** The editable facts of a resident. Birth date and sex come from the ID number. */
export const ResidentFields = z.object({
  /** 姓名 */
  name: z.string().trim().min(1).max(50),
  /** Ethnicity, e.g. 汉族. */
  ethnicity: z.string().trim().min(1).max(20).default('汉族'),
  phone: phone.nullable().optional(),
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).nullable().optional(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable().optional(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).nullable().optional(),
  residenceType: z.enum(RESIDENCE_TYPES).default('registered_resident'),
  relationToHead: z.enum(RELATIONS).nullable().optional(),
  notes: z.string().trim().max(500).nullable().optional(),
});

/** Register a new resident. */
export const CreateResidentRequest = ResidentFields.extend({
  /** 18-digit ID number (15-digit legacy accepted); must be unique in the city. */
  idNumber: IdNumber,
  /** The grid the resident lives in (decides the community). */
  gridId: z.uuid(),
  /** The household, when known. */
  householdId: z.uuid().nullable().optional(),
});
export type CreateResidentRequest = z.infer<typeof CreateResidentRequest>;

/** Edit a resident: the fields that change, plus the version read (a stale version gets 409). */
export const UpdateResidentRequest = ResidentFields.partial().extend({
  version: z.number().int().min(1),
  /** Status change (迁出 / 死亡) — never a delete. */
  status: z.enum(RESIDENT_STATUSES).optional(),
});
