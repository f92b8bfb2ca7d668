import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userGrants, users } from '../accounts/accounts.table';
import { regions } from '../regions/regions.table';
import { sessions } from './sessions.table';

export type UserRow = typeof users.$inferSelect;

/** The failure count after an attempt, and the lock it set (if any). */
export interface Attempt {
  failedAttempts: number;
  lockedUntil: Date | null;
}

/** Sessions and the sign-in view of users. */
export class AuthRepository {
  constructor(private readonly db: Db) {}

  async userByUsername(username: string): Promise<UserRow | undefined> {
    const rows = await this.db.select().from(users).where(eq(users.username, username)).limit(1);
    return rows[0];
  }

  async userById(id: string): Promise<UserRow | undefined> {
    const rows = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0];
  }

  async grantsOf(userId: string) {
    return this.db
      .select({
        role: userGrants.role,
        regionId: userGrants.regionId,
        domain: userGrants.domain,
        regionPath: regions.path,
        regionLevel: regions.level,
        regionName: regions.name,
      })
      .from(userGrants)
      .innerJoin(regions, eq(regions.id, userGrants.regionId))
      .where(eq(userGrants.userId, userId));
  }

  /** Counts a failed attempt, locking the account when it reaches the threshold. */
  async recordFailure(userId: string, threshold: number, lockMinutes: number): Promise<Attempt> {
    const rows = await this.db
      .update(users)
      .set({
        failedAttempts: sql`${users.failedAttempts} + 1`,
        lockedUntil: sql`CASE WHEN ${users.failedAttempts} + 1 >= ${threshold} THEN now() + make_interval(mins => ${lockMinutes}) ELSE ${users.lockedUntil} END`,
      })
      .where(eq(users.id, userId))
      .returning({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil });
    return rows[0];
  }

  async clearFailures(userId: string) {
    await this.db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId));
  }

  async setPassword(userId: string, passwordHash: string, mustChange: boolean) {
    await this.db
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: mustChange,
        passwordChangedAt: sql`now()`,
        failedAttempts: 0,
        lockedUntil: null,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, userId));
  }

  /** Stores a new secret while the factor is off; false when it is on. */
  async setTotpSecret(userId: string, cipher: Buffer): Promise<boolean> {
    const rows = await this.db
      .update(users)
      .set({ totpCipher: cipher, totpLastStep: null })
      .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    return rows.length === 1;
  }

  /** Turns the factor on if the stored secret is still `cipher` and it is off; false otherwise. */
  async enableTotp(userId: string, step: number, cipher: Buffer): Promise<boolean> {
    const rows = await this.db
      .update(users)
      .set({ totpEnabledAt: sql`now()`, totpLastStep: step })
      .where(and(eq(users.id, userId), isNull(users.totpEnabledAt), eq(users.totpCipher, cipher)))
      .returning({ id: users.id });
    return rows.length === 1;
  }

  /** Records a code's time step as used; false when it (or a later one) was used already. */
  async claimTotpStep(userId: string, step: number): Promise<boolean> {
    const rows = await this.db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return rows.length === 1;
  }

  /** Removes the second factor (an administrator's reset, for a lost phone). */
  async clearTotp(userId: string) {
    await this.db.update(users).set({ totpCipher: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId));
  }

  async createSession(row: typeof sessions.$inferInsert) {
    await this.db.insert(sessions).values(row);
  }

  async session(tokenHash: string) {
    const rows = await this.db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).limit(1);
    return rows[0];
  }

  async touchSession(tokenHash: string) {
    await this.db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.tokenHash, tokenHash));
  }

  async deleteSession(tokenHash: string) {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }

  async deleteSessionsOf(userId: string, except?: string) {
    await this.db.delete(sessions).where(except ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${except}`) : eq(sessions.userId, userId));
  }

  /** Removes sessions past their idle or absolute limit (residual data). */
  async deleteExpired(idleBefore: Date, createdBefore: Date) {
    await this.db.delete(sessions).where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore)));
  }
}
