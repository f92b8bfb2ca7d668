import { describe, expect, it } from 'vitest';
import { nextRun } from './schedule';

const beijing = (iso: string) => new Date(`${iso}+08:00`);

describe('nextRun', () => {
  it('runs an interval job that many seconds later', () => {
    expect(nextRun({ everySeconds: 600 }, new Date('2026-11-29T10:00:00Z')).toISOString()).toBe('2026-11-29T10:10:00.000Z');
  });

  it('runs a daily job later the same Beijing day, or tomorrow once the time has passed', () => {
    expect(nextRun({ dailyAt: '02:00' }, beijing('2026-11-29T01:59:00'))).toEqual(beijing('2026-11-29T02:00:00'));
    expect(nextRun({ dailyAt: '02:00' }, beijing('2026-11-29T02:00:00'))).toEqual(beijing('2026-11-30T02:00:00'));
    // 23:30 Beijing is 15:30 UTC: "tomorrow" is Beijing's tomorrow.
    expect(nextRun({ dailyAt: '00:15' }, beijing('2026-11-29T23:30:00'))).toEqual(beijing('2026-11-30T00:15:00'));
  });

  it('runs a monthly job on its day, and on the last day of a shorter month', () => {
    expect(nextRun({ monthlyOn: 1, at: '08:00' }, beijing('2026-11-29T12:00:00'))).toEqual(beijing('2026-12-01T08:00:00'));
    expect(nextRun({ monthlyOn: 31, at: '08:00' }, beijing('2027-02-01T00:00:00'))).toEqual(beijing('2027-02-28T08:00:00'));
    expect(nextRun({ monthlyOn: 25, at: '17:00' }, beijing('2026-12-25T17:00:00'))).toEqual(beijing('2027-01-25T17:00:00'));
  });

  it('refuses a malformed time', () => {
    expect(() => nextRun({ dailyAt: '25:00' }, new Date())).toThrow(/HH:MM/);
  });
});
