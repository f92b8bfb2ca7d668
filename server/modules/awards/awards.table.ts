import { bigint, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** One year's 以奖代补 round of the city: the pot, the formula, its status. City-wide: no scope key. */
export const awardRounds = pgTable(
  'award_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    potFen: bigint('pot_fen', { mode: 'number' }).notNull(),
    floorScore: numeric('floor_score', { precision: 6, scale: 3, mode: 'number' }).notNull(),
    /** The largest share of the pot one community may get; null = no cap. */
    maxShare: numeric('max_share', { precision: 10, scale: 9, mode: 'number' }),
    /** The inspection items with their weights ({ key, label, weight }[]); empty: one overall score is entered. */
    items: jsonb('items').$type<{ key: string; label: string; weight: number }[]>().notNull().default([]),
    /** draft | approved | paid */
    status: text('status').notNull().default('draft'),
    approvedOn: date('approved_on'),
    /** The approver's display name (as it stands on the document). */
    approvedBy: text('approved_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('award_rounds_year_idx').on(t.year)],
);

/** An inspection's score of one community in a round (until the evaluation module computes it). */
export const awardScores = pgTable(
  'award_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    communityId: uuid('community_id').notNull(),
    /** The overall score (the weighted mean of the item scores when the round has items). */
    score: numeric('score', { precision: 6, scale: 3, mode: 'number' }).notNull(),
    /** Each item's score, keyed by the item's key (rounds with items). */
    itemScores: jsonb('item_scores').$type<Record<string, number>>(),
    inspector: text('inspector').notNull(),
    inspectedOn: date('inspected_on').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('award_scores_round_community_idx').on(t.roundId, t.communityId)],
);

/** The amounts frozen at approval, one per community, with the reason in both languages. */
export const awardAllocations = pgTable(
  'award_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    communityId: uuid('community_id').notNull(),
    score: numeric('score', { precision: 6, scale: 3, mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    reasonZh: text('reason_zh').notNull(),
    reasonEn: text('reason_en').notNull(),
  },
  (t) => [uniqueIndex('award_allocations_round_community_idx').on(t.roundId, t.communityId)],
);

/** A payment of a community's award; each one also wrote a 以奖代补 allocation to the funding ledger. */
export const awardPayments = pgTable(
  'award_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    communityId: uuid('community_id').notNull(),
    paidOn: date('paid_on').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    voucher: text('voucher').notNull(),
    fundingEntryId: uuid('funding_entry_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('award_payments_round_community_idx').on(t.roundId, t.communityId)],
);
