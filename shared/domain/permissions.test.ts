import { describe, expect, it } from 'vitest';
import { grantIsCityWide, grantNeedsApproval, permissionsOf, ROLES } from './permissions';

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
