import { bigint, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A construction or renovation project of community premises (建设项目): new build, renovation or expansion,
 * with its budget, dates, state and progress. Its funding is the funding ledger's entries carrying its id
 * (`funding_entries.project_id`, owned by the fourhaves module). `community_id` is the scope key.
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    name: text('name').notNull(),
    /** new_build | renovation | expansion */
    kind: text('kind').notNull(),
    /** The premises row (fourhaves) it builds or renovates, when there is one. */
    premisesId: uuid('premises_id'),
    areaM2: numeric('area_m2', { precision: 10, scale: 2, mode: 'number' }),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull().default(0),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    /** planned | under_way | finished | cancelled */
    state: text('state').notNull().default('planned'),
    progressPercent: integer('progress_percent').notNull().default(0),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_community_idx').on(t.communityId)],
);

/** A milestone of a project (设计、招标、开工、主体完工、验收、交付使用 …): planned day, done day. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The project's community (scope and distribution key). */
    communityId: uuid('community_id').notNull(),
    name: text('name').notNull(),
    plannedOn: date('planned_on').notNull(),
    doneOn: date('done_on'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId), index('project_milestones_community_idx').on(t.communityId)],
);
