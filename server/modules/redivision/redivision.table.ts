import { sql } from 'drizzle-orm';
import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Re-division history (written by the re-division only, hence its table): a grid or building moved from one region to another, effective from a date. */
export const regionChanges = pgTable('region_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  objectType: text('object_type', { enum: ['grid', 'building'] }).notNull(),
  objectId: uuid('object_id').notNull(),
  fromRegionId: uuid('from_region_id').notNull(),
  toRegionId: uuid('to_region_id').notNull(),
  effectiveDate: date('effective_date').notNull(),
  reason: text('reason'),
  changedBy: uuid('changed_by'),
  changedAt: timestamp('changed_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});
