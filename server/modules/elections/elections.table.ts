import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RoundResult } from '../../../shared/contracts/elections';
import type { RecallReason } from '../../../shared/domain/election-recall';

/** A residents' committee election (换届选举) in one community. */
export const elections = pgTable(
  'elections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    /** 第几届. */
    term: integer('term').notNull(),
    /** all_voters | household_reps | group_reps */
    mode: text('mode').notNull(),
    seatsDirector: integer('seats_director').notNull(),
    seatsDeputy: integer('seats_deputy').notNull(),
    seatsMember: integer('seats_member').notNull(),
    electionDate: date('election_date').notNull(),
    /** The law version in force on election day (election-law.ts). */
    lawCode: text('law_code').notNull(),
    /** preparing | runoff | completed | void | withdrawn */
    status: text('status').notNull().default('preparing'),
    /** Why the election was withdrawn (cancelled) before the vote, and when. */
    withdrawnReason: text('withdrawn_reason'),
    withdrawnOn: date('withdrawn_on'),
    /** The computed result of each round, in order. */
    results: jsonb('results').$type<RoundResult[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('elections_community_idx').on(t.communityId, t.electionDate), // A withdrawn election leaves its term number free for the election that replaces it.
    uniqueIndex('elections_community_term_key')
      .on(t.communityId, t.term)
      .where(sql`status <> 'withdrawn'`),
  ],
);

/**
 * The voter roll (选民名单): rows derived from the registry on election day, plus manual corrections. A
 * correction that removes a derived voter keeps the row with `excluded` and its reason, so that deriving
 * again does not bring the voter back.
 */
export const electionVoters = pgTable(
  'election_voters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    electionId: uuid('election_id').notNull(),
    residentId: uuid('resident_id').notNull(),
    householdId: uuid('household_id'),
    /** derived | manual */
    source: text('source').notNull(),
    /** The household's representative (户代表) on the household-representative roll. */
    householdRep: boolean('household_rep').notNull().default(false),
    /**
     * A current (on election day) representative of one of the community's residents' groups (居民小组代表):
     * the roll of a group-representative election.
     */
    groupRep: boolean('group_rep').notNull().default(false),
    excluded: boolean('excluded').notNull().default(false),
    /** Why a voter was added or removed by hand. */
    reason: text('reason'),
    changedBy: uuid('changed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The unique key serves every look-up by election; a second index on (election, household) only slowed
  // the derivation's insert (docs/performance.md, "Election roll").
  (t) => [uniqueIndex('election_voters_key').on(t.electionId, t.residentId)],
);

/** A candidate with the nomination behind them. */
export const electionCandidates = pgTable(
  'election_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    electionId: uuid('election_id').notNull(),
    residentId: uuid('resident_id').notNull(),
    /** director | deputy | member */
    post: text('post').notNull(),
    /** Voters who signed the nomination (default at least 10). */
    nominatorCount: integer('nominator_count').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('election_candidates_key').on(t.electionId, t.residentId)],
);

/** The count of one polling station (投票站) in one round. */
export const electionTallies = pgTable(
  'election_tallies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    electionId: uuid('election_id').notNull(),
    round: integer('round').notNull().default(1),
    station: text('station').notNull(),
    ballotsIssued: integer('ballots_issued').notNull(),
    ballotsReturned: integer('ballots_returned').notNull(),
    invalidBallots: integer('invalid_ballots').notNull(),
    /** Votes per candidate id. */
    votes: jsonb('votes').$type<Record<string, number>>().notNull(),
    enteredBy: uuid('entered_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('election_tallies_key').on(t.electionId, t.round, t.station)],
);

/**
 * An objection to the published voter roll (选民名单异议): someone should be on it (include) or should not
 * (exclude). Filed within the objection window of the timeline, answered by the statutory deadline; an
 * upheld answer applies the correction to the roll.
 */
export const electionObjections = pgTable(
  'election_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    electionId: uuid('election_id').notNull(),
    /** include (a person missing from the roll) | exclude (a voter who should not be on it) */
    kind: text('kind').notNull(),
    /** The person the objection is about. */
    residentId: uuid('resident_id').notNull(),
    /** Who filed it, as they gave their name (a resident or an official). */
    filedBy: text('filed_by').notNull(),
    reason: text('reason').notNull(),
    filedOn: date('filed_on').notNull(),
    /** open | upheld | rejected */
    status: text('status').notNull().default('open'),
    answer: text('answer'),
    answeredOn: date('answered_on'),
    answeredBy: uuid('answered_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('election_objections_election_idx').on(t.electionId, t.filedOn), index('election_objections_open_idx').on(t.communityId, t.status)],
);

/** A recall (罢免) of an elected member: the proposal, then the vote and its result. */
export const electionRecalls = pgTable(
  'election_recalls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id').notNull(),
    electionId: uuid('election_id').notNull(),
    /** The elected member (election_candidates.id). */
    candidateId: uuid('candidate_id').notNull(),
    proposerCount: integer('proposer_count').notNull(),
    /** The roll the proposers and the turnout are counted against. */
    registeredVoters: integer('registered_voters').notNull(),
    reason: text('reason').notNull(),
    proposedOn: date('proposed_on').notNull(),
    /** proposed | passed | failed | void */
    status: text('status').notNull().default('proposed'),
    voteDate: date('vote_date'),
    ballotsIssued: integer('ballots_issued'),
    ballotsReturned: integer('ballots_returned'),
    invalidBallots: integer('invalid_ballots'),
    votesFor: integer('votes_for'),
    reasons: jsonb('reasons').$type<RecallReason[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('election_recalls_election_idx').on(t.electionId)],
);
