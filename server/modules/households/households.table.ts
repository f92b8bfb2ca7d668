import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A household (户): an address in a building, with a head. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    gridId: uuid('grid_id').notNull(),
    buildingId: uuid('building_id'),
    /** 户号 (household register number), unique within the city when present. */
    householdNumber: text('household_number'),
    /** e.g. 2单元301室 */
    room: text('room'),
    /** Full address for display and search. */
    address: text('address').notNull(),
    householdType: text('household_type').notNull().default('family'),
    headResidentId: uuid('head_resident_id'),
    /** active | merged | dissolved — never deleted. */
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('households_community_idx').on(t.communityId),
    index('households_building_idx').on(t.buildingId),
    index('households_grid_idx').on(t.gridId),
    // 户号 look-up from the search box.
    index('households_number_idx').on(t.householdNumber),
    index('households_address_trgm').using('gin', sql`${t.address} gin_trgm_ops`),
  ],
);
