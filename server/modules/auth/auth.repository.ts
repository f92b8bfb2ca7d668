import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { passwordHistory, userGrants, users } from '../accounts/accounts.table';
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

  /** The grants in force (approved); a pending grant gives nothing. */
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
      .where(and(eq(userGrants.userId, userId), eq(userGrants.pending, false)));
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

  /**
   * Replaces the password; the old hash goes to the history, which keeps the `keep` newest (PASSWORD_HISTORY).
   */
  async setPassword(userId: string, passwordHash: string, mustChange: boolean, keep: number) {
    await this.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const [old] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).for('update');
      if (!old) return;
      await tx
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
      if (keep > 0) await tx.insert(passwordHistory).values({ userId, passwordHash: old.passwordHash });
      // Only the newest `keep` stay: older hashes are residual data.
      await tx.execute(
        sql`DELETE FROM ${passwordHistory} WHERE ${passwordHistory.userId} = ${userId} AND ${passwordHistory.id} NOT IN (SELECT ${passwordHistory.id} FROM ${passwordHistory} WHERE ${passwordHistory.userId} = ${userId} ORDER BY ${passwordHistory.replacedAt} DESC, ${passwordHistory.id} LIMIT ${keep})`,
      );
    });
  }

  /** The `n` most recent previous password hashes of a user, newest first. */
  async previousPasswords(userId: string, n: number): Promise<string[]> {
    if (n <= 0) return [];
    const rows = await this.db
      .select({ passwordHash: passwordHistory.passwordHash })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, userId))
      .orderBy(desc(passwordHistory.replacedAt), passwordHistory.id)
      .limit(n);
    return rows.map((r) => r.passwordHash);
  }

  /** Stores a new secret to enrol; the factor in force (if any) stays until the new one is enabled. */
  async textSize(userId: string): Promise<string | undefined> {
    const [row] = await this.db.select({ textSize: users.textSize }).from(users).where(eq(users.id, userId));
    return row?.textSize;
  }

  async setTextSize(userId: string, textSize: string) {
    await this.db.update(users).set({ textSize }).where(eq(users.id, userId));
  }

  async setPendingTotp(userId: string, cipher: Buffer) {
    await this.db.update(users).set({ totpPendingCipher: cipher }).where(eq(users.id, userId));
  }

  /**
   * Puts the enrolled secret in force if it is still `cipher` (a setup in another tab may have replaced it);
   * false otherwise.
   */
  async enableTotp(userId: string, step: number, cipher: Buffer): Promise<boolean> {
    const rows = await this.db
      .update(users)
      .set({ totpCipher: cipher, totpPendingCipher: null, totpEnabledAt: sql`now()`, totpLastStep: step })
      .where(and(eq(users.id, userId), eq(users.totpPendingCipher, cipher)))
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
    await this.db.update(users).set({ totpCipher: null, totpPendingCipher: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId));
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

  /**
   * The sessions still within both limits, newest activity first, with an opaque id (a digest of the token's
   * hash: the list never carries what the cookie or the table's key holds).
   */
  activeSessions(idleSince: Date, createdSince: Date, limit = 500) {
    return this.db
      .select({
        id: sql<string>`left(encode(sha256(convert_to('sid:' || ${sessions.tokenHash}, 'UTF8')), 'hex'), 32)`,
        tokenHash: sessions.tokenHash,
        userId: sessions.userId,
        username: users.username,
        displayName: users.displayName,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        ip: sessions.ip,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(sql`${sessions.lastSeenAt} >= ${idleSince.toISOString()}::timestamptz`, sql`${sessions.createdAt} >= ${createdSince.toISOString()}::timestamptz`),
      )
      .orderBy(desc(sessions.lastSeenAt))
      .limit(limit);
  }

  /** The session behind an id of activeSessions. */
  async sessionById(id: string) {
    const rows = await this.db
      .select({ tokenHash: sessions.tokenHash, userId: sessions.userId, username: users.username })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(sql`left(encode(sha256(convert_to('sid:' || ${sessions.tokenHash}, 'UTF8')), 'hex'), 32) = ${id}`)
      .limit(1);
    return rows[0];
  }

  async deleteSessionsOf(userId: string, except?: string) {
    await this.db.delete(sessions).where(except ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${except}`) : eq(sessions.userId, userId));
  }

  /** Removes sessions past their idle or absolute limit (residual data). */
  async deleteExpired(idleBefore: Date, createdBefore: Date) {
    await this.db.delete(sessions).where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore)));
  }
}
