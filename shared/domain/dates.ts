/**
 * "Today" and wall-clock times in the city's time zone (default Asia/Shanghai), whatever zone the server or
 * the database runs in: an age, a due date or a monthly ledger turns over at local midnight, not at UTC's.
 * Pass the date into SQL as a parameter instead of using `current_date`.
 */

/** The IANA time zone the city keeps its dates in, unless configured otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a clock in `timeZone` shows at `instant`. */
export function wallClock(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): WallClock {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { year: +parts.year!, month: +parts.month!, day: +parts.day!, hour: +parts.hour!, minute: +parts.minute!, second: +parts.second! };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

let lastDay = { key: '', day: '' };

/**
 * The calendar date (YYYY-MM-DD) in `timeZone` at `instant`. Remembered for the second it was asked in:
 * an import checks 100,000 ID numbers against today, and Intl's formatter costs microseconds each time.
 */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, instant: Date = new Date()): string {
  const key = `${timeZone}|${Math.floor(instant.getTime() / 1000)}`;
  if (lastDay.key === key) return lastDay.day;
  const c = wallClock(instant, timeZone);
  const day = `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
  lastDay = { key, day };
  return day;
}

/** The instant at which a clock in `timeZone` shows the given wall-clock time (DST-safe to the hour). */
export function zonedInstant(c: Pick<WallClock, 'year' | 'month' | 'day'> & Partial<WallClock>, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour ?? 0, c.minute ?? 0, c.second ?? 0);
  // The zone's offset at (about) that moment; a second pass settles a guess made across a DST change.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(new Date(guess), timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    guess = asUtc - (seenUtc - guess);
  }
  return new Date(guess);
}

/** Whole years from a birth date (YYYY-MM-DD) to `today` (YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The calendar day `days` after a YYYY-MM-DD day (negative: before); one function for every module. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
