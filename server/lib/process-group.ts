import cluster, { type Worker } from 'node:cluster';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { SlidingWindow } from './rate-limit';

/**
 * The server processes that share one machine's port (SERVER_PROCESSES, node:cluster). What a process
 * keeps in memory and must agree on with the others goes through here:
 * - **events**: a sign-out, a password change, a revoked grant or new security settings evict a cached
 *   session or setting in every process (published by the process that made the change);
 * - **counters**: the route rate limits (sign-in, resident search), the look-up limit and the personal-read
 *   budget count across the processes, not per process.
 *
 * One process: everything stays in this process's memory (`singleProcess`). Several: the counters live in
 * the primary process, which the workers ask over the cluster's IPC channel (`clusterWorker`,
 * `hostProcessGroup`), and the primary forwards each event to the other workers. Nothing here is durable:
 * the counters start again with the primary, like rate limits of one process do at a restart.
 */
export interface ProcessGroup {
  /** How many server processes share the work (1: this one alone). */
  readonly size: number;
  /** Tells the other processes of the group (not this one: it acted already). */
  publish(topic: string, payload: unknown): void;
  /** Runs `handler` when another process publishes on `topic`. */
  subscribe(topic: string, handler: (payload: unknown) => void): void;
  /** A sliding-window counter shared by the group, named per use (one hour unless told). */
  window(name: string, windowMs?: number): SharedWindow;
  /** A store for @fastify/rate-limit that counts across the group; undefined: its own in-memory store. */
  readonly rateLimitStore?: FastifyRateLimitStoreCtor;
}

/** Events per key over a sliding window, counted across the group. */
export interface SharedWindow {
  /** Events of `key` inside the window ending now. */
  count(key: string): Promise<number>;
  /** Records one event; the count including it. */
  add(key: string): Promise<number>;
  /** Records one event only while fewer than `limit` are in the window: whether it was taken. */
  take(key: string, limit: number): Promise<boolean>;
  /** Whole minutes until the oldest event leaves the window (at least 1; 0 when empty). */
  minutesUntilFree(key: string): Promise<number>;
}

type WindowOp = 'count' | 'add' | 'take' | 'free';
/** A counter operation, answered by whoever holds the counters. */
type CounterCall = { op: WindowOp; name: string; windowMs: number; key: string; limit?: number } | { op: 'incr'; name: string; windowMs: number; key: string };

/** The counters themselves: in the single process, or in the cluster's primary for all workers. */
export class Counters {
  private readonly windows = new Map<string, SlidingWindow>();
  /** Fixed windows of the route rate limits: count and start per `name` and key. */
  private readonly fixed = new Map<string, { current: number; startMs: number; windowMs: number }>();
  private sweptAt = Date.now();

  answer(call: CounterCall, now = Date.now()): number | boolean | { current: number; ttl: number } {
    if (call.op === 'incr') return this.incr(`${call.name}\u0000${call.key}`, call.windowMs, now);
    const w = this.windowOf(call.name, call.windowMs);
    switch (call.op) {
      case 'count':
        return w.count(call.key, now);
      case 'add':
        return w.add(call.key, now);
      case 'take':
        if (w.count(call.key, now) >= (call.limit ?? 0)) return false;
        w.add(call.key, now);
        return true;
      case 'free':
        return w.minutesUntilFree(call.key, now);
    }
  }

  private windowOf(name: string, windowMs: number) {
    let w = this.windows.get(name);
    if (!w) this.windows.set(name, (w = new SlidingWindow(windowMs)));
    return w;
  }

  private incr(key: string, windowMs: number, now: number) {
    this.sweep(now);
    let entry = this.fixed.get(key);
    if (!entry || entry.startMs + windowMs <= now) this.fixed.set(key, (entry = { current: 0, startMs: now, windowMs }));
    entry.current++;
    return { current: entry.current, ttl: entry.startMs + windowMs - now };
  }

  /** Drops expired fixed windows once a minute, so keys never seen again do not pile up. */
  private sweep(now: number) {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, e] of this.fixed) if (e.startMs + e.windowMs <= now) this.fixed.delete(key);
  }
}

const HOUR = 60 * 60 * 1000;

function windowOver(ask: (call: CounterCall) => Promise<unknown>, name: string, windowMs: number): SharedWindow {
  const call = (op: WindowOp, key: string, limit?: number) => ask({ op, name, windowMs, key, limit });
  return {
    count: (key) => call('count', key) as Promise<number>,
    add: (key) => call('add', key) as Promise<number>,
    take: (key, limit) => call('take', key, limit) as Promise<boolean>,
    minutesUntilFree: (key) => call('free', key) as Promise<number>,
  };
}

