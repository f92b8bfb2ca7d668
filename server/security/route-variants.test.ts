import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES, permissionsOf, ROLES, type Permission } from '../../shared/domain/permissions';
import { ROUTE_FIXTURES } from './route-fixtures';

/**
 * Policies whose objects carry no region to miss: a caller's own session or account, and the 三员's
 * city-wide administration (accounts, grants, security). Only the administrator roles hold the latter.
 */
const OWN = new Set(['public', 'authenticated']);
const ADMINISTRATION = new Set(['accounts.manage', 'accounts.approve', 'security.manage']);
const UNSCOPED_POLICIES = new Set([...OWN, ...ADMINISTRATION]);

describe('the authorization matrix’s fixtures', () => {
  it('give every scoped route with an id parameter a variant inside a region, so that callers elsewhere are tried and must be refused', () => {
    const lacking = ROUTE_FIXTURES.filter((f) => /\/:[A-Za-z]+/.test(f.route) && !UNSCOPED_POLICIES.has(f.policy))
      .filter((f) => !f.variants.some((v) => v.places.length > 0 && !v.never))
      .map((f) => f.route);
    expect(lacking, 'routes with an id but no in-scope variant in server/security/route-fixtures.ts').toEqual([]);
  });

  it('leave out only policies that the administrator roles alone hold', () => {
    const holders = (p: string) => ROLES.filter((r) => permissionsOf(r).includes(p as Permission));
    for (const p of ADMINISTRATION) {
      expect(holders(p).length, p).toBeGreaterThan(0);
      expect(
        holders(p).filter((r) => !ADMIN_ROLES.includes(r)),
        p,
      ).toEqual([]);
    }
  });

  it('give every variant a name that is unique within its route (the matrix reports by it)', () => {
    const repeated = ROUTE_FIXTURES.flatMap((f) => {
      const names = f.variants.map((v) => v.name);
      return names.filter((n, i) => names.indexOf(n) !== i).map((n) => `${f.route}: ${n}`);
    });
    expect(repeated).toEqual([]);
  });
});
