import type { FastifyRequest } from 'fastify';

/**
 * Route-level rate limit per signed-in user (per address before sign-in), for the routes that read many
 * residents at once: a stolen session or a script cannot page through the city faster than a person
 * would (ASVS 11.1.4). Runs after the session is resolved (the auth plugin's hook is global).
 */
export function perUserPerMinute(max: number) {
  return { max, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.actor?.userId ?? request.ip };
}

/**
 * Events per key over a sliding window (one hour by default), in memory: the look-up limit and the
 * personal-read budget count with it, through a ProcessGroup (lib/process-group.ts), which keeps it in the
 * cluster's primary when there are several server processes.
 */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();
  constructor(private readonly windowMs = 60 * 60 * 1000) {}

  /** Events of `key` inside the window ending now. */
  count(key: string, now = Date.now()): number {
    return this.live(key, now).length;
  }

  /** Records one event; returns the count including it. */
  add(key: string, now = Date.now()): number {
    const list = this.live(key, now);
    list.push(now);
    this.events.set(key, list);
    return list.length;
  }

  /** Whole minutes until the oldest event leaves the window (at least 1). */
  minutesUntilFree(key: string, now = Date.now()): number {
    const oldest = this.live(key, now)[0];
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + this.windowMs - now) / 60_000));
  }

  private live(key: string, now: number): number[] {
    const list = this.events.get(key);
    if (!list) return [];
    const from = now - this.windowMs;
    let i = 0;
    while (i < list.length && list[i] <= from) i++;
    if (i > 0) list.splice(0, i);
    if (list.length === 0) this.events.delete(key);
    return list;
  }
}
