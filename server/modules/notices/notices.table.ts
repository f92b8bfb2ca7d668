import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A notice (通知公告) addressed to one region: the city, a street, a community or a grid. `region_id` is the
 * address; `community_id` is set when the notice is a community's own (addressed to the community itself),
 * so that a community's notices are one indexed predicate. A grid's notice keeps only its `region_id`: its
 * reach follows the grid's current path, so after a re-division it reaches the grid's new community.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    /** The community when the notice is addressed to a community, else null. */
    communityId: uuid('community_id'),
    title: text('title').notNull(),
    /** Plain text (no markup), at most NOTICE_BODY_MAX characters. */
    body: text('body').notNull(),
    /** staff | residents | all */
    audience: text('audience').notNull().default('all'),
    /** normal | important */
    importance: text('importance').notNull().default('normal'),
    /** First day it is shown (the city's date). */
    publishFrom: date('publish_from').notNull(),
    /** Last day it is shown; null: until withdrawn. */
    publishUntil: date('publish_until'),
    pinned: boolean('pinned').notNull().default(false),
    authorId: uuid('author_id'),
    /** The author's display name when written (an official's name, kept when the account goes). */
    authorName: text('author_name').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnBy: uuid('withdrawn_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notices_region_idx').on(t.regionId), index('notices_community_idx').on(t.communityId), index('notices_publish_idx').on(t.publishFrom)],
);

/**
 * Who has read which notice (已读): one row per notice and user, written the first time the user opens it.
 * It carries no region: a receipt follows its notice.
 */
export const noticeReads = pgTable(
  'notice_reads',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] }), index('notice_reads_user_idx').on(t.userId)],
);
