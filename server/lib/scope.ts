import type { Permission } from '../../shared/domain/permissions';
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
