import { sql, type SQL } from 'drizzle-orm';
import {
  isSensitiveCategory,
  readPermissionOf,
  SENSITIVE_CATEGORIES,
  SENSITIVE_CATEGORY_KEYS,
  type Permission,
  type SensitiveCategory,
} from '../../shared/domain/permissions';
import { isDomainLimited, isUnderPath, type SelfScope } from '../../shared/domain/scopes';
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
 * Four scopes (docs/architecture.md, "Scopes: region, self, organisation, sensitive"): the region scope
 * (DataScope), a resident's own person and household (SelfScope), a department's domain
 * (OrganisationScope) and the categories only some roles read (CategoryScopes). The pure checks for one
 * object are in shared/domain/scopes.ts; this file adds their SQL.
 */
export { isUnderPath };
export type { SelfScope };

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

// ---------------------------------------------------------------- self

/**
 * The rows of a resident's own person and household, for the columns a table has (`r.id` and
 * `r.household_id` on residents; `x.resident_id` on a request): `(col = me OR col = my household)`.
 * A household column matches nothing for a resident without a household; no column at all matches nothing.
 */
export function selfSql(self: SelfScope, columns: { resident?: string; household?: string }): SQL {
  const parts: SQL[] = [];
  if (columns.resident) parts.push(sql`${sql.raw(columns.resident)} = ${self.residentId}::uuid`);
  if (columns.household && self.householdId) parts.push(sql`${sql.raw(columns.household)} = ${self.householdId}::uuid`);
  if (parts.length === 0) return sql`FALSE`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * Where the resident lives, as a region scope of their one community: for the community-wide objects a
 * resident reads about their place (their community's elections, its notices, its activities).
 */
export const selfPlaceScope = (self: SelfScope): DataScope => ({ all: false, communityIds: [self.communityId], gridIds: [] });

// ---------------------------------------------------------------- organisation

/**
 * Where an actor may use a permission on objects that belong to a department domain (a case at the labour
 * window, a 帮教 file of the justice bureau): grants without a domain limit (city, street, community staff)
 * on every domain inside their region, each department grant only on its own domain, city-wide or under
 * its region.
 */
export interface OrganisationScope {
  /** Where grants without a domain limit hold the permission: objects of any domain (and of none). */
  anyDomain: DataScope;
  /** Where each department domain holds it: objects of that domain only. */
  byDomain: ReadonlyMap<string, DataScope>;
}

/** The region paths of an actor's grants holding a permission, split into unlimited ones and per domain. */
export function organisationPathsFor(
  actor: Actor,
  permission: Permission,
  permissionsOf: (role: string, domain: string | null) => readonly string[],
): { anyDomain: string[]; byDomain: Map<string, string[]> } {
  const anyDomain: string[] = [];
  const byDomain = new Map<string, string[]>();
  for (const g of actor.grants) {
    if (!permissionsOf(g.role, g.domain).includes(permission)) continue;
    if (!isDomainLimited(g)) anyDomain.push(g.regionPath);
    // A department grant without a domain acts on nothing (the accounts module refuses to write one).
    else if (g.domain) byDomain.set(g.domain, [...(byDomain.get(g.domain) ?? []), g.regionPath]);
  }
  return { anyDomain, byDomain };
}

/** Whether an object of a domain (null: of no department) at a place lies inside the organisation scope. */
export function organisationCovers(scope: OrganisationScope, obj: { domain: string | null; communityId: string | null; gridId?: string | null }): boolean {
  if (scopeCovers(scope.anyDomain, obj)) return true;
  const own = obj.domain ? scope.byDomain.get(obj.domain) : undefined;
  return !!own && scopeCovers(own, obj);
}

/**
 * The rows of a table with a domain column (`domainColumn`, e.g. `c.domain`) and community_id/grid_id
 * (alias) inside the organisation scope: `scope(any) OR (domain = 'labour' AND scope(labour)) OR …`.
 */
export function organisationSql(scope: OrganisationScope, domainColumn: string, alias: string): SQL {
  if (scope.anyDomain.all) return sql`TRUE`;
  const parts: SQL[] = [];
  if (!isEmpty(scope.anyDomain)) parts.push(scopeSql(scope.anyDomain, alias));
  for (const [domain, s] of scope.byDomain) if (!isEmpty(s)) parts.push(sql`(${sql.raw(domainColumn)} = ${domain} AND ${scopeSql(s, alias)})`);
  if (parts.length === 0) return sql`FALSE`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

// ---------------------------------------------------------------- categories and sensitive categories

/**
 * Where an actor may read each category of a classified record (care groups; later 帮教 files, assistance
 * cases): category → the scope of its read permission (a sensitive category's from SENSITIVE_CATEGORIES,
 * so only the roles listed there reach it). A category missing from the map is read nowhere.
 */
export type CategoryScopes = ReadonlyMap<string, DataScope>;

/**
 * Resolves the scopes of `categories` (one resolution per permission), `ordinary` being the permission of
 * the non-sensitive ones. `scopeFor` is RegionsService.scopeFor bound to the actor.
 */
export function categoryScopesFor(
  categories: readonly string[],
  ordinary: Permission,
  scopeFor: (permission: Permission) => Promise<DataScope>,
): Promise<Map<string, DataScope>> {
  return resolveCategories(categories, (c) => readPermissionOf(c, ordinary), scopeFor);
}

/** The scopes of the sensitive categories only, for a table whose other rows its own permission governs (sensitiveSql). */
export function sensitiveScopesFor(scopeFor: (permission: Permission) => Promise<DataScope>): Promise<Map<string, DataScope>> {
  return resolveCategories(SENSITIVE_CATEGORY_KEYS, (c) => SENSITIVE_CATEGORIES[c as SensitiveCategory].permission, scopeFor);
}

async function resolveCategories(
  categories: readonly string[],
  permissionOf: (category: string) => Permission,
  scopeFor: (permission: Permission) => Promise<DataScope>,
): Promise<Map<string, DataScope>> {
  const byPermission = new Map<Permission, Promise<DataScope>>();
  for (const c of categories) if (!byPermission.has(permissionOf(c))) byPermission.set(permissionOf(c), scopeFor(permissionOf(c)));
  const out = new Map<string, DataScope>();
  for (const c of categories) {
    const scope = await byPermission.get(permissionOf(c))!;
    if (!isEmpty(scope)) out.set(c, scope);
  }
  return out;
}

/** Whether a record of a category at a place is readable with these category scopes. */
export function categoryCovers(scopes: CategoryScopes, category: string, obj: { communityId: string | null; gridId?: string | null }): boolean {
  const scope = scopes.get(category);
  return !!scope && scopeCovers(scope, obj);
}

/**
 * The rows of a classified table (category column `categoryColumn`, community_id/grid_id on `alias`) that
 * the category scopes reach: `(cat = ANY(<same scope>) AND scope) OR …`, categories sharing a scope in one
 * term. Categories not in the map match nothing.
 */
export function categorySql(scopes: CategoryScopes, categoryColumn: string, alias: string): SQL {
  const groups = new Map<DataScope, string[]>();
  for (const [c, s] of scopes) groups.set(s, [...(groups.get(s) ?? []), c]);
  if (groups.size === 0) return sql`FALSE`;
  const col = sql.raw(categoryColumn);
  const parts = [...groups].map(([s, cats]) =>
    s.all ? sql`${col} = ANY(${arrayParam(cats)})` : sql`(${col} = ANY(${arrayParam(cats)}) AND ${scopeSql(s, alias)})`,
  );
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * Leaves out the rows of a sensitive category the actor may not read there, keeping every other row (a
 * table whose rows carry an optional category, read under its own permission): `cat IS NULL OR cat is not
 * sensitive OR (readable where it is)`. `scopes` from sensitiveScopesFor.
 */
export function sensitiveSql(scopes: CategoryScopes, categoryColumn: string, alias: string): SQL {
  const col = sql.raw(categoryColumn);
  const sensitive = new Map([...scopes].filter(([c]) => isSensitiveCategory(c)));
  return sql`(${col} IS NULL OR ${col} <> ALL(${arrayParam([...SENSITIVE_CATEGORY_KEYS])}) OR ${categorySql(sensitive, categoryColumn, alias)})`;
}

/** Whether a scope reaches nothing. */
export const isEmpty = (scope: DataScope): boolean => !scope.all && scope.communityIds.length === 0 && scope.gridIds.length === 0;
