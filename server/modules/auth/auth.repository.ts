import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { passwordHistory, userGrants, users } from '../accounts/accounts.table';
import { regions } from '../regions/regions.table';
import { sessions } from './sessions.table';

export type UserRow = typeof users.$inferSelect;

/**
 * Sessions, and the sign-in view of users (read only: `users` and `password_history` belong to the accounts
 * module, whose CredentialsService writes the sign-in state).
 */
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

  async textSize(userId: string): Promise<string | undefined> {
    const [row] = await this.db.select({ textSize: users.textSize }).from(users).where(eq(users.id, userId));
    return row?.textSize;
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
