import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Config } from '../config';
import { acquireDirectoryLock, type DirectoryLock } from './lock';
import { contextDb } from './transaction';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/dates';

/** The Drizzle database, the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** An open database with what the app needs to manage it. */
export interface Database {
  /** Context-aware: inside `transaction(db, …)` its queries go to that transaction (server/db/transaction.ts). */
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL text with positional parameters; rows come back as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Bulk-loads CSV text into a table through COPY (PostgreSQL) or an equivalent (PGlite). */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
  /** PGlite only: a copy of the whole data directory, for `OpenOptions.loadDataDir` (tests start from a migrated one). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const EXTENSIONS = ['pg_trgm', 'ltree', 'pgcrypto'];

/** Opens PGlite (in `dataDir/pglite`, or in memory) or a PostgreSQL pool when `databaseUrl` is set. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'inMemory' | 'poolSize'> & { timeZone?: string },
  options: OpenOptions = {},
): Promise<Database> {
  // Sessions run in the city's time zone, so current_date and timestamp→date casts agree with the services.
  const timeZone = config.timeZone ?? DEFAULT_TIME_ZONE;
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize, timeZone, options);
  return openPglite(config.inMemory ? undefined : path.join(config.dataDir, 'pglite'), timeZone, options);
}

/** Options for benchmarks and diagnostics. */
export interface OpenOptions {
  /** Called with every SQL statement Drizzle sends (the benchmark replays them directly through the driver). */
  onQuery?: (text: string, params: unknown[]) => void;
  /** PGlite in memory: start from this dump of a data directory instead of an empty cluster (see server/test/pglite-template.ts). */
  loadDataDir?: Blob;
}

const loggerOf = (options: OpenOptions) => (options.onQuery ? { logQuery: options.onQuery } : undefined);

async function openPglite(dir: string | undefined, timeZone: string, options: OpenOptions): Promise<Database> {
  let lock: DirectoryLock | undefined;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    lock = acquireDirectoryLock(dir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dir ? `file://${path.resolve(dir)}` : undefined, {
      extensions: { ltree, pg_trgm, pgcrypto },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  await client.query(`SELECT set_config('TimeZone', $1, false)`, [timeZone]);
  const db = contextDb(drizzlePglite(client, { logger: loggerOf(options) }) as unknown as Db);
  return {
    db,
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      const res = await client.query<T>(text, params);
      return res.rows;
    },
    async copyCsv(table, columns, csv) {
      const blob = new Blob([csv]);
      await client.query(`COPY ${table} (${columns.join(',')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
    },
    async dumpDataDir() {
      return client.dumpDataDir('none');
    },
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

async function openPostgres(url: string, poolSize: number, timeZone: string, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c TimeZone=${timeZone}` });
  // An idle connection the server closes (restart, DROP DATABASE … FORCE) must not crash the process;
  // the pool replaces it and the next query reports any real problem.
  pool.on('error', () => undefined);
  // Fail at start, not on the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = contextDb(drizzlePg(pool, { logger: loggerOf(options) }) as unknown as Db);
  return {
    db,
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      const res = await pool.query(text, params);
      return res.rows as T[];
    },
    async copyCsv(table, columns, csv) {
      const { from } = await import('pg-copy-streams');
      const conn = await pool.connect();
      try {
        await new Promise<void>((resolve, reject) => {
          const stream = conn.query(from(`COPY ${table} (${columns.join(',')}) FROM STDIN WITH (FORMAT csv)`));
          stream.on('finish', () => resolve());
          stream.on('error', reject);
          stream.end(csv);
        });
      } finally {
        conn.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Creates the extensions and applies every pending migration; safe to call from several processes at once. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    // One migrator at a time across processes.
    await database.query('SELECT pg_advisory_lock(72657)');
  }
  try {
    for (const ext of EXTENSIONS) await database.query(`CREATE EXTENSION IF NOT EXISTS ${ext}`);
    if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder });
    else await migratePg(database.db as never, { migrationsFolder });
  } finally {
    if (database.kind === 'postgres') await database.query('SELECT pg_advisory_unlock(72657)');
  }
}

export { transaction, outsideTransaction, currentDb } from './transaction';

export { sql };
