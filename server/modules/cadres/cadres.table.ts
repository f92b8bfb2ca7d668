import { boolean, date, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A cadre of a community (社区干部, 协警 …), in post or former. `community_id` is the scope key. */
export const cadres = pgTable(
  'cadres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    /** The person in the registry, when linked. */
    residentId: uuid('resident_id'),
    name: text('name').notNull(),
    sex: text('sex', { enum: ['M', 'F'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    /** One of CADRE_POSTS (shared/domain/staffing.ts). */
    post: text('post').notNull(),
    /** One of CADRE_SOURCES: elected, recruited, seconded (with pay), assigned police. */
    source: text('source').notNull(),
    /** One of EDUCATION_LEVELS. */
    education: text('education'),
    partyMember: boolean('party_member').notNull().default(false),
    phone: text('phone'),
    payGrade: text('pay_grade'),
    pensionInsured: boolean('pension_insured').notNull().default(false),
    medicalInsured: boolean('medical_insured').notNull().default(false),
    startDate: date('start_date').notNull(),
    /** Null while in post. */
    endDate: date('end_date'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cadres_community_idx').on(t.communityId, t.endDate), index('cadres_resident_idx').on(t.residentId)],
);

/** A training a cadre attended. */
export const cadreTrainings = pgTable(
  'cadre_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    cadreId: uuid('cadre_id').notNull(),
    course: text('course').notNull(),
    /** One of TRAINING_FORMS: short course, 以会代训, online. */
    form: text('form').notNull(),
    hours: real('hours').notNull(),
    date: date('date').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cadre_trainings_cadre_idx').on(t.cadreId, t.date), index('cadre_trainings_community_idx').on(t.communityId)],
);

/** City-wide settings of cadre work (the staffing standard, the training cadence), one row per key. */
export const cadreSettings = pgTable('cadre_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
