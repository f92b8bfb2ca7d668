import { describe, expect, it } from 'vitest';
import { groupRepresentativesOk, requiredPoliticalStatus } from './organisations';

describe('requiredPoliticalStatus', () => {
  it('makes a member of a party branch a party member when the registry says otherwise', () => {
    expect(requiredPoliticalStatus('party_branch', 'member', 'masses')).toBe('party_member');
    expect(requiredPoliticalStatus('party_general_branch', 'secretary', null)).toBe('party_member');
    expect(requiredPoliticalStatus('party_branch', 'member', 'league_member')).toBe('party_member');
  });
  it('records a probationary member as 预备党员, and promotes a probationary member given a full role', () => {
    expect(requiredPoliticalStatus('party_branch', 'probationary_member', 'masses')).toBe('probationary_member');
    expect(requiredPoliticalStatus('party_branch', 'member', 'probationary_member')).toBe('party_member');
  });
  it('changes nothing when the status already agrees, or for a full member recorded as probationary', () => {
    expect(requiredPoliticalStatus('party_branch', 'member', 'party_member')).toBeNull();
    expect(requiredPoliticalStatus('party_branch', 'probationary_member', 'probationary_member')).toBeNull();
    expect(requiredPoliticalStatus('party_branch', 'probationary_member', 'party_member')).toBeNull();
  });
  it('asks nothing of members of organisations that are not party organisations', () => {
    expect(requiredPoliticalStatus('culture_team', 'member', 'masses')).toBeNull();
    expect(requiredPoliticalStatus('residents_committee', 'director', null)).toBeNull();
  });
});

describe('groupRepresentativesOk', () => {
  it('holds for two or three representatives of a residents’ group, and not for fewer or more', () => {
    expect([0, 1, 2, 3, 4].map((n) => groupRepresentativesOk(n))).toEqual([false, false, true, true, false]);
  });
  it('follows a rule given in place of the default', () => {
    expect(groupRepresentativesOk(4, { min: 3, max: 5 })).toBe(true);
  });
});
