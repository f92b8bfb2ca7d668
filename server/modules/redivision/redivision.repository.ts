import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, rowsOf } from '../../db/sql';
import { regionChanges } from './redivision.table';

export interface RegionChangeView {
  id: string;
  objectType: string;
  objectId: string;
  objectName: string | null;
  fromRegionId: string;
  fromRegionName: string | null;
  toRegionId: string;
  toRegionName: string | null;
  effectiveDate: string;
  reason: string | null;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: string;
}

const VIEW = sql`ch.id, ch.object_type AS "objectType", ch.object_id AS "objectId",
  CASE ch.object_type WHEN 'grid' THEN (SELECT name FROM regions WHERE id = ch.object_id) ELSE (SELECT name FROM buildings WHERE id = ch.object_id) END AS "objectName",
  ch.from_region_id AS "fromRegionId", f.name AS "fromRegionName", ch.to_region_id AS "toRegionId", tr.name AS "toRegionName",
  ch.effective_date::text AS "effectiveDate", ch.reason, ch.changed_by AS "changedBy", u.display_name AS "changedByName",
  to_json(ch.changed_at)#>>'{}' AS "changedAt"
  FROM region_changes ch
  LEFT JOIN regions f ON f.id = ch.from_region_id
  LEFT JOIN regions tr ON tr.id = ch.to_region_id
  LEFT JOIN users u ON u.id = ch.changed_by`;

/**
 * The tables whose scope keys a re-division rewrites (below). `server/modules/scope-keys.test.ts` checks
 * that this is exactly the set the modules declare `rekeyed`, so a new scope-keyed table cannot be missed.
 */
export const REKEYED_TABLES = ['care_records', 'buildings', 'households', 'residents'] as const;

/** Counts what an UPDATE … RETURNING touched. */
const counted = async (db: Db, update: SQL) => (await rowsOf<{ n: number }>(db, sql`WITH u AS (${update} RETURNING 1) SELECT count(*)::int AS n FROM u`))[0].n;

/**
 * Re-division: moves a grid or a building and rewrites the scope keys (community_id, grid_id) of the
 * rows under it. Old resident_moves stay as they were: they are history.
 */
export class RedivisionRepository {
  constructor(private readonly db: Db) {}

  async region(id: string, lock = false) {
    const rows = await rowsOf<{ id: string; level: string; parentId: string | null; name: string; code: string; path: string }>(
      this.db,
      sql`SELECT id, level, parent_id AS "parentId", name, code, path::text AS path FROM regions WHERE id = ${id}::uuid ${lock ? sql`FOR UPDATE` : sql``}`,
    );
    return rows[0];
  }

  async building(id: string, lock = false) {
    const rows = await rowsOf<{ id: string; name: string; communityId: string; gridId: string }>(
      this.db,
      sql`SELECT id, name, community_id AS "communityId", grid_id AS "gridId" FROM buildings WHERE id = ${id}::uuid ${lock ? sql`FOR UPDATE` : sql``}`,
    );
    return rows[0];
  }

  /** Moves everything in a grid to the grid's new community (the grid itself is re-parented by RegionsService). */
  async moveGrid(gridId: string, toCommunityId: string) {
    const to = sql`${toCommunityId}::uuid`;
    // Care records first: they find their residents by the grid, which does not change here.
    const careRecords = await counted(
      this.db,
      sql`UPDATE care_records SET community_id = ${to}, updated_at = now()
          WHERE resident_id IN (SELECT id FROM residents WHERE grid_id = ${gridId}::uuid) AND community_id <> ${to}`,
    );
    const buildings = await counted(
      this.db,
      sql`UPDATE buildings SET community_id = ${to}, version = version + 1, updated_at = now() WHERE grid_id = ${gridId}::uuid`,
    );
    const households = await counted(
      this.db,
      sql`UPDATE households SET community_id = ${to}, version = version + 1, updated_at = now() WHERE grid_id = ${gridId}::uuid`,
    );
    const residents = await counted(
      this.db,
      sql`UPDATE residents SET community_id = ${to}, version = version + 1, updated_at = now() WHERE grid_id = ${gridId}::uuid`,
    );
    return { buildings, households, residents, careRecords };
  }

  /** Moves a building with its households and their residents to another grid (and its community). */
  async moveBuilding(buildingId: string, to: { gridId: string; communityId: string }) {
    const b = sql`${buildingId}::uuid`;
    const grid = sql`${to.gridId}::uuid`;
    const community = sql`${to.communityId}::uuid`;
    const careRecords = await counted(
      this.db,
      sql`UPDATE care_records SET community_id = ${community}, updated_at = now()
          WHERE resident_id IN (SELECT r.id FROM residents r JOIN households h ON h.id = r.household_id WHERE h.building_id = ${b})
            AND community_id <> ${community}`,
    );
    const residents = await counted(
      this.db,
      sql`UPDATE residents SET community_id = ${community}, grid_id = ${grid}, version = version + 1, updated_at = now()
          WHERE household_id IN (SELECT id FROM households WHERE building_id = ${b})`,
    );
    const households = await counted(
      this.db,
      sql`UPDATE households SET community_id = ${community}, grid_id = ${grid}, version = version + 1, updated_at = now() WHERE building_id = ${b}`,
    );
    const buildings = await counted(
      this.db,
      sql`UPDATE buildings SET community_id = ${community}, grid_id = ${grid}, version = version + 1, updated_at = now() WHERE id = ${b}`,
    );
    return { buildings, households, residents, careRecords };
  }

  async insertChange(row: typeof regionChanges.$inferInsert) {
    const [c] = await this.db.insert(regionChanges).values(row).returning({ id: regionChanges.id });
    return c.id;
  }

  async view(id: string): Promise<RegionChangeView> {
    return (await rowsOf<RegionChangeView>(this.db, sql`SELECT ${VIEW} WHERE ch.id = ${id}::uuid`))[0];
  }

  /** Changes whose from or to region lies under one of `visible`, optionally touching a region's subtree. */
  async page(visible: string[], region: { id: string; path: string } | undefined, limit: number, offset: number) {
    const parts: SQL[] = [sql`(f.path <@ ${arrayParam(visible, 'ltree')} OR tr.path <@ ${arrayParam(visible, 'ltree')})`];
    if (region) parts.push(sql`(f.path <@ ${region.path}::ltree OR tr.path <@ ${region.path}::ltree OR ch.object_id = ${region.id}::uuid)`);
    const where = sql.join(parts, sql` AND `);
    const from = sql`FROM region_changes ch LEFT JOIN regions f ON f.id = ch.from_region_id LEFT JOIN regions tr ON tr.id = ch.to_region_id`;
    const [items, [{ total }]] = await Promise.all([
      rowsOf<RegionChangeView>(this.db, sql`SELECT ${VIEW} WHERE ${where} ORDER BY ch.changed_at DESC, ch.id LIMIT ${limit} OFFSET ${offset}`),
      rowsOf<{ total: number }>(this.db, sql`SELECT count(*)::int AS total ${from} WHERE ${where}`),
    ]);
    return { items, total };
  }
}
