import { z } from 'zod';
import { MEMBER_ROLES, ORGANISATION_TYPES } from '../domain/organisations';
import { EditCapabilities, Version } from './common';

/** A calendar date, YYYY-MM-DD. */
const day = z.iso.date('日期格式应为 YYYY-MM-DD | date must be YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);

/** Filters, sort and page of the organisation list. */
export const OrganisationsQuery = z.object({
  /** Name, contact or address fragment. */
  q: text(100).optional(),
  /** One of ORGANISATION_TYPES. */
  type: z.enum(ORGANISATION_TYPES).optional(),
  /** Limits to one community. */
  communityId: z.uuid().optional(),
  sort: z.enum(['name', 'type', 'foundedDate', 'members', 'community']).default('community'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type OrganisationsQuery = z.infer<typeof OrganisationsQuery>;

/** The export takes the list's filters (no page). */
export const OrganisationsExportQuery = OrganisationsQuery.omit({ page: true, pageSize: true });
export type OrganisationsExportQuery = z.infer<typeof OrganisationsExportQuery>;

/** One organisation as lists show it. */
export const OrganisationListItem = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  /** One of ORGANISATION_TYPES. */
  type: z.enum(ORGANISATION_TYPES),
  name: z.string(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  foundedDate: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Current members (no end date, or one not yet passed). */
  members: z.number().int(),
  /** Send it back with PATCH and DELETE. */
  version: z.number().int(),
});
export type OrganisationListItem = z.infer<typeof OrganisationListItem>;

export const OrganisationsPage = z.object({ items: z.array(OrganisationListItem), total: z.number().int() });

/** A membership, current or ended. */
export const OrganisationMember = z.object({
  id: z.uuid(),
  /** The resident, when the member is in the registry. */
  residentId: z.uuid().nullable(),
  name: z.string(),
  /** One of MEMBER_ROLES. */
  role: z.enum(MEMBER_ROLES),
  startDate: z.string(),
  /** Null while current. */
  endDate: z.string().nullable(),
  active: z.boolean(),
  notes: z.string().nullable(),
  version: z.number().int(),
});
export type OrganisationMember = z.infer<typeof OrganisationMember>;

/** An honour the organisation received (文明单位、先进集体 …). */
export const OrganisationHonour = z.object({
  id: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  issuer: z.string(),
});
export type OrganisationHonour = z.infer<typeof OrganisationHonour>;

/** The organisation page: the organisation, its members and honours, its sub-organisations. */
export const OrganisationDetail = OrganisationListItem.extend({
  address: z.string().nullable(),
  /** 驻区单位: what the unit contributes (funds, rooms, volunteers …). */
  contribution: z.string().nullable(),
  description: z.string().nullable(),
  memberList: z.array(OrganisationMember),
  honours: z.array(OrganisationHonour),
  children: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.enum(ORGANISATION_TYPES) })),
  /**
   * A residents' group (居民小组): its current representatives (居民小组代表) against the law's 2–3; null
   * for other types. `ok` false is a warning, nothing is refused.
   */
  representatives: z.object({ current: z.number().int(), min: z.number().int(), max: z.number().int(), ok: z.boolean() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** orgs.write covers the organisation's community: edit it, its members and honours. */
  capabilities: EditCapabilities,
});
export type OrganisationDetail = z.infer<typeof OrganisationDetail>;

const editable = {
  name: text(100).min(1, '请填写名称 | name is required'),
  parentId: z.uuid().nullable().optional(),
  foundedDate: day.nullable().optional(),
  address: text(200).nullable().optional(),
  contactPerson: text(50).nullable().optional(),
  contactPhone: text(30).nullable().optional(),
  contribution: text(500).nullable().optional(),
  description: text(1000).nullable().optional(),
};

/** Register an organisation in a community (inside the caller's orgs.write scope). */
export const CreateOrganisationRequest = z.object({
  communityId: z.uuid(),
  type: z.enum(ORGANISATION_TYPES),
  ...editable,
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

/** Edit an organisation: the fields that change plus the version read (stale → 409). */
export const UpdateOrganisationRequest = z.object({
  version: Version,
  type: z.enum(ORGANISATION_TYPES).optional(),
  ...editable,
  name: editable.name.optional(),
});
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

/** Delete: the version read (stale → 409). */
export const DeleteOrganisationQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

/** Add a member: a resident of the registry, or a name for someone who is not in it. */
export const AddMemberRequest = z
  .object({
    residentId: z.uuid().optional(),
    name: text(50).min(1, '请填写姓名 | name is required').optional(),
    role: z.enum(MEMBER_ROLES).default('member'),
    startDate: day,
    notes: text(500).nullable().optional(),
  })
  .refine((v) => v.residentId || v.name, { message: '请选择居民或填写姓名 | choose a resident or give a name', path: ['name'] });
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

/** End a membership on a date. */
export const EndMemberRequest = z.object({ version: Version, endDate: day });
export type EndMemberRequest = z.infer<typeof EndMemberRequest>;

export const MemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });

/** Record an honour. */
export const AddHonourRequest = z.object({
  title: text(100).min(1, '请填写荣誉名称 | title is required'),
  year: z.number().int().min(1949, '年份不早于 1949 | year from 1949').max(2100),
  issuer: text(100).min(1, '请填写授予单位 | issuer is required'),
});
export type AddHonourRequest = z.infer<typeof AddHonourRequest>;

/** Organisations per community and type (current organisations only). */
export const OrganisationCounts = z.object({
  items: z.array(
    z.object({
      communityId: z.uuid(),
      communityName: z.string(),
      /** Count per type code. */
      counts: z.record(z.string(), z.number().int()),
      total: z.number().int(),
    }),
  ),
});
export type OrganisationCounts = z.infer<typeof OrganisationCounts>;
