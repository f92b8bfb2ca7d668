import { describe, expect, it } from 'vitest';
import {
  DOMAIN_PERMISSIONS,
  DOMAINS,
  grantIsCityWide,
  grantNeedsApproval,
  grantReadsSensitive,
  isSensitiveCategory,
  permissionsOf,
  readPermissionOf,
  ROLE_PERMISSIONS,
  ROLES,
  SENSITIVE_CATEGORIES,
  SENSITIVE_CATEGORY_KEYS,
  type Role,
} from './permissions';
import { CARE_GROUP_PERMISSION, CARE_GROUPS, careGroupsReadableWith } from './registry';

describe('separation of duties (三员)', () => {
  it('the system administrator manages accounts but reads no personal data and no audit log', () => {
    const p = permissionsOf('sysadmin');
    expect(p).toContain('accounts.manage');
    expect(p.some((x) => x.startsWith('residents.') || x.startsWith('care.') || x === 'audit.read')).toBe(false);
  });
  it('the audit administrator reads the audit log only', () => {
    expect(permissionsOf('auditadmin').sort()).toEqual(['audit.read', 'audit.verify']);
  });
  it('no role but the audit administrator reads the audit log', () => {
    expect(ROLES.filter((r) => permissionsOf(r).includes('audit.read'))).toEqual(['auditadmin']);
  });
});

describe('三员 approvals and the second factor', () => {
  it('only the bureau re-divides; only the security administrator approves grants', () => {
    expect(ROLES.filter((r) => permissionsOf(r).includes('regions.redivide'))).toEqual(['city']);
    expect(ROLES.filter((r) => permissionsOf(r).includes('accounts.approve'))).toEqual(['secadmin']);
  });
  it('sends every grant that reads personal data, and every administrator grant, for approval; a resident’s own record needs none', () => {
    expect(ROLES.filter((r) => !grantNeedsApproval(r, r === 'department' ? 'labour' : null))).toEqual(['resident']);
  });
  it('counts the bureau and departments as city-wide, and any personal-data grant on the whole city', () => {
    expect(grantIsCityWide('city', 'city')).toBe(true);
    expect(grantIsCityWide('department', 'street', 'labour')).toBe(true);
    expect(grantIsCityWide('worker', 'city')).toBe(true);
    expect(grantIsCityWide('street', 'street')).toBe(false);
    expect(grantIsCityWide('sysadmin', 'city')).toBe(false);
  });
});

describe('department domains', () => {
  it('police department staff see justice care groups, labour staff do not', () => {
    expect(permissionsOf('department', 'police')).toContain('care.justice.read');
    expect(permissionsOf('department', 'labour')).not.toContain('care.justice.read');
  });
});

describe('以奖代补 (awards)', () => {
  it('only the civil affairs bureau approves a round, opens it and records payments', () => {
    expect(ROLES.filter((r) => permissionsOf(r).includes('awards.approve'))).toEqual(['city']);
    expect(ROLES.filter((r) => permissionsOf(r).includes('awards.manage'))).toEqual(['city']);
  });
  it('street offices enter inspection scores; streets and community workers read their own lines', () => {
    expect(ROLES.filter((r) => permissionsOf(r).includes('awards.write'))).toEqual(['city', 'street']);
    expect(ROLES.filter((r) => permissionsOf(r).includes('awards.read'))).toEqual(['city', 'street', 'worker']);
  });
});

describe('通知公告 (notices)', () => {
  it('every staff role and the resident read notices; the 三员 do not', () => {
    expect(ROLES.filter((r) => permissionsOf(r).includes('notices.read'))).toEqual([
      'city',
      'department',
      'street',
      'worker',
      'gridworker',
      'police',
      'resident',
    ]);
  });
  it('the civil affairs bureau, street offices and community workers publish them', () => {
    expect(ROLES.filter((r) => permissionsOf(r).includes('notices.write'))).toEqual(['city', 'street', 'worker']);
  });
});

