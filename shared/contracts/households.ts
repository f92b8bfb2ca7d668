import { z } from 'zod';
import { EditCapabilities, Version } from './common';
import { HOUSEHOLD_TYPES, RELATIONS } from '../domain/registry';
import { HouseholdMember as ResidentHouseholdMember, ResidentMove } from './residents';

/** A calendar date, YYYY-MM-DD. */
const day = z.iso.date('日期格式应为 YYYY-MM-DD | date must be YYYY-MM-DD');

export const HOUSEHOLD_STATUSES = ['active', 'merged', 'dissolved'] as const;

/** Filters of the household list. */
export const HouseholdsQuery = z.object({
  /** Address fragment or household number (户号). */
  q: z.string().trim().max(100).optional(),
  /** Any region (street, community, grid): limits to its subtree. */
  regionId: z.uuid().optional(),
  gridId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  householdType: z.enum(HOUSEHOLD_TYPES).optional(),
  /** Default `active`; `all` lists merged and dissolved households too. */
  status: z.enum([...HOUSEHOLD_STATUSES, 'all']).default('active'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type HouseholdsQuery = z.infer<typeof HouseholdsQuery>;

/** The export takes the list's filters (no paging): at most HOUSEHOLDS_EXPORT_CAP rows. */
export const HouseholdsExportQuery = HouseholdsQuery.omit({ page: true, pageSize: true });
export type HouseholdsExportQuery = z.infer<typeof HouseholdsExportQuery>;
export const HOUSEHOLDS_EXPORT_CAP = 50_000;

/** One household as lists show it. */
export const HouseholdListItem = z.object({
  id: z.uuid(),
  /** 户号, when known. */
  householdNumber: z.string().nullable(),
  address: z.string(),
  /** e.g. 2单元301室 */
  room: z.string().nullable(),
  buildingId: z.uuid().nullable(),
  buildingName: z.string().nullable(),
  communityId: z.uuid(),
  communityName: z.string(),
  gridId: z.uuid(),
  gridName: z.string(),
  /** family | collective */
  householdType: z.string(),
  /** active | merged | dissolved (never deleted) */
  status: z.string(),
  headResidentId: z.uuid().nullable(),
  headName: z.string().nullable(),
  /** Active members. */
  memberCount: z.number().int(),
  /** Send it back with PATCH. */
  version: z.number().int(),
});
export type HouseholdListItem = z.infer<typeof HouseholdListItem>;

export const HouseholdsPage = z.object({ items: z.array(HouseholdListItem), total: z.number().int() });

/** A member of a household: masked identity only (the birth date is not sent: with the masked ID it would give the full number away). */
export const HouseholdMember = ResidentHouseholdMember.extend({
  /** First 6 and last 4 characters of the ID number. */
  idMasked: z.string(),
});

/** One move into or out of the household (transfer, split, merge …): a resident's move, with whose it is. */
export const HouseholdMove = ResidentMove.extend({
  residentId: z.uuid(),
  residentName: z.string().nullable(),
});

/** The household page. */
export const HouseholdDetail = HouseholdListItem.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Every member on record (active first, head first), whatever their status, that the reader's scope covers. */
  members: z.array(HouseholdMember),
  /** Members on record registered outside the reader's scope (another grid): counted, never listed. */
  hiddenMembers: z.number().int(),
  /** Newest first. */
  moves: z.array(HouseholdMove),
  /** households.write covers the household: edit it, move members in and out, merge. */
  capabilities: EditCapabilities,
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;

const address = z.string().trim().min(1, '请填写地址 | address is required').max(200);
const room = z.string().trim().max(50);
const householdNumber = z.string().trim().min(1).max(30);

/** Register a household. Give a building (its grid is used) or a grid; both must be inside the caller's scope. */
export const CreateHouseholdRequest = z
  .object({
    gridId: z.uuid().optional(),
    buildingId: z.uuid().optional(),
    householdNumber: householdNumber.optional(),
    room: room.optional(),
    address,
    householdType: z.enum(HOUSEHOLD_TYPES).default('family'),
  })
  .refine((v) => v.gridId || v.buildingId, { message: '请指定楼栋或网格 | give a building or a grid', path: ['gridId'] });
export type CreateHouseholdRequest = z.infer<typeof CreateHouseholdRequest>;

/** Edit a household: the fields that change plus the version read (stale → 409). */
export const UpdateHouseholdRequest = z.object({
  version: Version,
  householdNumber: householdNumber.nullable().optional(),
  room: room.nullable().optional(),
  address: address.optional(),
  householdType: z.enum(HOUSEHOLD_TYPES).optional(),
  /** A new head: must be an active member; their relation becomes `head`. */
  headResidentId: z.uuid().optional(),
  /** The former head's relation to the new head (default `other`). */
  formerHeadRelation: z.enum(RELATIONS).exclude(['head']).optional(),
});
export type UpdateHouseholdRequest = z.infer<typeof UpdateHouseholdRequest>;

/** Move one member to another household (possibly in another community: their community and grid follow). */
export const MoveMemberRequest = z.object({
  residentId: z.uuid(),
  toHouseholdId: z.uuid(),
  /** Relation to the head of the new household; `head` only when it has none. */
  relationToHead: z.enum(RELATIONS),
  effectiveDate: day,
  reason: z.string().trim().max(200).optional(),
});
export type MoveMemberRequest = z.infer<typeof MoveMemberRequest>;

/** 分户: some members leave to form a new household. The old household keeps its head and at least one member. */
export const SplitHouseholdRequest = z.object({
  residentIds: z.array(z.uuid()).min(1).max(50),
  newHousehold: z.object({
    address,
    room: room.optional(),
    householdNumber: householdNumber.optional(),
    /** A building inside the caller's scope; by default the new household stays in the old one's grid. */
    buildingId: z.uuid().optional(),
    householdType: z.enum(HOUSEHOLD_TYPES).default('family'),
  }),
  /** One of residentIds: the head of the new household. */
  newHeadId: z.uuid(),
  /** Relations to the new head of the other members who leave (default: unchanged). */
  relations: z.record(z.uuid(), z.enum(RELATIONS).exclude(['head'])).optional(),
  effectiveDate: day,
  reason: z.string().trim().max(200).optional(),
});
export type SplitHouseholdRequest = z.infer<typeof SplitHouseholdRequest>;

/** 并户: every active member moves into another household, whose head stays; this one becomes `merged`. */
export const MergeHouseholdRequest = z.object({
  intoHouseholdId: z.uuid(),
  /** Relations to the absorbing head (default: unchanged; the former head becomes `other`). */
  relations: z.record(z.uuid(), z.enum(RELATIONS).exclude(['head'])).optional(),
  effectiveDate: day,
  reason: z.string().trim().max(200).optional(),
});
export type MergeHouseholdRequest = z.infer<typeof MergeHouseholdRequest>;

/** Answer of split: the new household. Answer of merge and move-member: the household the members went to. */
export const HouseholdChangeResponse = z.object({
  /** The household the call was made on, after the change. */
  household: HouseholdDetail,
  /** The other household involved (target of move/merge, or the new one of a split). */
  other: HouseholdDetail,
});
