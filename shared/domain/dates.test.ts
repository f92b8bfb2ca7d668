import { describe, expect, it } from 'vitest';
import { ageOn, todayIn, wallClock, zonedInstant } from './dates';

describe('today in the city', () => {
  it('is still the old day at 23:30 Beijing time, whatever UTC says', () => {
    // 2026-11-29 23:30 in Beijing is 15:30 UTC on the same day.
    expect(todayIn('Asia/Shanghai', new Date('2026-11-29T15:30:00Z'))).toBe('2026-11-29');
  });

  it('is already the next day at 00:30 Beijing time, while UTC is still on the day before', () => {
    // 2026-11-30 00:30 in Beijing is 16:30 UTC on 2026-11-29.
    const instant = new Date('2026-11-29T16:30:00Z');
    expect(instant.toISOString().slice(0, 10)).toBe('2026-11-29');
    expect(todayIn('Asia/Shanghai', instant)).toBe('2026-11-30');
  });

  it('makes a resident born on 2008-11-30 eighteen at 00:30 Beijing time, not eight hours later', () => {
    expect(ageOn('2008-11-30', todayIn('Asia/Shanghai', new Date('2026-11-29T15:30:00Z')))).toBe(17);
    expect(ageOn('2008-11-30', todayIn('Asia/Shanghai', new Date('2026-11-29T16:30:00Z')))).toBe(18);
  });

  it('counts a birthday on 29 February in common years from 1 March', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('zonedInstant', () => {
  it('finds the instant a Beijing clock shows a wall time, and the clock agrees', () => {
    const at = zonedInstant({ year: 2026, month: 12, day: 1, hour: 8, minute: 0 }, 'Asia/Shanghai');
    expect(at.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(wallClock(at, 'Asia/Shanghai')).toMatchObject({ year: 2026, month: 12, day: 1, hour: 8, minute: 0 });
  });

  it('handles a zone with daylight saving time', () => {
    const at = zonedInstant({ year: 2026, month: 7, day: 1, hour: 9 }, 'Europe/Berlin');
    expect(at.toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });
});
