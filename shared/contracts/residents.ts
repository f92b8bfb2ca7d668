import { z } from 'zod';
import { AgeFields, Version } from './common';
import { parseIdNumber, ID_PROBLEM_MESSAGES } from '../domain/id-number';
import { normaliseIdText, normaliseName, normalisePhone } from '../domain/normalise';
import {
  CARE_GROUPS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  MARITAL_STATUSES,
  POLITICAL_STATUSES,
  RELATIONS,
  RESIDENCE_TYPES,
  RESIDENT_STATUSES,
} from '../domain/registry';
import { CareRecordView } from './care';

/** A valid GB 11643 ID number (15-digit legacy numbers accepted and converted). */
export const IdNumber = z
  .string()
  .overwrite(normaliseIdText)
  .superRefine((v, ctx) => {
    const r = parseIdNumber(v);
    if (!r.ok)
      ctx.addIssue({ code: 'custom', message: `${ID_PROBLEM_MESSAGES[r.problem].zh} | ${ID_PROBLEM_MESSAGES[r.problem].en}`, params: { problem: r.problem } });
  });

const phone = z
  .string()
  .overwrite(normalisePhone)
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确（手机11位或区号-号码） | phone must be an 11-digit mobile or an area-code landline');

/** A calendar date, YYYY-MM-DD. */
const day = z.iso.date('日期格式应为 YYYY-MM-DD | date must be YYYY-MM-DD');

/**
 * The editable facts of a resident, without defaults (so that a partial update never resets a field).
 * Birth date and sex come from the ID number.
 */
const EditableFields = z.object({
  /** 姓名 */
  name: z.string().overwrite(normaliseName).min(1).max(50),
  /** Ethnicity, e.g. 汉族. */
  ethnicity: z.string().trim().min(1).max(20),
  /** Mobile (11 digits) or landline with area code. */
  phone: phone.nullable().optional(),
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).nullable().optional(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable().optional(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).nullable().optional(),
  /** One of RESIDENCE_TYPES (户籍常住 / 户籍外出 / 流动人口 / 暂住 / 境外). */
  residenceType: z.enum(RESIDENCE_TYPES),
  relationToHead: z.enum(RELATIONS).nullable().optional(),
  notes: z.string().trim().max(500).nullable().optional(),
});

/** The editable facts of a resident, with the defaults a new record gets. */
export const ResidentFields = EditableFields.extend({
  ethnicity: EditableFields.shape.ethnicity.default('汉族'),
  residenceType: EditableFields.shape.residenceType.default('registered_resident'),
});

/** Register a new resident. */
export const CreateResidentRequest = ResidentFields.extend({
  /** 18-digit ID number (15-digit legacy accepted); must be unique in the city. */
  idNumber: IdNumber,
  /** The grid the resident lives in (decides the community); must be inside the caller's scope. */
  gridId: z.uuid(),
  /** The household, when known (must be in the same community). */
  householdId: z.uuid().nullable().optional(),
});
export type CreateResidentRequest = z.infer<typeof CreateResidentRequest>;

/** Edit a resident: the fields that change, plus the version read (a stale version gets 409). */
export const UpdateResidentRequest = EditableFields.partial().extend({
  version: Version,
  /** Corrects a mistyped ID number (birth date and sex follow it); must stay unique. */
  idNumber: IdNumber.optional(),
  /** Status change (迁出 / 死亡) — never a delete. */
  status: z.enum(RESIDENT_STATUSES).optional(),
  /** When the status change took effect (default today); recorded in the move history. */
  statusDate: day.optional(),
  /** Why (e.g. 迁往外市), recorded in the move history. */
  statusReason: z.string().trim().max(200).optional(),
});
export type UpdateResidentRequest = z.infer<typeof UpdateResidentRequest>;

