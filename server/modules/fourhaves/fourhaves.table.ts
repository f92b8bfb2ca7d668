import { bigint, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types';

/** A room or building a community uses (有房). `community_id` is the scope and distribution key. */
export const premises = pgTable(
  'premises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    /** e.g. 城东社区服务中心二楼 */
    name: text('name').notNull(),
    /** office | service_hall | activity | police_office | other */
    use: text('use').notNull(),
    areaM2: numeric('area_m2', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    /** owned | rented | developer | shared */
    ownership: text('ownership').notNull(),
    /** Yearly rent in fen (rented premises). */
    rentFen: bigint('rent_fen', { mode: 'number' }),
    /** Rented premises: the day the lease ends. */
    leaseEnd: date('lease_end'),
    /** The resident unit it is shared with, or the developer who provides it. */
    counterpart: text('counterpart'),
    /** in_use | under_construction | planned */
    state: text('state').notNull(),
    /** The day it was handed over and put into use. */
    inUseSince: date('in_use_since'),
    address: text('address'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('premises_community_idx').on(t.communityId)],
);

/**
 * A photo or document of premises (a floor plan, a lease, a hand-over record). The bytes live in the
 * database (bytea, the same on PGlite and PostgreSQL: one backup holds everything; files are small, see
 * the size limit). `community_id` is copied from the premises: the scope and distribution key.
 */
export const premisesFiles = pgTable(
  'premises_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    premisesId: uuid('premises_id')
      .notNull()
      .references(() => premises.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id').notNull(),
    /** photo (JPEG, PNG) | document (PDF, DOCX, XLSX) */
    kind: text('kind').notNull(),
    /** The type found from the content (magic bytes), never the one the browser sent. */
    contentType: text('content_type').notNull(),
    /** The name as uploaded (shown, and offered on download after sanitising). */
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('premises_files_premises_idx').on(t.premisesId), index('premises_files_community_idx').on(t.communityId)],
);

/** A rule document registered by a community (有章): 居民公约, work rules. */
export const communityRules = pgTable(
  'community_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    /** residents_convention | work_rules | other */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** Adopted (or last reviewed) on; current for the configured number of years. */
    adoptedOn: date('adopted_on').notNull(),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('community_rules_community_idx').on(t.communityId)],
);

/**
 * A community's cadres and police as counted by hand (有人), until the cadres module (posts against the
 * staffing standard) replaces it as the staffing source.
 */
export const communityStaffing = pgTable('community_staffing', {
  communityId: uuid('community_id').primaryKey(),
  fullTime: integer('full_time').notNull().default(0),
  partTime: integer('part_time').notNull().default(0),
  police: integer('police').notNull().default(0),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The funding ledger (有钱): a budget line (the need), an allocation received from a source, or a spending
 * with its voucher, per community and year. Amounts in fen.
 */
export const fundingEntries = pgTable(
  'funding_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    year: integer('year').notNull(),
    /** budget | allocation | spending */
    kind: text('kind').notNull(),
    /** city | street | resident_units | self_raised | reward (allocations; budgets and spending: null) */
    source: text('source'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** YYYY-MM-DD the money arrived or was spent, or the budget was approved. */
    entryDate: date('entry_date').notNull(),
    description: text('description').notNull(),
    /** 凭证号 of a spending. */
    voucher: text('voucher'),
    /** The construction project (projects module) the money is for, if any: its budget, sources and spending. */
    projectId: uuid('project_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('funding_entries_community_year_idx').on(t.communityId, t.year), index('funding_entries_project_idx').on(t.projectId)],
);

/** The 四有 standards as settings (one row per key; a missing key is its default). */
export const fourHavesSettings = pgTable('four_haves_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A new housing project that must provide community premises (开发商配建), with its stage dates (立项,
 * 规划审批, 施工许可, 竣工验收, 移交) and the premises in its plan and handed over.
 */
export const housingProjects = pgTable(
  'housing_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    name: text('name').notNull(),
    developer: text('developer').notNull(),
    /** Above-ground residential floor area (m²): decides the required premises by the tier table. */
    floorAreaM2: numeric('floor_area_m2', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    plannedHouseholds: integer('planned_households'),
    /** Community premises in the approved plan (m²). */
    plannedPremisesM2: numeric('planned_premises_m2', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    /** Community premises handed over (m²). */
    handedOverM2: numeric('handed_over_m2', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    approvalOn: date('approval_on'),
    planningOn: date('planning_on'),
    permitOn: date('permit_on'),
    completionOn: date('completion_on'),
    handoverOn: date('handover_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('housing_projects_community_idx').on(t.communityId)],
);
