import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client';

/**
 * The transaction travels in the async context, not as an argument.
 *
 * `openDatabase` hands out a context-aware `db`: every query made through it goes to the transaction that
 * `transaction(db, fn)` opened in the current async context, and to the pool (PGlite: the connection) when
 * there is none. A repository or service therefore just uses its `db`; forgetting to pass a `tx` (which
 * waited for ever on PGlite's single connection and silently ran outside the transaction on PostgreSQL)
 * can no longer happen.
 */
interface Frame {
  /** The raw Drizzle database the transaction was opened on. */
  root: Db;
  /** Where queries go while the frame is open: Drizzle's transaction handle. */
  tx: Db;
  /** False once `fn` has settled: work that outlives its transaction (a timer started inside) goes to the root. */
  open: boolean;
  parent: Frame | undefined;
}

const storage = new AsyncLocalStorage<Frame>();
const RAW = Symbol('shequ.rawDb');

/** The raw Drizzle database behind a context-aware one (itself when it is raw already). */
const rawOf = (db: Db): Db => (db as unknown as { [RAW]?: Db })[RAW] ?? db;

function openFrame(root: Db): Frame | undefined {
  for (let f = storage.getStore(); f; f = f.parent) if (f.open && f.root === root) return f;
  return undefined;
}

/** The executor for `db` right now: the open transaction of this async context, else the database itself. */
export function currentDb(db: Db): Db {
  const root = rawOf(db);
  return openFrame(root)?.tx ?? root;
}

async function runFrame<T>(root: Db, opener: Db, fn: () => Promise<T>): Promise<T> {
  return opener.transaction(async (tx) => {
    const frame: Frame = { root, tx: tx as unknown as Db, open: true, parent: storage.getStore() };
    try {
      return await storage.run(frame, fn);
    } finally {
      frame.open = false;
    }
  });
}

/**
 * Runs `fn` in a transaction of `db`: every query through `db` (and every repository built on it) made by
 * `fn`, however deep, is part of it; an error rolls all of it back. Inside a running transaction it joins that
 * one (no savepoint): the outermost call commits.
 */
export function transaction<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const root = rawOf(db);
  if (openFrame(root)) return fn();
  return runFrame(root, root, fn);
}

/**
 * Runs `fn` outside any transaction of this async context, for work that must not join the caller's
 * transaction, typically a timer or a wake-up started inside one (the job runner's pass, a heartbeat).
 */
export function outsideTransaction<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** Wraps a raw Drizzle database so that its queries follow `transaction()` (see above); `openDatabase` does it. */
export function contextDb(raw: Db): Db {
  return new Proxy(raw, {
    get(target, prop) {
      if (prop === RAW) return target;
      // Drizzle's own `db.transaction(cb)` would start a second transaction (waiting for ever on PGlite's one
      // connection): it goes through `transaction()` instead and joins the running one.
      if (prop === 'transaction') return <T>(cb: (tx: Db) => Promise<T>) => transaction(target, () => cb(currentDb(target)));
      const exec = openFrame(target)?.tx ?? target;
      const value: unknown = Reflect.get(exec, prop, exec);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(exec) : value;
    },
  });
}
