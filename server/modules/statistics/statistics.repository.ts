import { sql, type SQL } from 'drizzle-orm';
import { transaction, type Db } from '../../db/client';
import { arrayParam, rowsOf } from '../../db/sql';
import { scopeSql } from '../../lib/scope';

/**
 * The rows a statistic counts: whole communities plus single grids (a grid worker's, or a grid asked
 * for). Every registry table carries community_id and grid_id, so this is one indexed predicate.
 */
export interface Target {
  communityIds: string[];
  gridIds: string[];
  /** Every community touched (the grids' communities too): care records carry only community_id. */
  touchedCommunityIds: string[];
}

export interface RegionLite {
  id: string;
  parentId: string | null;
  level: 'city' | 'street' | 'community' | 'grid';
  name: string;
  code: string;
  path: string;
}

/** Number of 5-year bands in the pyramid; the last one is "100+". */
export const BANDS = 21;

/** The target's rows: its communities and grids, by the scope toolkit's predicate. */
const targetSql = (t: Target, alias: string): SQL => scopeSql({ all: false, communityIds: t.communityIds, gridIds: t.gridIds }, alias);

/** Aggregates over the registry, each one pass with GROUP BY (no stored counters). */
export class StatisticsRepository {
  constructor(private readonly db: Db) {}

  /** The regions under a path (or the whole tree), for names and the community/grid structure. */
  regionsUnder(path: string | null) {
    return rowsOf<RegionLite>(
      this.db,
      sql`SELECT id, parent_id AS "parentId", level, name, code, path::text AS path FROM regions
          ${path ? sql`WHERE path <@ ${path}::ltree` : sql``} ORDER BY nlevel(path), sort, code`,
    );
  }

  /**
   * Residents by community, grid, status, sex, residence type and 5-year age band, in one scan; the
   * service folds the groups into every table of the page. `housed` counts those with a household.
   * The band is a binary search of the birth date in the 20 band limits (computed once per query), and
   * the grouping gets enough memory to hash instead of sorting 100,000+ rows on disk.
   */
  residents(t: Target) {
    return transaction(this.db, async () => {
      await this.db.execute(sql`SET LOCAL work_mem = '64MB'`);
      return rowsOf<{
        communityId: string;
        gridId: string | null;
        status: string;
        sex: string;
        residenceType: string;
        band: number;
        n: number;
        housed: number;
      }>(
        this.db,
        sql`SELECT r.community_id AS "communityId", r.grid_id AS "gridId", r.status, r.sex, r.residence_type AS "residenceType",
                   ${BANDS - 1} - width_bucket(r.birth_date, (
                     SELECT array_agg((current_date - make_interval(years => a))::date + 1 ORDER BY a DESC)
                     FROM generate_series(5, ${(BANDS - 1) * 5}, 5) a)) AS band,
                   count(*)::int AS n, count(r.household_id)::int AS housed
            FROM residents r WHERE ${targetSql(t, 'r')}
            GROUP BY 1, 2, 3, 4, 5, 6`,
      );
    });
  }

  /** Active households per community and grid. */
  households(t: Target) {
    return rowsOf<{ communityId: string; gridId: string; n: number }>(
      this.db,
      sql`SELECT h.community_id AS "communityId", h.grid_id AS "gridId", count(*)::int AS n
          FROM households h WHERE ${targetSql(t, 'h')} AND h.status = 'active' GROUP BY 1, 2`,
    );
  }

  /** Buildings per community and grid. */
  buildings(t: Target) {
    return rowsOf<{ communityId: string; gridId: string; n: number }>(
      this.db,
      sql`SELECT b.community_id AS "communityId", b.grid_id AS "gridId", count(*)::int AS n FROM buildings b WHERE ${targetSql(t, 'b')} GROUP BY 1, 2`,
    );
  }

  /** Active residents with a current record in each of the given groups, per community and grid. */
  careGroups(t: Target, groups: string[]) {
    if (groups.length === 0) return Promise.resolve([]);
    return rowsOf<{ group: string; communityId: string; gridId: string | null; n: number }>(
      this.db,
      sql`SELECT c.group_type AS "group", r.community_id AS "communityId", r.grid_id AS "gridId", count(DISTINCT c.resident_id)::int AS n
          FROM care_records c JOIN residents r ON r.id = c.resident_id
          WHERE c.community_id = ANY(${arrayParam(t.touchedCommunityIds, 'uuid')}) AND ${targetSql(t, 'r')} AND r.status = 'active'
            AND c.group_type = ANY(${arrayParam(groups)})
            AND (c.end_date IS NULL OR c.end_date >= current_date)
          GROUP BY 1, 2, 3`,
    );
  }
}
