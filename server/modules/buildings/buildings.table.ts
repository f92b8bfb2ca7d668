import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A building in a grid. `community_id` is the scope and distribution key. */
export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    gridId: uuid('grid_id').notNull(),
    /** e.g. 幸福小区3栋 */
    name: text('name').notNull(),
    /** Street address, e.g. 人民路18号 */
    address: text('address').notNull(),
    floors: integer('floors').notNull().default(1),
    units: integer('units').notNull().default(1),
    builtYear: integer('built_year'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('buildings_community_idx').on(t.communityId),
    index('buildings_grid_idx').on(t.gridId),
    index('buildings_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);
