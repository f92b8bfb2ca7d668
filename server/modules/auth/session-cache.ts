import type { Actor } from '../../lib/context';

/** A resolved session as the cache holds it. */
export interface CachedSession {
  actor: Actor;
  /** Milliseconds since the epoch, from the sessions row. */
  createdAt: number;
  /** Last activity written to (or read from) the sessions row. */
  lastSeenAt: number;
}

/**
 * Resolved sessions of this process, for a few seconds: a request then needs no database round trip to
 * know who is asking. Every change this process makes to an account or a session evicts it at once
 * (AuthService); a change made by another process applies within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, CachedSession & { loadedAt: number }>();
  /**
   * Counts evictions. A request reads it before it looks a session up in the database and passes it to
   * set(): if anything was evicted meanwhile (a sign-out racing the look-up), what it read may be stale
   * and is not kept.
   */
  private evictions = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, now: number): CachedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (now - entry.loadedAt >= this.ttlMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  /** The eviction count to hand to set() after a database look-up. */
  get generation() {
    return this.evictions;
  }

  set(tokenHash: string, session: CachedSession, now: number, generation: number) {
    if (this.ttlMs <= 0 || generation !== this.evictions) return;
    this.entries.delete(tokenHash);
    // Maps keep insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // The very object: the caller's later updates (lastSeenAt) are what the next request sees.
    this.entries.set(tokenHash, Object.assign(session, { loadedAt: now }));
  }

  forgetToken(tokenHash: string) {
    this.evictions++;
    this.entries.delete(tokenHash);
  }

  /** Evicts every session of a user (password, grants, second factor or status changed). */
  forgetUser(userId: string) {
    this.evictions++;
    for (const [hash, entry] of this.entries) if (entry.actor.userId === userId) this.entries.delete(hash);
  }

  get size() {
    return this.entries.size;
  }
}
