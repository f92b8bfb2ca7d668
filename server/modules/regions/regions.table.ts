import { index, integer, jsonb, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { ltree } from '../../db/types';

/** The region tree: city → street → community → grid. `path` makes a subtree one indexed predicate. */
export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    level: text('level', { enum: ['city', 'street', 'community', 'grid'] }).notNull(),
    /** Statistical division code (12 digits for streets and communities); grids extend their community's code. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    path: ltree('path').notNull(),
    sort: integer('sort').notNull().default(0),
    /** GeoJSON geometry (Polygon or MultiPolygon) in lon/lat. */
    boundary: jsonb('boundary'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('regions_code_key').on(t.code),
    uniqueIndex('regions_path_key').on(t.path),
    index('regions_path_gist').using('gist', t.path),
    index('regions_parent_idx').on(t.parentId),
  ],
);
