import { describe, expect, it } from 'vitest';
import { audiencesFor, compareNotices, noticeReaches, noticeStatus, publishWindowProblem } from './notices';

describe('noticeStatus', () => {
  const n = (publishFrom: string, publishUntil: string | null = null, withdrawnAt: string | null = null) => ({ publishFrom, publishUntil, withdrawnAt });
  it('is current from the first day to the last, both included', () => {
    expect(noticeStatus(n('2026-03-01', '2026-03-10'), '2026-03-01')).toBe('current');
    expect(noticeStatus(n('2026-03-01', '2026-03-10'), '2026-03-10')).toBe('current');
    expect(noticeStatus(n('2026-03-01'), '2030-01-01')).toBe('current');
  });
  it('is scheduled before its first day and expired after its last', () => {
    expect(noticeStatus(n('2026-03-01', '2026-03-10'), '2026-02-28')).toBe('scheduled');
    expect(noticeStatus(n('2026-03-01', '2026-03-10'), '2026-03-11')).toBe('expired');
  });
  it('is withdrawn whatever its dates say', () => {
    expect(noticeStatus(n('2026-03-01', null, '2026-03-02T08:00:00Z'), '2026-03-05')).toBe('withdrawn');
  });
});

describe('noticeReaches', () => {
  const city = '3401';
  const street = '3401.01';
  const community = '3401.01.001';
  const grid = '3401.01.001.01';
  it('reaches a resident at or above their place, never below or beside it', () => {
    expect(noticeReaches(city, community, true)).toBe(true);
    expect(noticeReaches(street, community, true)).toBe(true);
    expect(noticeReaches(community, community, true)).toBe(true);
    expect(noticeReaches(grid, community, true)).toBe(false);
    expect(noticeReaches('3401.01.002', community, true)).toBe(false);
    expect(noticeReaches('3401.02', community, true)).toBe(false);
  });
  it('reaches staff above and below their grant, not a neighbour', () => {
    expect(noticeReaches(city, street, false)).toBe(true);
    expect(noticeReaches(community, street, false)).toBe(true);
    expect(noticeReaches(grid, street, false)).toBe(true);
    expect(noticeReaches('3401.02.001', street, false)).toBe(false);
    expect(noticeReaches('3401.010', street, false)).toBe(false);
  });
});

describe('audiencesFor and the publishing window', () => {
  it('gives residents the notices for residents and for all, staff every one', () => {
    expect(audiencesFor(true)).toEqual(['residents', 'all']);
    expect(audiencesFor(false)).toEqual(['staff', 'residents', 'all']);
  });
  it('names publishUntil when it lies before publishFrom', () => {
    expect(publishWindowProblem('2026-03-10', '2026-03-09')).toEqual({ path: 'publishUntil', code: 'before_start' });
    expect(publishWindowProblem('2026-03-10', '2026-03-10')).toBeNull();
    expect(publishWindowProblem('2026-03-10', null)).toBeNull();
  });
  it('orders pinned, then important, then newest first', () => {
    const a = { id: 'a', pinned: false, importance: 'normal' as const, publishFrom: '2026-03-10' };
    const b = { id: 'b', pinned: false, importance: 'important' as const, publishFrom: '2026-03-01' };
    const c = { id: 'c', pinned: true, importance: 'normal' as const, publishFrom: '2026-01-01' };
    const d = { id: 'd', pinned: false, importance: 'normal' as const, publishFrom: '2026-03-11' };
    expect([a, b, c, d].sort(compareNotices).map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});
