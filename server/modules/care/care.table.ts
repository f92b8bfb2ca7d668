import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A resident's membership of a care group (elderly alone, disability, 低保 …) over a period, with the
 * group's own attributes (disability category and level, release date, arrival date …).
 */
export const careRecords = pgTable(
  'care_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id').notNull(),
    communityId: uuid('community_id').notNull(),
    /** One of CARE_GROUPS in shared/domain/registry.ts. */
    groupType: text('group_type').notNull(),
    attributes: jsonb('attributes').notNull().default({}),
    startDate: date('start_date').notNull(),
    /** Null while the record is current. */
    endDate: date('end_date'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('care_records_resident_idx').on(t.residentId), index('care_records_community_group_idx').on(t.communityId, t.groupType, t.endDate)],
);
