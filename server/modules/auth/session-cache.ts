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

  set(tokenHash: string, session: CachedSession, now: number) {
    if (this.ttlMs <= 0) return;
    this.entries.delete(tokenHash);
    // Maps keep insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // The very object: the caller's later updates (lastSeenAt) are what the next request sees.
    this.entries.set(tokenHash, Object.assign(session, { loadedAt: now }));
  }

  forgetToken(tokenHash: string) {
    this.entries.delete(tokenHash);
  }

  /** Evicts every session of a user (password, grants, second factor or status changed). */
  forgetUser(userId: string) {
    for (const [hash, entry] of this.entries) if (entry.actor.userId === userId) this.entries.delete(hash);
  }

  /** Evicts everything (a change that touches many users, such as a region's rename). */
  clear() {
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}