describe('sensitive categories (SENSITIVE_CATEGORIES)', () => {
  const readers = (p: string) =>
    ROLES.flatMap((r) => (r === 'department' ? DOMAINS.map((d) => `department:${d}`) : [r])).filter((key) => {
      const [role, domain] = key.split(':');
      return permissionsOf(role as Role, domain ?? null).includes(p as never);
    });

  it('lists 安置帮教 and community correction, read by the bureau, the community police and the police and justice departments', () => {
    for (const c of ['released', 'correction'] as const) {
      expect(SENSITIVE_CATEGORIES[c].permission).toBe('care.justice.read');
      expect(CARE_GROUP_PERMISSION[c]).toBe('care.justice.read');
    }
    expect(readers('care.justice.read')).toEqual(['city', 'department:police', 'department:justice', 'police']);
  });

  it('lists disability and poverty as welfare facts, read by civil affairs, street offices and community staff only', () => {
    for (const c of ['disability', 'dibao', 'tekun'] as const) expect(CARE_GROUP_PERMISSION[c]).toBe('care.welfare.read');
    expect(readers('care.welfare.read')).toEqual(['city', 'department:civil', 'street', 'worker', 'gridworker']);
  });

  it('offers the labour department the ordinary care groups only, and the community police the justice ones besides', () => {
    const groupsOf = (role: Role, domain: string | null) => careGroupsReadableWith((p) => permissionsOf(role, domain).includes(p));
    const ordinary = CARE_GROUPS.filter((g) => !['released', 'correction', 'disability', 'dibao', 'tekun'].includes(g));
    expect(groupsOf('department', 'labour')).toEqual(ordinary);
    expect(groupsOf('police', null)).toEqual(CARE_GROUPS.filter((g) => !['disability', 'dibao', 'tekun'].includes(g)));
    expect(groupsOf('city', null)).toEqual([...CARE_GROUPS]);
  });

  it('gives a role a sensitive read permission only through the table: no role or domain list names one', () => {
    const sensitive = new Set(SENSITIVE_CATEGORY_KEYS.map((c) => SENSITIVE_CATEGORIES[c].permission));
    expect(
      Object.values(ROLE_PERMISSIONS)
        .flat()
        .filter((p) => sensitive.has(p)),
    ).toEqual([]);
    expect(
      Object.values(DOMAIN_PERMISSIONS)
        .flat()
        .filter((p) => sensitive.has(p)),
    ).toEqual([]);
  });

  it('keeps categories that share a permission to the same readers (the permission is what scopes them)', () => {
    for (const a of SENSITIVE_CATEGORY_KEYS)
      for (const b of SENSITIVE_CATEGORY_KEYS) {
        if (SENSITIVE_CATEGORIES[a].permission !== SENSITIVE_CATEGORIES[b].permission) continue;
        expect([SENSITIVE_CATEGORIES[b].roles, SENSITIVE_CATEGORIES[b].domains], `${a} and ${b}`).toEqual([
          SENSITIVE_CATEGORIES[a].roles,
          SENSITIVE_CATEGORIES[a].domains,
        ]);
      }
  });

  it('names only care groups, so a record of one is filtered wherever care groups are', () => {
    for (const c of SENSITIVE_CATEGORY_KEYS) expect(CARE_GROUPS).toContain(c);
    expect(isSensitiveCategory('released')).toBe(true);
    expect(isSensitiveCategory('elderly_alone')).toBe(false);
    expect(readPermissionOf('elderly_alone', 'care.basic.read')).toBe('care.basic.read');
    expect(readPermissionOf('tekun', 'care.basic.read')).toBe('care.welfare.read');
  });

  it('lets a department read a sensitive category by its domain, never a role that is not domain-limited by a stray domain', () => {
    expect(grantReadsSensitive({ role: 'department', domain: 'justice' }, 'correction')).toBe(true);
    expect(grantReadsSensitive({ role: 'department', domain: null }, 'correction')).toBe(false);
    expect(grantReadsSensitive({ role: 'worker', domain: 'justice' }, 'correction')).toBe(false);
  });
});
