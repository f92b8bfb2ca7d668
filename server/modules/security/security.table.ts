import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The security settings in force (one row, id 1; none while the environment's defaults apply). A JSON
 * object of the fields of shared/contracts/security.ts SecuritySettings, checked on read and write.
 */
export const securitySettings = pgTable('security_settings', {
  id: integer('id').primaryKey(),
  settings: jsonb('settings').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  updatedByName: text('updated_by_name'),
});
