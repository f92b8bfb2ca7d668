import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike, rowsOf } from '../../db/sql';
import { regionSql, scopeSql, type DataScope, type RegionFilter } from '../../lib/scope';
import { buildings } from './buildings.table';

export type BuildingRow = typeof buildings.$inferSelect;

/** A building with its display names and active-household count. */
export interface BuildingView {
  id: string;
  name: string;
  address: string;
  floors: number;
  units: number;
  builtYear: number | null;
  communityId: string;
  communityName: string;
  gridId: string;
  gridName: string;
  households: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Filters already resolved by the service. */
export interface BuildingSearch {
  scope: DataScope;
  /** A region's subtree: a grid, or the communities under a community/street/city path. */
  region?: RegionFilter;
  gridId?: string;
  q?: string;
}

/**
 * Rooms as people count them: by the numbers in them (1单元301室 before 1单元1002室 before 2单元101室), then
 * by the text. Used on one building's households (dozens of rows), not on city-wide lists.
 */
const ROOM_ORDER = sql`(SELECT array_agg(m[1]::numeric ORDER BY n) FROM regexp_matches(h.room, '([0-9]+)', 'g') WITH ORDINALITY AS x(m, n))`;

const VIEW = sql`b.id, b.name, b.address, b.floors, b.units, b.built_year AS "builtYear", b.community_id AS "communityId", c.name AS "communityName",
  b.grid_id AS "gridId", g.name AS "gridName", b.version, to_json(b.created_at)#>>'{}' AS "createdAt", to_json(b.updated_at)#>>'{}' AS "updatedAt",
  (SELECT count(*)::int FROM households h WHERE h.building_id = b.id AND h.status = 'active') AS households
  FROM buildings b JOIN regions c ON c.id = b.community_id JOIN regions g ON g.id = b.grid_id`;

/** Queries on buildings. Read-only joins to regions and households for display. */
export class BuildingsRepository {
  constructor(private readonly db: Db) {}

  private where(s: BuildingSearch): SQL {
    const parts: SQL[] = [scopeSql(s.scope, 'b')];
    if (s.region) parts.push(regionSql(s.region, 'b'));
    if (s.gridId) parts.push(sql`b.grid_id = ${s.gridId}::uuid`);
    if (s.q) {
      const like = `%${escapeLike(s.q)}%`;
      parts.push(sql`(b.name ILIKE ${like} OR b.address ILIKE ${like})`);
    }
    return sql.join(parts, sql` AND `);
  }

  async page(s: BuildingSearch, limit: number, offset: number) {
    const where = this.where(s);
    const [items, [{ total }]] = await Promise.all([
      rowsOf<BuildingView>(this.db, sql`SELECT ${VIEW} WHERE ${where} ORDER BY c.sort, g.sort, b.address, b.name, b.id LIMIT ${limit} OFFSET ${offset}`),
      rowsOf<{ total: number }>(this.db, sql`SELECT count(*)::int AS total FROM buildings b WHERE ${where}`),
    ]);
    return { items, total };
  }

  async view(id: string): Promise<BuildingView | undefined> {
    const rows = await rowsOf<BuildingView>(this.db, sql`SELECT ${VIEW} WHERE b.id = ${id}::uuid`);
    return rows[0];
  }

  /** Building names by id (not personal data: the audit log shows them). */
  names(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.select({ id: buildings.id, name: buildings.name, address: buildings.address }).from(buildings).where(inArray(buildings.id, ids));
  }

  async byId(id: string): Promise<BuildingRow | undefined> {
    const rows = await this.db.select().from(buildings).where(eq(buildings.id, id)).limit(1);
    return rows[0];
  }

  /** The households in a building (every status), with head name and active member count. */
  householdsOf(buildingId: string, people: DataScope) {
    return rowsOf<{
      id: string;
      room: string | null;
      householdNumber: string | null;
      address: string;
      householdType: string;
      status: string;
      headResidentId: string | null;
      headName: string | null;
      memberCount: number;
    }>(
      this.db,
      sql`SELECT h.id, h.room, h.household_number AS "householdNumber", h.address, h.household_type AS "householdType", h.status,
                 h.head_resident_id AS "headResidentId", CASE WHEN ${scopeSql(people, 'hr')} THEN hr.name END AS "headName",
                 (SELECT count(*)::int FROM residents r WHERE r.household_id = h.id AND r.status = 'active') AS "memberCount"
          FROM households h LEFT JOIN residents hr ON hr.id = h.head_resident_id
          WHERE h.building_id = ${buildingId}::uuid
          ORDER BY (h.status = 'active') DESC, ${ROOM_ORDER} NULLS LAST, h.room NULLS LAST, h.id`,
    );
  }

  /** One region (read-only), to resolve a grid's community. */
  async region(id: string) {
    const rows = await rowsOf<{ id: string; level: string; parentId: string | null; name: string; path: string }>(
      this.db,
      sql`SELECT id, level, parent_id AS "parentId", name, path::text AS path FROM regions WHERE id = ${id}::uuid`,
    );
    return rows[0];
  }

  async insert(row: typeof buildings.$inferInsert): Promise<BuildingRow> {
    const [b] = await this.db.insert(buildings).values(row).returning();
    return b;
  }

  /** Updates when the version matches; undefined on a stale version. */
  async update(id: string, version: number, patch: Partial<typeof buildings.$inferInsert>): Promise<BuildingRow | undefined> {
    const rows = await this.db
      .update(buildings)
      .set({ ...patch, version: sql`${buildings.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(buildings.id, id), eq(buildings.version, version)))
      .returning();
    return rows[0];
  }
}
