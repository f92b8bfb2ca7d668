import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLES } from './permissions';

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

describe('department domains', () => {
  it('police department staff see justice care groups, labour staff do not', () => {
    expect(permissionsOf('department', 'police')).toContain('care.justice.read');
    expect(permissionsOf('department', 'labour')).not.toContain('care.justice.read');
  });
});
