import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/context';
import { SessionCache } from './session-cache';

const actor = (userId: string) => ({ userId }) as Actor;
const session = (userId: string) => ({ actor: actor(userId), createdAt: 0, lastSeenAt: 0 });

describe('SessionCache', () => {
  it('keeps a session for its time to live, and not a millisecond longer', () => {
    const cache = new SessionCache(10_000);
    cache.set('a', session('u1'), 1_000, cache.generation);
    expect(cache.get('a', 10_999)?.actor.userId).toBe('u1');
    expect(cache.get('a', 11_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('hands back the object it keeps, so a later lastSeenAt is what the next request sees', () => {
    const cache = new SessionCache(10_000);
    const s = session('u1');
    cache.set('a', s, 0, cache.generation);
    cache.get('a', 1)!.lastSeenAt = 500;
    expect(cache.get('a', 2)!.lastSeenAt).toBe(500);
  });

  it('forgets one token, or every session of a user', () => {
    const cache = new SessionCache(10_000);
    cache.set('a', session('u1'), 0, cache.generation);
    cache.set('b', session('u1'), 0, cache.generation);
    cache.set('c', session('u2'), 0, cache.generation);
    cache.forgetToken('c');
    expect(cache.get('c', 1)).toBeUndefined();
    cache.forgetUser('u1');
    expect(cache.size).toBe(0);
  });

  it('drops the oldest entry when full', () => {
    const cache = new SessionCache(10_000, 2);
    cache.set('a', session('u1'), 0, cache.generation);
    cache.set('b', session('u2'), 0, cache.generation);
    cache.set('c', session('u3'), 0, cache.generation);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 1)).toBeDefined();
    expect(cache.get('c', 1)).toBeDefined();
  });

  it('does not keep what a look-up read while something was evicted (a sign-out racing it)', () => {
    const cache = new SessionCache(10_000);
    const before = cache.generation;
    cache.forgetUser('u1');
    cache.set('a', session('u1'), 0, before);
    expect(cache.get('a', 1)).toBeUndefined();
    cache.set('a', session('u1'), 0, cache.generation);
    expect(cache.get('a', 1)).toBeDefined();
  });

  it('keeps nothing when the time to live is 0', () => {
    const cache = new SessionCache(0);
    cache.set('a', session('u1'), 0, cache.generation);
    expect(cache.size).toBe(0);
  });
});
