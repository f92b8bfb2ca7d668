import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/sql';
import { communityScopeSql, type DataScope } from '../../lib/scope';
import { awardAllocations, awardPayments, awardRounds, awardScores } from './awards.table';

export type AwardRoundRow = typeof awardRounds.$inferSelect;
export type AwardScoreRow = typeof awardScores.$inferSelect;
export type AwardAllocationRow = typeof awardAllocations.$inferSelect;
export type AwardPaymentRow = typeof awardPayments.$inferSelect;

/** Queries of the 以奖代补 rounds; the only code that writes their tables. */
export class AwardsRepository {
  constructor(private readonly db: Db) {}

  rounds() {
    return this.db.select().from(awardRounds).orderBy(awardRounds.year);
  }

  async round(id: string) {
    const [row] = await this.db.select().from(awardRounds).where(eq(awardRounds.id, id));
    return row;
  }

  async roundOfYear(year: number) {
    const [row] = await this.db.select().from(awardRounds).where(eq(awardRounds.year, year));
    return row;
  }

  async insertRound(values: typeof awardRounds.$inferInsert) {
    const [row] = await this.db.insert(awardRounds).values(values).onConflictDoNothing().returning();
    return row;
  }

  /** A versioned change; undefined when the version is stale. */
  async updateRound(id: string, version: number, patch: Partial<typeof awardRounds.$inferInsert>) {
    const [row] = await this.db
      .update(awardRounds)
      .set({ ...patch, version: sql`${awardRounds.version} + 1`, updatedAt: new Date() })
      .where(and(eq(awardRounds.id, id), eq(awardRounds.version, version)))
      .returning();
    return row;
  }

  /** Every community of the city, or those of a scope, in the city's order. */
  communities(scope: DataScope) {
    return rowsOf<{ id: string; name: string; nameEn: string | null }>(
      this.db,
      sql`SELECT c.id, c.name, c.name_en AS "nameEn" FROM regions c WHERE c.level = 'community' AND ${communityScopeSql(scope, 'c.id')} ORDER BY c.path`,
    );
  }

  async community(id: string) {
    const rows = await rowsOf<{ id: string; name: string; level: string }>(this.db, sql`SELECT id, name, level FROM regions WHERE id = ${id}::uuid`);
    return rows[0];
  }

  scores(roundId: string) {
    return this.db.select().from(awardScores).where(eq(awardScores.roundId, roundId));
  }

  async score(roundId: string, communityId: string) {
    const [row] = await this.db
      .select()
      .from(awardScores)
      .where(and(eq(awardScores.roundId, roundId), eq(awardScores.communityId, communityId)));
    return row;
  }

  /** The first score of a community (undefined when one exists already: a stale "first"). */
  async insertScore(values: typeof awardScores.$inferInsert) {
    const [row] = await this.db.insert(awardScores).values(values).onConflictDoNothing().returning();
    return row;
  }

  async updateScore(roundId: string, communityId: string, version: number, patch: Partial<typeof awardScores.$inferInsert>) {
    const [row] = await this.db
      .update(awardScores)
      .set({ ...patch, version: sql`${awardScores.version} + 1`, updatedAt: new Date() })
      .where(and(eq(awardScores.roundId, roundId), eq(awardScores.communityId, communityId), eq(awardScores.version, version)))
      .returning();
    return row;
  }

  allocations(roundId: string) {
    return this.db.select().from(awardAllocations).where(eq(awardAllocations.roundId, roundId));
  }

  async insertAllocations(values: (typeof awardAllocations.$inferInsert)[]) {
    if (values.length) await this.db.insert(awardAllocations).values(values);
  }

  payments(roundId: string) {
    return this.db.select().from(awardPayments).where(eq(awardPayments.roundId, roundId)).orderBy(awardPayments.paidOn, awardPayments.createdAt);
  }

  /** Paid fen per round and community (for the lists). */
  paidTotals() {
    return rowsOf<{ roundId: string; communityId: string; fen: number }>(
      this.db,
      sql`SELECT round_id AS "roundId", community_id AS "communityId", sum(amount_fen)::float8 AS fen FROM award_payments GROUP BY round_id, community_id`,
    );
  }

  scoreCounts() {
    return rowsOf<{ roundId: string; communityId: string }>(this.db, sql`SELECT round_id AS "roundId", community_id AS "communityId" FROM award_scores`);
  }

  async insertPayment(values: typeof awardPayments.$inferInsert) {
    const [row] = await this.db.insert(awardPayments).values(values).returning();
    return row;
  }
}
