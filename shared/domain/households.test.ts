import { describe, expect, it } from 'vitest';
import { activeMembers, householdIsActive, maySplit, mayMoveOut, relationOnMerge, relationsOnArrival, splitCandidates, splitRefusal } from './households';
import { RELATIONS } from './registry';

const head = { id: 'h', status: 'active' };
const spouse = { id: 's', status: 'active' };
const son = { id: 'c', status: 'active' };
const movedOut = { id: 'm', status: 'moved_out' };
const deceased = { id: 'd', status: 'deceased' };

describe('householdIsActive', () => {
  it('takes changes while active, and not once merged or dissolved', () => {
    expect(['active', 'merged', 'dissolved'].map(householdIsActive)).toEqual([true, false, false]);
  });
});

describe('activeMembers', () => {
  it('leaves out the members who moved out or died', () => {
    expect(activeMembers([head, movedOut, spouse, deceased])).toEqual([head, spouse]);
  });
});

describe('mayMoveOut', () => {
  it('lets an active member other than the head move out', () => {
    expect(mayMoveOut(spouse, 'h', 3)).toBe(true);
  });
  it('keeps the head while other members remain, and lets the head go as the last member', () => {
    expect(mayMoveOut(head, 'h', 2)).toBe(false);
    expect(mayMoveOut(head, 'h', 1)).toBe(true);
  });
  it('does not move a member who moved out or died', () => {
    expect(mayMoveOut(movedOut, 'h', 2)).toBe(false);
    expect(mayMoveOut(deceased, null, 1)).toBe(false);
  });
  it('lets anyone active move out of a household without a head', () => {
    expect(mayMoveOut(son, null, 3)).toBe(true);
  });
});

describe('relationsOnArrival', () => {
  it('offers head only to a household without one', () => {
    expect(relationsOnArrival(false)).toEqual(RELATIONS);
  });
  it('offers every other relation to a household that has a head', () => {
    expect(relationsOnArrival(true)).toEqual(RELATIONS.filter((r) => r !== 'head'));
  });
});

describe('splitCandidates', () => {
  it('offers the active members except the head', () => {
    expect(splitCandidates([head, spouse, movedOut, son], 'h')).toEqual([spouse, son]);
  });
  it('offers every active member when the household has no head', () => {
    expect(splitCandidates([head, deceased, spouse], null)).toEqual([head, spouse]);
  });
});

describe('splitRefusal', () => {
  it('allows members to leave when the head and one other stay', () => {
    expect(splitRefusal(['s'], ['h', 's', 'c'], 'h')).toBeNull();
    expect(splitRefusal(['s', 'c'], ['h', 's', 'c'], 'h')).toBeNull();
  });
  it('refuses a split that takes the head away', () => {
    expect(splitRefusal(['h', 's'], ['h', 's', 'c'], 'h')).toBe('head_stays');
  });
  it('refuses a split that leaves nobody behind, counting a member listed twice once', () => {
    expect(splitRefusal(['s', 'c'], ['s', 'c'], null)).toBe('nobody_left');
    expect(splitRefusal(['s', 's'], ['s', 'c'], null)).toBeNull();
  });
});

describe('maySplit', () => {
  it('needs two active members at least', () => {
    expect(maySplit([head, spouse], 'h')).toBe(true);
    expect(maySplit([head, movedOut, deceased], 'h')).toBe(false);
    expect(maySplit([spouse, son], null)).toBe(true);
    expect(maySplit([son], null)).toBe(false);
    expect(maySplit([], null)).toBe(false);
  });
});

describe('relationOnMerge', () => {
  it('keeps a member’s relation unless another is given', () => {
    expect(relationOnMerge({ id: 's', relationToHead: 'spouse' }, 'h', undefined)).toBeUndefined();
    expect(relationOnMerge({ id: 's', relationToHead: 'spouse' }, 'h', { s: 'daughter_in_law' })).toBe('daughter_in_law');
  });
  it('makes the former head, and anyone recorded as head, arrive as other', () => {
    expect(relationOnMerge({ id: 'h', relationToHead: 'head' }, 'h', undefined)).toBe('other');
    expect(relationOnMerge({ id: 'x', relationToHead: 'head' }, 'h', {})).toBe('other');
    expect(relationOnMerge({ id: 'h', relationToHead: null }, 'h', { h: 'father' })).toBe('father');
  });
});
