import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { clusterWorker, hostProcessGroup, singleProcess, type Channel, type ProcessGroup, type WorkerPort } from './process-group';

/** Two workers wired to one primary through in-memory channels, as node:cluster's IPC would (asynchronously). */
function twoWorkers(): [ProcessGroup, ProcessGroup] {
  const host = hostProcessGroup();
  const make = (id: number) => {
    const toWorker = new EventEmitter();
    const toPrimary = new EventEmitter();
    const port: WorkerPort = { id, send: (m) => setImmediate(() => toWorker.emit('message', structuredClone(m))), on: (e, l) => toPrimary.on(e, l) };
    const channel: Channel = { send: (m) => setImmediate(() => toPrimary.emit('message', structuredClone(m))), on: (e, l) => toWorker.on(e, l) };
    host.attach(port);
    return clusterWorker(2, channel);
  };
  return [make(1), make(2)];
}

const flush = () => new Promise((r) => setTimeout(r, 5));

describe('a process group', () => {
  it('counts a sliding window across the workers, not per worker', async () => {
    const [a, b] = twoWorkers();
    expect(await a.window('reads').add('u1')).toBe(1);
    expect(await b.window('reads').add('u1')).toBe(2);
    expect(await a.window('reads').count('u1')).toBe(2);
    // Another name or another key is another count.
    expect(await b.window('lookups').count('u1')).toBe(0);
    expect(await b.window('reads').count('u2')).toBe(0);
    expect(await b.window('reads').minutesUntilFree('u1')).toBe(60);
  });

  it('takes an event only while the window is under the limit, whichever worker asks', async () => {
    const [a, b] = twoWorkers();
    const taken = await Promise.all([a, b, a, b, a].map((g) => g.window('budget').take('u1', 3)));
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(await b.window('budget').count('u1')).toBe(3);
  });

  it('hands an event to the other workers only: the publisher acted already', async () => {
    const [a, b] = twoWorkers();
    const seenA: unknown[] = [];
    const seenB: unknown[] = [];
    a.subscribe('auth.forget-user', (p) => seenA.push(p));
    b.subscribe('auth.forget-user', (p) => seenB.push(p));
    a.publish('auth.forget-user', 'user-1');
    await flush();
    expect(seenB).toEqual(['user-1']);
    expect(seenA).toEqual([]);
  });

  it('gives @fastify/rate-limit one fixed window per route and key, shared by the workers', async () => {
    const [a, b] = twoWorkers();
    const route = (g: ProcessGroup, url: string) => {
      const Store = g.rateLimitStore!;
      return new Store({} as never).child({ routeInfo: { method: 'POST', url } } as never);
    };
    const incr = (store: ReturnType<typeof route>) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) => store.incr('10.0.0.1', (err, res) => (err ? reject(err) : resolve(res!)), 60_000, 5));
    expect((await incr(route(a, '/api/auth/login'))).current).toBe(1);
    const second = await incr(route(b, '/api/auth/login'));
    expect(second.current).toBe(2);
    expect(second.ttl).toBeGreaterThan(59_000);
    expect((await incr(route(b, '/api/residents'))).current).toBe(1);
  });

  it('fails a counter call the primary does not answer instead of letting it pass', async () => {
    const silent: Channel = { send: () => {}, on: () => {} };
    const group = clusterWorker(2, silent, 20);
    await expect(group.window('reads').add('u1')).rejects.toThrow(/primary process did not answer/);
  });

  it('keeps serving the other workers when one has closed its channel', async () => {
    const host = hostProcessGroup();
    const seen: unknown[] = [];
    const closed: WorkerPort = {
      id: 1,
      send: () => {
        throw new Error('ERR_IPC_CHANNEL_CLOSED');
      },
      on: () => {},
    };
    const toPrimary = new EventEmitter();
    const alive: WorkerPort = { id: 2, send: (m) => seen.push(m), on: (e, l) => toPrimary.on(e, l) };
    host.attach(closed);
    host.attach(alive);
    // The live worker publishes (the closed one cannot receive it) and asks for a count: both go through.
    toPrimary.emit('message', { shequ: 'publish', topic: 'auth.forget-user', payload: 'u1' });
    toPrimary.emit('message', { shequ: 'call', id: 7, call: { op: 'add', name: 'reads', windowMs: 60_000, key: 'u1' } });
    expect(seen).toEqual([{ shequ: 'reply', id: 7, result: 1 }]);
  });

  it('keeps everything in memory when alone, with the same answers', async () => {
    const group = singleProcess();
    expect(group.size).toBe(1);
    expect(group.rateLimitStore).toBeUndefined();
    expect(await group.window('reads').take('u1', 1)).toBe(true);
    expect(await group.window('reads').take('u1', 1)).toBe(false);
    group.publish('anything', null);
  });
});
