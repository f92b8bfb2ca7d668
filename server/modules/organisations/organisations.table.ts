import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An organisation of a community: party organisations, the residents' committee and its groups, social
 * and intermediary organisations, teams, resident units (驻区单位), owners' committees, property companies.
 * `community_id` is the scope key.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    /** One of ORGANISATION_TYPES (shared/domain/organisations.ts). */
    type: text('type').notNull(),
    name: text('name').notNull(),
    /** The organisation it belongs to (a 党支部 under a 党总支), same community. */
    parentId: uuid('parent_id'),
    foundedDate: date('founded_date'),
    address: text('address'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    /** 驻区单位: what it contributes to the community (共驻共建). */
    contribution: text('contribution'),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_community_type_idx').on(t.communityId, t.type),
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** A membership of an organisation over a period, with the member's role. */
export const organisationMembers = pgTable(
  'organisation_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    /** The resident, when the member is in the registry. */
    residentId: uuid('resident_id'),
    /** The member's name (the resident's at the time of joining, or as given). */
    name: text('name').notNull(),
    /** One of MEMBER_ROLES. */
    role: text('role').notNull(),
    startDate: date('start_date').notNull(),
    /** Null while current. */
    endDate: date('end_date'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisation_members_org_idx').on(t.organisationId, t.endDate),
    index('organisation_members_resident_idx').on(t.residentId),
    index('organisation_members_community_idx').on(t.communityId),
  ],
);

/** An honour an organisation received (文明单位、先进集体 …). */
export const organisationHonours = pgTable(
  'organisation_honours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    issuer: text('issuer').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_honours_org_idx').on(t.organisationId), index('organisation_honours_community_idx').on(t.communityId)],
);
