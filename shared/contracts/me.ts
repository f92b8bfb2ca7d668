import { z } from 'zod';

/** A member of the signed-in resident's household, as the resident sees them: no identity numbers. */
export const MyHouseholdMember = z.object({
  name: z.string(),
  sex: z.enum(['M', 'F']),
  /** 户主, 配偶, 子 … as a code (RELATIONS); null when not recorded. */
  relationToHead: z.string().nullable(),
  /** Five-year band, e.g. 35-39. */
  ageBand: z.string(),
  /** Whether this member is the signed-in resident. */
  self: z.boolean(),
});

/** GET /api/me/resident: the signed-in resident's own record, ID number and phone masked. */
export const MyResident = z.object({
  id: z.uuid(),
  name: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  ethnicity: z.string(),
  /** First 6 and last 4 characters of the ID number. */
  idMasked: z.string(),
  /** 138****1234 */
  phoneMasked: z.string().nullable(),
  residenceType: z.string(),
  relationToHead: z.string().nullable(),
  communityName: z.string().nullable(),
  gridName: z.string().nullable(),
  address: z.string().nullable(),
  /** When the record was last changed (ISO 8601). */
  updatedAt: z.string(),
});
export type MyResident = z.infer<typeof MyResident>;

/** GET /api/me/household: the signed-in resident's household (404 when they belong to none). */
export const MyHousehold = z.object({
  address: z.string(),
  householdNumber: z.string().nullable(),
  members: z.array(MyHouseholdMember),
});
export type MyHousehold = z.infer<typeof MyHousehold>;
