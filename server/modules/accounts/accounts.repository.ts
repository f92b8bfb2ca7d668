import { desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions } from '../regions/regions.table';
import { userGrants, users } from './accounts.table';

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
      })
      .from(userGrants)
      .innerJoin(regions, eq(regions.id, userGrants.regionId))
      .where(inArray(userGrants.userId, userIds));
  }

  async insert(tx: Db, row: typeof users.$inferInsert) {
    const [u] = await tx.insert(users).values(row).returning();
    return u;
  }

  async replaceGrants(tx: Db, userId: string, grants: { role: string; regionId: string; domain?: string | null }[]) {
    await tx.delete(userGrants).where(eq(userGrants.userId, userId));
    if (grants.length) await tx.insert(userGrants).values(grants.map((g) => ({ userId, role: g.role, regionId: g.regionId, domain: g.domain ?? null })));
  }

  async update(tx: Db, id: string, version: number, patch: Partial<typeof users.$inferInsert>) {
    const rows = await tx
      .update(users)
      .set({ ...patch, version: sql`${users.version} + 1` })
      .where(sql`${users.id} = ${id} AND ${users.version} = ${version}`)
      .returning();
    return rows[0];
  }

  regionsByIds(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.select({ id: regions.id, path: regions.path }).from(regions).where(inArray(regions.id, ids));
  }
}
