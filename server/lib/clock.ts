import { DEFAULT_TIME_ZONE, todayIn } from '../../shared/domain/dates';

/**
 * The city's clock: one time zone for the whole process (`TIME_ZONE`, set once from the config by
 * createServices), so "today" in services, in SQL (`current_date`, the database session is opened in the
 * same zone, see db/client.ts) and in the web app agree around midnight Beijing time.
 */
let zone = DEFAULT_TIME_ZONE;

/** Sets the process's time zone (from the config, at start). */
export function setTimeZone(timeZone: string) {
  zone = timeZone;
}

/** The configured time zone. */
export const timeZone = () => zone;

/** Today as YYYY-MM-DD in the city's time zone. */
export const today = (now: Date = new Date()) => todayIn(zone, now);
