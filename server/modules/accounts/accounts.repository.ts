import { and, desc, eq, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { regions } from '../regions/regions.table';
import { passwordHistory, userGrants, users } from './accounts.table';

/** A (role, region[, domain]) grant as written. */
export interface Grant {
  role: string;
  regionId: string;
  domain?: string | null;
}

/** The failure count after an attempt, and the lock it set (if any). */
export interface Attempt {
  failedAttempts: number;
  lockedUntil: Date | null;
}

/** Accounts and their grants. */
export class AccountsRepository {
  constructor(private readonly db: Db) {}

  async page(q: string | undefined, limit: number, offset: number) {
    const cond = q ? or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`)) : undefined;
    const [items, [{ total }]] = await Promise.all([
      this.db.select().from(users).where(cond).orderBy(desc(users.createdAt), users.username).limit(limit).offset(offset),
      this.db
        .select({ total: sql<number>`count(*)::int` })
        .from(users)
        .where(cond),
    ]);
    return { items, total };
  }

  async byId(id: string) {
    const rows = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0];
  }

  async byUsername(username: string) {
    const rows = await this.db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
    return rows[0];
  }

  grantsOf(userIds: string[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.db
      .select({
        userId: userGrants.userId,
        role: userGrants.role,
        regionId: userGrants.regionId,
        domain: userGrants.domain,
        regionName: regions.name,
        regionPath: regions.path,
        pending: userGrants.pending,
      })
      .from(userGrants)
      .innerJoin(regions, eq(regions.id, userGrants.regionId))
      .where(inArray(userGrants.userId, userIds));
  }

  async insert(row: typeof users.$inferInsert) {
    const [u] = await this.db.insert(users).values(row).returning();
    return u;
  }

  /**
   * Makes the user's grants these: a grant the user holds already keeps its state (approved or pending),
   * a new one is pending when `needsApproval` says so; grants not listed go. Returns the new ones.
   */
  async replaceGrants(
    userId: string,
    grants: Grant[],
    options: { requestedBy?: string; needsApproval?: (g: Grant) => boolean } = {},
  ): Promise<(Grant & { pending: boolean })[]> {
    const existing = await this.db.select().from(userGrants).where(eq(userGrants.userId, userId));
    const same = (a: Grant, b: Grant) => a.role === b.role && a.regionId === b.regionId && (a.domain ?? null) === (b.domain ?? null);
    const gone = existing.filter((e) => !grants.some((g) => same(e, g)));
    if (gone.length)
      await this.db.delete(userGrants).where(
        inArray(
          userGrants.id,
          gone.map((e) => e.id),
        ),
      );
    const added = grants
      .filter((g, i) => !existing.some((e) => same(e, g)) && grants.findIndex((h) => same(h, g)) === i)
      .map((g) => ({ role: g.role, regionId: g.regionId, domain: g.domain ?? null, pending: options.needsApproval?.(g) ?? false }));
    if (added.length) await this.db.insert(userGrants).values(added.map((g) => ({ userId, ...g, requestedBy: options.requestedBy ?? null })));
    return added;
  }

  /** Roles the user holds, pending grants included. */
  async rolesOf(userId: string): Promise<string[]> {
    const rows = await this.db.select({ role: userGrants.role }).from(userGrants).where(eq(userGrants.userId, userId));
    return rows.map((r) => r.role);
  }

  /** Grants waiting for approval, with the account, the region and who asked. */
  pendingGrants(id?: string) {
    const requester = alias(users, 'requester');
    return this.db
      .select({
        id: userGrants.id,
        userId: userGrants.userId,
        username: users.username,
        displayName: users.displayName,
        role: userGrants.role,
        regionId: userGrants.regionId,
        regionName: regions.name,
        regionPath: regions.path,
        domain: userGrants.domain,
        requestedBy: userGrants.requestedBy,
        requestedByUsername: requester.username,
        requestedAt: userGrants.requestedAt,
      })
      .from(userGrants)
      .innerJoin(users, eq(users.id, userGrants.userId))
      .innerJoin(regions, eq(regions.id, userGrants.regionId))
      .leftJoin(requester, eq(requester.id, userGrants.requestedBy))
      .where(id ? and(eq(userGrants.pending, true), eq(userGrants.id, id)) : eq(userGrants.pending, true))
      .orderBy(userGrants.requestedAt, userGrants.id);
  }

  /**
   * Sends the user's approved grants that need approval back to pending (after an administrator reset the
   * account's password or second factor: whoever signs in next may not be its owner). Returns how many.
   */
  async suspendGrants(userId: string, requestedBy: string, needsApproval: (g: Grant) => boolean): Promise<number> {
    const held = await this.db
      .select()
      .from(userGrants)
      .where(and(eq(userGrants.userId, userId), eq(userGrants.pending, false)));
    const ids = held.filter((g) => needsApproval({ role: g.role as Grant['role'], regionId: g.regionId, domain: g.domain })).map((g) => g.id);
    if (!ids.length) return 0;
    await this.db
      .update(userGrants)
      .set({ pending: true, requestedBy, requestedAt: sql`now()`, approvedBy: null, approvedAt: null })
      .where(inArray(userGrants.id, ids));
    return ids.length;
  }

  /** Approves a grant that is still pending; false when it no longer is. */
  async approveGrant(id: string, approvedBy: string): Promise<boolean> {
    const rows = await this.db
      .update(userGrants)
      .set({ pending: false, approvedBy, approvedAt: sql`now()` })
      .where(and(eq(userGrants.id, id), eq(userGrants.pending, true)))
      .returning({ id: userGrants.id });
    return rows.length === 1;
  }

  /** Removes a grant that is still pending; false when it no longer is. */
  async rejectGrant(id: string): Promise<boolean> {
    const rows = await this.db
      .delete(userGrants)
      .where(and(eq(userGrants.id, id), eq(userGrants.pending, true)))
      .returning({ id: userGrants.id });
    return rows.length === 1;
  }

  async update(id: string, version: number, patch: Partial<typeof users.$inferInsert>) {
    const rows = await this.db
      .update(users)
      .set({ ...patch, version: sql`${users.version} + 1` })
      .where(sql`${users.id} = ${id} AND ${users.version} = ${version}`)
      .returning();
    return rows[0];
  }

  /** Accounts whose lock has not ended yet, the longest-locked first. */
  locked() {
    return this.db
      .select({ id: users.id, username: users.username, displayName: users.displayName, failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil })
      .from(users)
      .where(sql`${users.lockedUntil} > now()`)
      .orderBy(desc(users.lockedUntil));
  }

  /** Usernames and display names by id (the audit log's readable names). */
  names(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
  }

  // ------------------------------------------------ sign-in state (written for AuthService via CredentialsService)

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

  /** The current password hash, locked for the rest of the transaction; undefined for no such user. */
  async lockPasswordHash(userId: string): Promise<string | undefined> {
    const [row] = await this.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).for('update');
    return row?.passwordHash;
  }

  /** Puts a new password in force; a new password clears the failed attempts and the lock. */
  async setPasswordHash(userId: string, passwordHash: string, mustChange: boolean) {
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

  async addPasswordHistory(userId: string, passwordHash: string) {
    await this.db.insert(passwordHistory).values({ userId, passwordHash });
  }

  /** Keeps only the `keep` newest previous hashes: older ones are residual data. */
  async trimPasswordHistory(userId: string, keep: number) {
    await this.db.execute(
      sql`DELETE FROM ${passwordHistory} WHERE ${passwordHistory.userId} = ${userId} AND ${passwordHistory.id} NOT IN (SELECT ${passwordHistory.id} FROM ${passwordHistory} WHERE ${passwordHistory.userId} = ${userId} ORDER BY ${passwordHistory.replacedAt} DESC, ${passwordHistory.id} LIMIT ${keep})`,
    );
  }

  async setTextSize(userId: string, textSize: string) {
    await this.db.update(users).set({ textSize }).where(eq(users.id, userId));
  }

  /** Stores a new secret to enrol; the factor in force (if any) stays until the new one is enabled. */
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

  regionsByIds(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.select({ id: regions.id, path: regions.path, level: regions.level }).from(regions).where(inArray(regions.id, ids));
  }
}
