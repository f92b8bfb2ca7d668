import { describe, expect, it } from 'vitest';
import { CARE_GROUPS } from './registry';
import { grantActsOn, isUnderPath, mayActOnDomain, mayReadCategory, selfCovers, withoutUnreadable, type ScopeGrant, type SelfScope } from './scopes';

const CITY = '341881';
const STREET = `${CITY}.341881001`;
const DONG = `${STREET}.341881001001`;
const XI = `${STREET}.341881001002`;
const grant = (role: ScopeGrant['role'], regionPath: string, domain: string | null = null): ScopeGrant => ({ role, regionPath, domain });

describe('region: is under', () => {
  it('holds for the root itself and its descendants, not for a sibling whose code starts the same', () => {
    expect(isUnderPath(DONG, STREET)).toBe(true);
    expect(isUnderPath(STREET, STREET)).toBe(true);
    expect(isUnderPath(STREET, DONG)).toBe(false);
    expect(isUnderPath(`${CITY}9.1`, CITY)).toBe(false);
  });
});

describe('self: a resident’s own person and household', () => {
  const me: SelfScope = { residentId: 'r-me', householdId: 'h-home', communityId: 'c-dong', gridId: 'g-1' };

  it('covers an object about their person or about their household', () => {
    expect(selfCovers(me, { residentId: 'r-me' })).toBe(true);
    expect(selfCovers(me, { residentId: 'r-spouse', householdId: 'h-home' })).toBe(true);
  });

  it('does not cover another person of another household, nor an object naming neither', () => {
    expect(selfCovers(me, { residentId: 'r-other', householdId: 'h-other' })).toBe(false);
    expect(selfCovers(me, {})).toBe(false);
  });

  it('gives a resident without a household no household object, even one whose household is also missing', () => {
    const alone: SelfScope = { ...me, householdId: null };
    expect(selfCovers(alone, { householdId: null })).toBe(false);
    expect(selfCovers(alone, { householdId: 'h-home' })).toBe(false);
    expect(selfCovers(alone, { residentId: 'r-me' })).toBe(true);
  });
});

describe('organisation: a department acts on its own domain only', () => {
  const labourCity = grant('department', CITY, 'labour');

  it('lets a city-wide labour grant read a labour object anywhere, not a police one, nor one of no domain', () => {
    expect(grantActsOn(labourCity, 'residents.read', { domain: 'labour', regionPath: DONG })).toBe(true);
    expect(grantActsOn(labourCity, 'residents.read', { domain: 'police', regionPath: DONG })).toBe(false);
    expect(grantActsOn(labourCity, 'residents.read', { domain: null, regionPath: DONG })).toBe(false);
  });

  it('limits a department grant on a street to its street', () => {
    const labourStreet = grant('department', STREET, 'labour');
    expect(grantActsOn(labourStreet, 'residents.read', { domain: 'labour', regionPath: DONG })).toBe(true);
    expect(grantActsOn(labourStreet, 'residents.read', { domain: 'labour', regionPath: CITY })).toBe(false);
  });

  it('refuses a permission the grant does not hold, whatever the domain', () => {
    expect(grantActsOn(labourCity, 'residents.write', { domain: 'labour', regionPath: DONG })).toBe(false);
  });

  it('lets the community’s own staff act on every domain inside their community, and nowhere else', () => {
    const worker = grant('worker', DONG);
    expect(grantActsOn(worker, 'residents.read', { domain: 'police', regionPath: DONG })).toBe(true);
    expect(grantActsOn(worker, 'residents.read', { domain: null, regionPath: DONG })).toBe(true);
    expect(grantActsOn(worker, 'residents.read', { domain: 'police', regionPath: XI })).toBe(false);
  });

  it('answers for an actor with several grants: any one that acts on the object', () => {
    const grants = [grant('department', CITY, 'police'), grant('department', STREET, 'labour')];
    expect(mayActOnDomain(grants, 'residents.read', { domain: 'labour', regionPath: XI })).toBe(true);
    expect(mayActOnDomain(grants, 'residents.read', { domain: 'health', regionPath: XI })).toBe(false);
  });
});

describe('sensitive categories: read only by the roles listed for them', () => {
  it('lets the community police of the place read 安置帮教 and 社区矫正, not the police of another community', () => {
    expect(mayReadCategory([grant('police', DONG)], 'released', DONG, 'care.basic.read')).toBe(true);
    expect(mayReadCategory([grant('police', DONG)], 'correction', DONG, 'care.basic.read')).toBe(true);
    expect(mayReadCategory([grant('police', XI)], 'released', DONG, 'care.basic.read')).toBe(false);
  });

  it('keeps 安置帮教 from a community worker and a labour department, who read the ordinary categories', () => {
    for (const g of [grant('worker', DONG), grant('department', CITY, 'labour')]) {
      expect(mayReadCategory([g], 'released', DONG, 'care.basic.read')).toBe(false);
      expect(mayReadCategory([g], 'elderly_alone', DONG, 'care.basic.read')).toBe(true);
    }
  });

  it('lets a justice department read 安置帮教 city-wide but not disability, which the civil affairs department reads', () => {
    expect(mayReadCategory([grant('department', CITY, 'justice')], 'released', XI, 'care.basic.read')).toBe(true);
    expect(mayReadCategory([grant('department', CITY, 'justice')], 'disability', XI, 'care.basic.read')).toBe(false);
    expect(mayReadCategory([grant('department', CITY, 'civil')], 'disability', XI, 'care.basic.read')).toBe(true);
  });

  it('gives a resident no category of anyone, sensitive or not', () => {
    expect(CARE_GROUPS.filter((c) => mayReadCategory([grant('resident', DONG)], c, DONG, 'care.basic.read'))).toEqual([]);
  });

  it('leaves the unreadable sensitive categories out of a row’s badges, keeping the ordinary ones', () => {
    const readable = (c: string) => c === 'disability';
    expect(withoutUnreadable(['elderly_alone', 'released', 'disability', 'floating'], readable)).toEqual(['elderly_alone', 'disability', 'floating']);
  });
});