/** Places a resident who waits for a grid (an import could not tell it) in a grid of their community. */
export const PlaceResidentRequest = z.object({
  gridId: z.uuid(),
  version: Version,
});
export type PlaceResidentRequest = z.infer<typeof PlaceResidentRequest>;

/** Sort keys of the resident list. */
export const RESIDENT_SORTS = ['name', 'birthDate', 'createdAt'] as const;

/** `total` is counted up to this many rows (counting further costs more than the page); beyond it `totalCapped` is true. */
export const RESIDENTS_TOTAL_CAP = 10_000;
/** An export holds at most this many rows; a larger filter gets 400. */
export const RESIDENTS_EXPORT_CAP = 100_000;

/** Filters shared by the list and the export. */
export const ResidentsFilter = z.object({
  /**
   * Search text, auto-detected: Chinese → name fragment (and address when it contains 路/街/号/栋/楼/单元/室/小区…);
   * latin letters → full pinyin prefix or initials prefix (wxm); 4–6 digits (X allowed) → ID number suffix;
   * 7–11 digits → phone prefix; 15/18 characters → exact ID number; anything else → address fragment.
   * Full-width digits and Ｘ count as digits. Look-ups (an exact ID number, a full 11-digit mobile) need
   * residents.lookup, are audited with the number hashed and limited per user and hour (LOOKUP_LIMIT_PER_HOUR,
   * LOOKUP_MISSES_PER_HOUR); a phone prefix and a 5–6 character ID suffix need residents.reveal.
   */
  q: z.string().trim().max(100).optional(),
  /** One community. */
  communityId: z.uuid().optional(),
  /** Any region of the tree (street, community, grid): limits to its subtree. */
  regionId: z.uuid().optional(),
  gridId: z.uuid().optional(),
  /** `true`: only residents waiting for a grid (待分配网格: an import could not place them). */
  unplaced: z.enum(['true', 'false']).optional(),
  /** Residents with a current record in this care group (the caller must be allowed to see the group). */
  careGroup: z.enum(CARE_GROUPS).optional(),
  /** Age in whole years, inclusive. Without residents.reveal: whole 5-year bands only (ageMin 60, ageMax 64). */
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
  sex: z.enum(['M', 'F']).optional(),
  residenceType: z.enum(RESIDENCE_TYPES).optional(),
  /** Default `active` (在册); `all` lists every status. */
  status: z.enum([...RESIDENT_STATUSES, 'all']).default('active'),
  /** name = pinyin order. */
  sort: z.enum(RESIDENT_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ResidentsFilter = z.infer<typeof ResidentsFilter>;

/** The list: filters, plus page/pageSize (offset) or `cursor` (keyset, from the previous `nextCursor`). */
export const ResidentsQuery = ResidentsFilter.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Rows per page; 0 answers only the total (how many match, without reading any row). */
  pageSize: z.coerce.number().int().min(0).max(200).default(20),
  /** Opaque keyset cursor; when present `page` is ignored. Stays fast deep into the results. */
  cursor: z.string().max(500).optional(),
});
export type ResidentsQuery = z.infer<typeof ResidentsQuery>;

/**
 * The masked export (a GET, so that the browser can download it from a link): the list's filters. A full
 * export changes something — it is audited in the caller's name — so it is a POST with the CSRF token
 * (ResidentsExportRequest); `reveal=true` here is refused, naming the field.
 */
export const ResidentsExportQuery = ResidentsFilter.extend({
  reveal: z
    .enum(['false', '0'], { error: '完整导出请使用 POST（需安全令牌） | a full export is a POST with the CSRF token' })
    .optional()
    .transform(() => false as const),
});

/** POST /api/residents/export: the list's filters, and `reveal: true` for full ID numbers and phones (needs residents.reveal; audited). */
export const ResidentsExportRequest = ResidentsFilter.extend({
  reveal: z.boolean().default(false),
});
export type ResidentsExportRequest = z.infer<typeof ResidentsExportRequest>;

/** One row of the resident list: masked identity only. */
export const ResidentListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  /** First 6 and last 4 characters of the ID number. */
  idMasked: z.string(),
  /** 138****1234 */
  phoneMasked: z.string().nullable(),
  ...AgeFields,
  sex: z.enum(['M', 'F']),
  residenceType: z.string(),
  status: z.string(),
  communityId: z.uuid(),
  communityName: z.string().nullable(),
  /** null: waiting for a grid (待分配网格). */
  gridId: z.uuid().nullable(),
  gridName: z.string().nullable(),
  householdId: z.uuid().nullable(),
  /** The household's address. */
  address: z.string().nullable(),
  relationToHead: z.string().nullable(),
  /** Current care groups the caller may see (others are left out). */
  careGroups: z.array(z.enum(CARE_GROUPS)),
});
export type ResidentListItem = z.infer<typeof ResidentListItem>;