/** This process alone: counters in its memory, events go nowhere (there is nobody else). */
export function singleProcess(): ProcessGroup {
  const counters = new Counters();
  return {
    size: 1,
    publish() {},
    subscribe() {},
    window: (name, windowMs = HOUR) => windowOver(async (c) => counters.answer(c), name, windowMs),
  };
}

/** The messages between the workers and the primary (tagged, so other IPC traffic passes by). */
type Message =
  | { shequ: 'call'; id: number; call: CounterCall }
  | { shequ: 'reply'; id: number; result: unknown }
  | { shequ: 'publish'; topic: string; payload: unknown }
  | { shequ: 'event'; topic: string; payload: unknown };

const isMessage = (m: unknown): m is Message => typeof m === 'object' && m !== null && 'shequ' in m;

/** A channel to the primary: `process` in a cluster worker (a fake one in tests). */
export interface Channel {
  send(message: Message): void;
  on(event: 'message', listener: (message: unknown) => void): void;
}

/** One of several server processes: counters and events go through the primary. */
export function clusterWorker(size: number, channel: Channel = process as unknown as Channel, timeoutMs = 5_000): ProcessGroup {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  const handlers = new Map<string, ((payload: unknown) => void)[]>();
  channel.on('message', (m) => {
    if (!isMessage(m)) return;
    if (m.shequ === 'reply') {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      p.resolve(m.result);
    } else if (m.shequ === 'event') {
      for (const h of handlers.get(m.topic) ?? []) h(m.payload);
    }
  });
  const ask = (call: CounterCall) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      // The primary answers in well under a millisecond; silence means it is gone, and the request fails
      // (500) rather than passing a limit it could not count.
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the primary process did not answer a counter call (${call.op} ${call.name})`));
      }, timeoutMs);
      timer.unref();
      pending.set(id, { resolve, reject, timer });
      channel.send({ shequ: 'call', id, call });
    });

  /** @fastify/rate-limit's store interface: one child per route, named by method and URL. */
  class SharedRateLimitStore {
    private readonly name: string;
    constructor(options: { name?: string } = {}) {
      this.name = options.name ?? 'global';
    }
    incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number) {
      ask({ op: 'incr', name: this.name, windowMs: timeWindow, key }).then(
        (res) => cb(null, res as { current: number; ttl: number }),
        (err: Error) => cb(err),
      );
    }
    child(params: { routeInfo?: { method?: string | string[]; url?: string } }) {
      const r = params.routeInfo ?? {};
      return new SharedRateLimitStore({ name: `${[r.method].flat().join(',')} ${r.url ?? ''}` });
    }
  }

  return {
    size,
    publish(topic, payload) {
      // Best effort while stopping: a worker whose channel is closed is on its way out.
      try {
        channel.send({ shequ: 'publish', topic, payload });
      } catch {
        /* the primary is gone; this process stops too */
      }
    },
    subscribe(topic, handler) {
      handlers.set(topic, [...(handlers.get(topic) ?? []), handler]);
    },
    window: (name, windowMs = HOUR) => windowOver(ask, name, windowMs),
    rateLimitStore: SharedRateLimitStore as unknown as FastifyRateLimitStoreCtor,
  };
}

/** A worker as the primary sees it: `cluster.Worker` (a fake one in tests). */
export interface WorkerPort {
  readonly id: number;
  send(message: Message): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/**
 * The primary's side: holds the counters and answers the workers' calls, forwards each published event to
 * every other worker. `attach` each worker as it is forked.
 */
export function hostProcessGroup() {
  const counters = new Counters();
  const workers = new Map<number, WorkerPort>();
  /** A worker that is exiting has closed its channel: what it would have received no longer matters. */
  const send = (to: WorkerPort, message: Message) => {
    try {
      to.send(message);
    } catch {
      workers.delete(to.id);
    }
  };
  return {
    attach(worker: WorkerPort) {
      workers.set(worker.id, worker);
      worker.on('message', (m) => {
        if (!isMessage(m)) return;
        if (m.shequ === 'call') send(worker, { shequ: 'reply', id: m.id, result: counters.answer(m.call) });
        else if (m.shequ === 'publish')
          for (const other of workers.values()) if (other.id !== worker.id) send(other, { shequ: 'event', topic: m.topic, payload: m.payload });
      });
    },
    detach(worker: Pick<Worker, 'id'>) {
      workers.delete(worker.id);
    },
  };
}

/** The group this process belongs to: a cluster worker of SERVER_PROCESSES, or alone. */
export function currentProcessGroup(size: number): ProcessGroup {
  return cluster.isWorker ? clusterWorker(size) : singleProcess();
}
