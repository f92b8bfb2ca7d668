import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam } from '../../db/sql';
import { regions } from './regions.table';

export type RegionRow = typeof regions.$inferSelect;

/** Queries on the region tree. */
export class RegionsRepository {
  constructor(private readonly db: Db) {}

  /** The whole tree without boundaries (small: a city has a few hundred regions). */
  all() {
    return this.db
      .select({
        id: regions.id,
        parentId: regions.parentId,
        level: regions.level,
        code: regions.code,
        name: regions.name,
        nameEn: regions.nameEn,
        path: regions.path,
        sort: regions.sort,
        version: regions.version,
      })
      .from(regions)
      .orderBy(asc(regions.path));
  }

  async byId(id: string): Promise<RegionRow | undefined> {
    const rows = await this.db.select().from(regions).where(eq(regions.id, id)).limit(1);
    return rows[0];
  }

  /** Regions inside any of the given subtrees: one indexed ltree predicate. */
  within(paths: string[]) {
    return this.db
      .select({ id: regions.id, level: regions.level, path: regions.path, parentId: regions.parentId })
      .from(regions)
      .where(sql`${regions.path} <@ ${arrayParam(paths, 'ltree')}`);
  }

  insert(row: typeof regions.$inferInsert) {
    return this.db.insert(regions).values(row).returning();
  }

  /** Updates name/boundary when the version matches; returns the new row or undefined on a stale version. */
  async update(id: string, version: number, patch: Partial<Pick<RegionRow, 'name' | 'nameEn' | 'boundary' | 'sort'>>) {
    const rows = await this.db
      .update(regions)
      .set({ ...patch, version: sql`${regions.version} + 1`, updatedAt: sql`now()` })
      .where(sql`${regions.id} = ${id} AND ${regions.version} = ${version}`)
      .returning();
    return rows[0];
  }

  /** Puts a grid under another community with its new path (a grid is a leaf: no paths below it change). */
  async reparentGrid(gridId: string, toCommunityId: string, newPath: string) {
    await this.db
      .update(regions)
      .set({ parentId: toCommunityId, path: newPath, version: sql`${regions.version} + 1`, updatedAt: sql`now()` })
      .where(eq(regions.id, gridId));
  }

  boundaries(level: 'street' | 'community' | 'grid') {
    return this.db
      .select({ id: regions.id, name: regions.name, code: regions.code, path: regions.path, boundary: regions.boundary })
      .from(regions)
      .where(eq(regions.level, level));
  }
}
