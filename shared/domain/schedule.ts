import { DEFAULT_TIME_ZONE, wallClock, zonedInstant } from './dates';

/**
 * When a recurring job runs: every so many seconds, daily at a wall-clock time, or monthly on a day at a
 * time — the clocks, reminders, overdue escalations and monthly ledgers of the modules, kept in the city's
 * time zone.
 */
export type Schedule = { everySeconds: number } | { dailyAt: string } | { monthlyOn: number; at: string };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTime(text: string): { hour: number; minute: number } {
  const m = HHMM.exec(text);
  if (!m) throw new Error(`not a HH:MM time: ${text}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first run strictly after `after`. A monthly day past the month's end runs on its last day. */
export function nextRun(schedule: Schedule, after: Date, timeZone: string = DEFAULT_TIME_ZONE): Date {
  if ('everySeconds' in schedule) {
    if (!(schedule.everySeconds >= 1)) throw new Error('everySeconds must be at least 1');
    return new Date(after.getTime() + schedule.everySeconds * 1000);
  }
  const now = wallClock(after, timeZone);
  if ('dailyAt' in schedule) {
    const t = parseTime(schedule.dailyAt);
    for (let add = 0; add < 3; add++) {
      const day = new Date(Date.UTC(now.year, now.month - 1, now.day + add));
      const at = zonedInstant({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), ...t }, timeZone);
      if (at > after) return at;
    }
    throw new Error('unreachable');
  }
  const t = parseTime(schedule.at);
  if (!(schedule.monthlyOn >= 1 && schedule.monthlyOn <= 31)) throw new Error('monthlyOn must be 1–31');
  for (let add = 0; add < 3; add++) {
    const first = new Date(Date.UTC(now.year, now.month - 1 + add, 1));
    const year = first.getUTCFullYear();
    const month = first.getUTCMonth() + 1;
    const at = zonedInstant({ year, month, day: Math.min(schedule.monthlyOn, daysIn(year, month)), ...t }, timeZone);
    if (at > after) return at;
  }
  throw new Error('unreachable');
}
