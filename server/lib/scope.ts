import { sql, type SQL } from 'drizzle-orm';
import type { Permission } from '../../shared/domain/permissions';
import { arrayParam } from '../db/sql';
import type { Actor } from './context';

/**
 * Where a permission applies, resolved to the keys that large tables carry: the whole city, or a set
 * of communities plus single grids (a grid worker's grant). Repositories turn it into one predicate:
 * `community_id = ANY(...) OR grid_id = ANY(...)`.
 */
export interface DataScope {
  all: boolean;
  communityIds: string[];
  gridIds: string[];
}

/**
 * Where a scope holds: the one toolkit every service and repository uses (no module writes its own copy).
 * A region path lies under a root when it is the root or one of its descendants (ltree `<@`).
 */
export const isUnderPath = (path: string, root: string): boolean => path === root || path.startsWith(`${root}.`);

export const NO_SCOPE: DataScope = { all: false, communityIds: [], gridIds: [] };

/** The region paths where an actor holds a permission. */
export function grantPathsFor(actor: Actor, permission: Permission, permissionsOf: (role: string, domain: string | null) => readonly string[]): string[] {
  return actor.grants.filter((g) => permissionsOf(g.role, g.domain).includes(permission)).map((g) => g.regionPath);
}

/** Whether an object with this community (and grid) lies inside the scope. */
export function scopeCovers(scope: DataScope, obj: { communityId: string | null; gridId?: string | null }): boolean {
  if (scope.all) return true;
  if (obj.communityId && scope.communityIds.includes(obj.communityId)) return true;
  if (obj.gridId && scope.gridIds.includes(obj.gridId)) return true;
  return false;
}

/**
 * The rows of a table carrying `community_id` and `grid_id` (alias `a`) inside the scope:
 * `(a.community_id = ANY(..) OR a.grid_id = ANY(..))`, leaving out an empty side so the planner keeps its index.
 */
export function scopeSql(scope: DataScope, alias: string): SQL {
  if (scope.all) return sql`TRUE`;
  const a = sql.raw(alias);
  const parts: SQL[] = [];
  if (scope.communityIds.length) parts.push(sql`${a}.community_id = ANY(${arrayParam(scope.communityIds, 'uuid')})`);
  if (scope.gridIds.length) parts.push(sql`${a}.grid_id = ANY(${arrayParam(scope.gridIds, 'uuid')})`);
  if (parts.length === 0) return sql`FALSE`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * A community-wide object (an organisation, an election, the 四有 of a community) in the scope: only the
 * communities count, a grid grant holds none. `column` is the community key, e.g. `o.community_id` or `c.id`.
 */
export function communityScopeSql(scope: DataScope, column: string): SQL {
  if (scope.all) return sql`TRUE`;
  if (scope.communityIds.length === 0) return sql`FALSE`;
  return sql`${sql.raw(column)} = ANY(${arrayParam(scope.communityIds, 'uuid')})`;
}

/** A region filter: one grid, or every community under an ltree path. */
export type RegionFilter = { gridId: string } | { path: string };

/** Rows of a region's subtree, for a table alias that carries community_id and grid_id. */
export function regionSql(region: RegionFilter, alias: string): SQL {
  const a = sql.raw(alias);
  if ('gridId' in region) return sql`${a}.grid_id = ${region.gridId}::uuid`;
  return sql`${a}.community_id IN (SELECT id FROM regions WHERE level = 'community' AND path <@ ${region.path}::ltree)`;
}

/** The filter for a region row: a grid is itself, anything else its communities. */
export const regionFilterOf = (r: { id: string; level: string; path: string }): RegionFilter => (r.level === 'grid' ? { gridId: r.id } : { path: r.path });
