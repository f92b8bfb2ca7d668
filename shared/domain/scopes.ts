/**
 * Pure rules of the four scopes (docs/architecture.md, "Scopes: region, self, organisation, sensitive"):
 * where a grant holds (region), a resident's own person and household (self), a department's domain
 * (organisation) and the categories only some roles read (sensitive). The server's SQL for each lives in
 * server/lib/scope.ts, next to the region scope; these functions answer the same questions for one object.
 */
import { DOMAIN_LIMITED_ROLES, grantReadsSensitive, isSensitiveCategory, permissionsOf, type Permission, type Role } from './permissions';

/** A grant as the rules need it: role, region path, domain. */
export interface ScopeGrant {
  role: Role;
  regionPath: string;
  domain: string | null;
}

// ---------------------------------------------------------------- region

/** A region path lies under a root when it is the root or one of its descendants (ltree `<@`). */
export const isUnderPath = (path: string, root: string): boolean => path === root || path.startsWith(`${root}.`);

// ---------------------------------------------------------------- self

/**
 * A resident account's own scope: the person the account is linked to (never an id from the request),
 * their household (null when they have none) and where they live.
 */
export interface SelfScope {
  residentId: string;
  householdId: string | null;
  communityId: string;
  gridId: string | null;
}

/**
 * Whether an object is the resident's own: about their person, or about their household. An object naming
 * neither is not theirs; one naming a household is theirs only if the resident has that household.
 */
export function selfCovers(self: SelfScope, obj: { residentId?: string | null; householdId?: string | null }): boolean {
  if (obj.residentId && obj.residentId === self.residentId) return true;
  return !!obj.householdId && obj.householdId === self.householdId;
}

// ---------------------------------------------------------------- organisation

/** Whether a grant is limited to its domain (a department's: only its domain's objects). */
export const isDomainLimited = (grant: { role: Role }): boolean => DOMAIN_LIMITED_ROLES.includes(grant.role);

/**
 * Whether one grant may use `permission` on an object of a domain at a place: the grant holds the
 * permission, the place lies under its region, and a department grant only on objects of its own domain
 * (an object of no domain is no department's). Other roles act on every domain inside their region.
 */
export function grantActsOn(grant: ScopeGrant, permission: Permission, obj: { domain: string | null; regionPath: string }): boolean {
  if (!permissionsOf(grant.role, grant.domain).includes(permission)) return false;
  if (!isUnderPath(obj.regionPath, grant.regionPath)) return false;
  return !isDomainLimited(grant) || (!!grant.domain && grant.domain === obj.domain);
}

/** Whether any of an actor's grants may use `permission` on the object (see grantActsOn). */
export const mayActOnDomain = (grants: readonly ScopeGrant[], permission: Permission, obj: { domain: string | null; regionPath: string }): boolean =>
  grants.some((g) => grantActsOn(g, permission, obj));

// ---------------------------------------------------------------- sensitive categories

/**
 * Whether an actor may read a record of a category at a place. A sensitive category: only a grant whose
 * role (or department domain) SENSITIVE_CATEGORIES lists, over the place. Any other category: a grant
 * holding the table's ordinary read permission (`ordinary`) over the place.
 */
export function mayReadCategory(grants: readonly ScopeGrant[], category: string, regionPath: string, ordinary: Permission): boolean {
  return grants.some(
    (g) =>
      isUnderPath(regionPath, g.regionPath) &&
      (isSensitiveCategory(category) ? grantReadsSensitive(g, category) : permissionsOf(g.role, g.domain).includes(ordinary)),
  );
}

/** The categories of a row (a column or badges) that stay when the unreadable sensitive ones are left out. */
export function withoutUnreadable<C extends string>(categories: readonly C[], readable: (category: C) => boolean): C[] {
  return categories.filter((c) => !isSensitiveCategory(c) || readable(c));
}
