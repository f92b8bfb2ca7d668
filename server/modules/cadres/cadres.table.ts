import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types';

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

/**
 * A recruitment posting (招聘公告) of a community: the post and how many, the conditions, the application
 * window, the tests' weights, the interview shortlist's ratio and the public notice of the results.
 */
export const cadrePostings = pgTable(
  'cadre_postings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    title: text('title').notNull(),
    /** One of CADRE_POSTS. */
    post: text('post').notNull(),
    quota: integer('quota').notNull(),
    /** Age limits in whole years on the closing day; null = none (18 at least in any case). */
    ageMin: integer('age_min'),
    ageMax: integer('age_max'),
    /** The lowest education accepted (one of EDUCATION_LEVELS), null = none. */
    educationMin: text('education_min'),
    /** Other conditions, checked by the officials (an override with a reason). */
    otherConditions: text('other_conditions'),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    writtenWeight: integer('written_weight').notNull().default(40),
    interviewWeight: integer('interview_weight').notNull().default(60),
    shortlistRatio: doublePrecision('shortlist_ratio').notNull().default(1.5),
    noticeDays: integer('notice_days').notNull().default(7),
    /** Set when the results go on public notice (公示); the end is start + notice days. */
    noticeStart: date('notice_start'),
    noticeEnd: date('notice_end'),
    /** Set when the posting is withdrawn (撤回): nothing more happens on it; the reason is public with it. */
    withdrawnOn: date('withdrawn_on'),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cadre_postings_community_idx').on(t.communityId, t.closesOn)],
);

/**
 * An application to a posting. The ID number is stored like the registry's: encrypted, a keyed hash (one
 * application per person and posting) and the masked form for display.
 */
export const cadreApplications = pgTable(
  'cadre_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    postingId: uuid('posting_id').notNull(),
    /** The person in the registry, when linked. */
    residentId: uuid('resident_id'),
    name: text('name').notNull(),
    idCipher: bytea('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    sex: text('sex', { enum: ['M', 'F'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    /** One of EDUCATION_LEVELS. */
    education: text('education'),
    phone: text('phone'),
    /** Null until checked; 'pass' or 'fail'. */
    eligibility: text('eligibility'),
    eligibilityReason: text('eligibility_reason'),
    /** True when an official overrode the computed result (the reason is then theirs). */
    eligibilityOverridden: boolean('eligibility_overridden').notNull().default(false),
    writtenScore: doublePrecision('written_score'),
    interviewScore: doublePrecision('interview_score'),
    /** After the notice: appointed (a cadre was recorded) or candidate (entered into the election). */
    outcome: text('outcome'),
    cadreId: uuid('cadre_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cadre_applications_posting_idx').on(t.postingId), uniqueIndex('cadre_applications_person_uq').on(t.postingId, t.idHash)],
);

/** An objection raised during a posting's public notice, and its answer. */
export const cadrePostingObjections = pgTable(
  'cadre_posting_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    postingId: uuid('posting_id').notNull(),
    /** The applicant it concerns, if one. */
    applicationId: uuid('application_id'),
    text: text('text').notNull(),
    receivedOn: date('received_on').notNull(),
    answer: text('answer'),
    /** Null while unanswered; true stops the appointment of the applicant it concerns (or of all, without one). */
    upheld: boolean('upheld'),
    answeredOn: date('answered_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cadre_posting_objections_posting_idx').on(t.postingId)],
);