export const ResidentsPage = z.object({
  items: z.array(ResidentListItem),
  /** Matching rows, counted up to RESIDENTS_TOTAL_CAP. */
  total: z.number().int(),
  /** True when there are more than `total` rows. */
  totalCapped: z.boolean(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ResidentsPage = z.infer<typeof ResidentsPage>;

/** A member of the resident's household. */
export const HouseholdMember = z.object({
  id: z.uuid(),
  name: z.string(),
  sex: z.enum(['M', 'F']),
  /** The exact age only to holders of residents.reveal. */
  ...AgeFields,
  /** One of RELATIONS (head, spouse, son …), or null when not recorded. */
  relationToHead: z.string().nullable(),
  /** active | moved_out | deceased */
  status: z.string(),
});

/** The resident's household with the members the caller may see. */
export const ResidentHousehold = z.object({
  id: z.uuid(),
  householdNumber: z.string().nullable(),
  address: z.string(),
  room: z.string().nullable(),
  householdType: z.string(),
  headResidentId: z.uuid().nullable(),
  members: z.array(HouseholdMember),
});

/** One entry of the move history (登记、迁入、迁出、死亡、户内调整 …). */
export const ResidentMove = z.object({
  id: z.uuid(),
  /** register | move_in | move_out | deceased | reinstate | transfer | split | merge | … */
  moveType: z.string(),
  fromHouseholdId: z.uuid().nullable(),
  toHouseholdId: z.uuid().nullable(),
  fromCommunityName: z.string().nullable(),
  toCommunityName: z.string().nullable(),
  effectiveDate: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

/** What the caller may do with this resident (the web shows only the actions these allow). */
export const ResidentCapabilities = z.object({
  /** residents.write covers the resident: the edit form, status changes. */
  canEdit: z.boolean(),
  /** May correct the ID number (an edit of the record). */
  canCorrectId: z.boolean(),
  /** residents.reveal covers the resident: 查看完整身份证号. */
  canReveal: z.boolean(),
  /** care.write covers the resident: add or end care records. */
  canWriteCare: z.boolean(),
});
export type ResidentCapabilities = z.infer<typeof ResidentCapabilities>;

/** A resident with everything the caller may see: masked identity, household, visible care records, moves. */
export const ResidentDetail = ResidentListItem.extend({
  namePinyin: z.string(),
  ethnicity: z.string(),
  education: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  maritalStatus: z.string().nullable(),
  employmentStatus: z.string().nullable(),
  notes: z.string().nullable(),
  /** Send it back with PATCH. */
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  household: ResidentHousehold.nullable(),
  /** Care records (current and ended) of the groups the caller may see; others are omitted. */
  careRecords: z.array(CareRecordView),
  moves: z.array(ResidentMove),
  capabilities: ResidentCapabilities,
});
export type ResidentDetail = z.infer<typeof ResidentDetail>;

/** The full identity, for holders of residents.reveal; every call is audited. */
export const RevealResponse = z.object({ idNumber: z.string(), phone: z.string().nullable() });
