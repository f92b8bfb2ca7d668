/**
 * Backup and restore of Shequ's database, shared by scripts/backup.ts, scripts/restore.ts and the restore
 * drill: pg_dump/pg_restore (custom format) for PostgreSQL, a tarball of the data directory through
 * PGlite's dumpDataDir()/loadDataDir for the embedded database. Neither includes the field-encryption key.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import pg from 'pg';
import { acquireDirectoryLock } from './lock';

/** Runs one SQL statement and returns its rows (any driver). */
export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** What a backup file holds, told by its first bytes. */
export type BackupFormat = 'postgres' | 'pglite' | 'unknown';

/** Recognises a pg_dump custom-format archive ("PGDMP") or a PGlite data-directory tarball (gzip or plain tar). */
export function backupFormat(file: string): BackupFormat {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(512);
    const n = fs.readSync(fd, head, 0, 512, 0);
    if (n >= 5 && head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    if (n >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite';
    return 'unknown';
  } finally {
    fs.closeSync(fd);
  }
}

/** `DATA_DIR/backups/shequ-<kind>-<UTC timestamp>.<ext>`. */
export function defaultBackupFile(dataDir: string, kind: 'pglite' | 'postgres', now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join(dataDir, 'backups', `shequ-${kind}-${stamp}.${kind === 'postgres' ? 'dump' : 'tar.gz'}`);
}

/** The newest backup file in a directory, or undefined. */
export function newestBackup(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^shequ-.*\.(dump|tar\.gz)$/.test(f))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0];
}

// ------------------------------------------------------------------------------------------ PostgreSQL

/** The path of a PostgreSQL client tool, or an error saying how to install it. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dirs = ['/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(path.delimiter)];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* try the next directory */
    }
  }
  throw new Error(
    `未找到 ${name} / ${name} not found. Install the PostgreSQL client tools of the server's major version (15 or newer), ` +
      'e.g. on Debian/Ubuntu: apt-get install -y postgresql-client',
  );
}

/** A connection string without its password, plus the environment that passes the password (not visible in `ps`). */
function connectionArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { dbname: u.toString(), env };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(cmd)} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
  });
}

/**
 * pg_dump in custom format (-Fc) to `file` (written to `file.partial`, renamed when complete).
 * `snapshot` dumps the state of an exported snapshot (pg_export_snapshot()) so that a caller can check
 * the very same state.
 */
export async function backupPostgres(url: string, file: string, options: { snapshot?: string } = {}): Promise<void> {
  const tool = pgTool('pg_dump');
  const { dbname, env } = connectionArgs(url);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const args = ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${dbname}`];
  if (options.snapshot) args.push(`--snapshot=${options.snapshot}`);
  try {
    await run(tool, args, env);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

const USER_RELATIONS = `
  SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`;

/** Connects to `url`; when that database does not exist, creates it first (through the `postgres` database). */
async function connectOrCreate(url: string): Promise<{ client: pg.Client; created: boolean }> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return { client, created: false };
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
  }
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const fresh = new pg.Client({ connectionString: url });
  await fresh.connect();
  return { client: fresh, created: true };
}

/** What a restore did. */
export interface RestoreResult {
  target: string;
  /** The PostgreSQL database did not exist and was created. */
  created?: boolean;
  /** Objects (PostgreSQL relations) or files (PGlite) that were replaced under --force. */
  replaced?: number;
}

/**
 * pg_restore of a custom-format archive into `url`, in one transaction (all or nothing). Refuses a
 * database that already holds relations unless `force`, which first drops the objects the backup holds
 * (`--clean --if-exists`, inside the same transaction). Creates the database when it does not exist.
 */
export async function restorePostgres(file: string, url: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  if (backupFormat(file) !== 'postgres') throw new Error(`${file} is not a pg_dump custom-format archive (made by npm run backup on PostgreSQL).`);
  const tool = pgTool('pg_restore');
  const { client, created } = await connectOrCreate(url);
  let relations: number;
  try {
    [{ n: relations }] = (await client.query<{ n: number }>(USER_RELATIONS)).rows;
  } finally {
    await client.end();
  }
  const target = new URL(url).pathname.slice(1);
  if (relations > 0 && !options.force) {
    throw new Error(
      `目标数据库 ${target} 不为空（${relations} 个对象），已拒绝恢复 / Refusing to restore: the database ${target} is not empty ` +
        `(${relations} relations). Restore into a new database (it is created when missing), or pass --force to replace ` +
        'the objects the backup contains.',
    );
  }
  const { dbname, env } = connectionArgs(url);
  const args = ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${dbname}`];
  if (relations > 0) args.push('--clean', '--if-exists');
  await run(tool, [...args, file], env);
  return { target, created, replaced: relations > 0 ? relations : undefined };
}

// ------------------------------------------------------------------------------------------ PGlite

const EXTENSIONS = { ltree, pg_trgm, pgcrypto };

/** A PGlite data directory opened by this process alone (the same lock file the server takes). */
export interface OpenedPglite {
  client: PGlite;
  query: Query;
  close(): Promise<void>;
}

/** Opens `DATA_DIR/pglite` exclusively; a running server holds the lock, and the error says so. */
export async function openPgliteDir(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<OpenedPglite> {
  const dir = path.resolve(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  let lock;
  try {
    lock = acquireDirectoryLock(dir);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(
      `${message}\nPGlite is an embedded, single-process database: stop the server (SIGTERM drains it) before a backup or ` +
        'restore, or use PostgreSQL (DATABASE_URL) for online backups.',
    );
  }
  let client: PGlite;
  try {
    client = await PGlite.create(`file://${dir}`, { extensions: EXTENSIONS, loadDataDir: options.loadDataDir });
  } catch (err) {
    lock.release();
    throw err;
  }
  return {
    client,
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    async close() {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

/**
 * Writes a gzipped tarball of an opened PGlite's data directory (dumpDataDir runs between queries, after
 * a CHECKPOINT, so the copy is consistent). Written to `file.partial`, renamed when complete.
 */
export async function dumpPglite(db: OpenedPglite, file: string): Promise<number> {
  await db.query('CHECKPOINT');
  const blob = await db.client.dumpDataDir('gzip');
  const bytes = Buffer.from(await blob.arrayBuffer());
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  try {
    const fd = fs.openSync(partial, 'w', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return bytes.length;
}

/** Backs up the PGlite database in `dataDir` (the server must not be running). Returns the file size. */
export async function backupPglite(dataDir: string, file: string): Promise<number> {
  const db = await openPgliteDir(dataDir);
  try {
    return await dumpPglite(db, file);
  } finally {
    await db.close();
  }
}

/** Files in a PGlite directory other than our lock file. */
function pgliteFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f !== 'shequ.lock');
}

/**
 * Unpacks a PGlite tarball into `DATA_DIR/pglite`. Refuses a directory that already holds a database
 * unless `force`, which removes it first (the key file and other files in DATA_DIR are left alone).
 * Opens the restored database once and returns its relation count as a sanity check.
 */
export async function restorePglite(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<RestoreResult & { relations: number }> {
  if (backupFormat(file) !== 'pglite') throw new Error(`${file} is not a PGlite data-directory tarball (made by npm run backup on PGlite).`);
  const dir = path.resolve(dataDir, 'pglite');
  const existing = pgliteFiles(dir);
  if (existing.length > 0 && !options.force) {
    throw new Error(
      `目标目录 ${dir} 不为空，已拒绝恢复 / Refusing to restore: ${dir} already holds a database (${existing.length} entries). ` +
        'Restore into a new DATA_DIR, or pass --force to replace it.',
    );
  }
  if (existing.length > 0) {
    // Take the lock first so that a running server is never pulled from under its feet.
    const lock = acquireDirectoryLock(dir);
    try {
      for (const f of existing) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
    } finally {
      lock.release();
    }
  }
  const blob = new Blob([fs.readFileSync(file)]);
  const db = await openPgliteDir(dataDir, { loadDataDir: blob });
  try {
    const [{ n }] = await db.query<{ n: number }>(USER_RELATIONS);
    await db.query('CHECKPOINT');
    return { target: dir, replaced: existing.length || undefined, relations: n };
  } finally {
    await db.close();
  }
}

// ------------------------------------------------------------------------------------------ checks

/** Row count and checksum of one table (or the position of one sequence). */
export interface TableChecksum {
  /** schema.name */
  table: string;
  kind: 'table' | 'sequence';
  rows: number;
  /** md5 over the md5 of each row's text, in primary-key order; for a sequence its last value. */
  checksum: string;
}

/**
 * Counts and checksums every user table (md5 of the concatenated md5s of each row's text, ordered by the
 * primary key, or by the row text when there is none) and reads every sequence's position.
 */
export async function tableChecksums(query: Query): Promise<TableChecksum[]> {
  const tables = await query<{ schema: string; name: string; pk: string | null }>(`
    SELECT n.nspname AS schema, c.relname AS name,
      (SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.ord)
         FROM pg_index i
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
    ORDER BY 1, 2`);
  const out: TableChecksum[] = [];
  for (const t of tables) {
    const name = `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;
    const order = t.pk
      ? t.pk
          .split(',')
          .map((c) => `t.${c}`)
          .join(', ')
      : 't::text';
    const [row] = await query<{ rows: string; checksum: string }>(
      `SELECT count(*)::text AS rows, md5(coalesce(string_agg(md5(t::text), '' ORDER BY ${order}), '')) AS checksum FROM ${name} t`,
    );
    out.push({ table: `${t.schema}.${t.name}`, kind: 'table', rows: Number(row.rows), checksum: row.checksum });
  }
  const sequences = await query<{ schema: string; name: string }>(`
    SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'S' AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`);
  for (const s of sequences) {
    const [row] = await query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${quoteIdent(s.schema)}.${quoteIdent(s.name)}`,
    );
    out.push({ table: `${s.schema}.${s.name}`, kind: 'sequence', rows: 0, checksum: `last_value ${row.last_value}${row.is_called ? '' : ' (unused)'}` });
  }
  return out;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** One line of a comparison. */
export interface ChecksumComparison {
  table: string;
  kind: 'table' | 'sequence';
  sourceRows: number | null;
  restoredRows: number | null;
  sourceChecksum: string | null;
  restoredChecksum: string | null;
  ok: boolean;
}

/** Compares two sets of checksums table by table; a table missing on either side is a mismatch. */
export function compareChecksums(source: TableChecksum[], restored: TableChecksum[]): { ok: boolean; lines: ChecksumComparison[] } {
  const names = [...new Set([...source.map((s) => s.table), ...restored.map((r) => r.table)])].sort();
  const lines = names.map((table) => {
    const a = source.find((s) => s.table === table);
    const b = restored.find((r) => r.table === table);
    return {
      table,
      kind: (a ?? b)!.kind,
      sourceRows: a?.rows ?? null,
      restoredRows: b?.rows ?? null,
      sourceChecksum: a?.checksum ?? null,
      restoredChecksum: b?.checksum ?? null,
      ok: !!a && !!b && a.rows === b.rows && a.checksum === b.checksum,
    };
  });
  return { ok: lines.every((l) => l.ok), lines };
}

/** The comparison as a fixed-width text table. */
export function formatComparison(lines: ChecksumComparison[]): string {
  const header = ['table', 'rows (source)', 'rows (restored)', 'checksum (source)', 'checksum (restored)', 'result'];
  const body = lines.map((l) => [
    l.kind === 'sequence' ? `${l.table} (seq)` : l.table,
    l.kind === 'sequence' ? '' : String(l.sourceRows ?? '—'),
    l.kind === 'sequence' ? '' : String(l.restoredRows ?? '—'),
    l.kind === 'sequence' ? (l.sourceChecksum ?? '—') : (l.sourceChecksum ?? '—').slice(0, 12),
    l.kind === 'sequence' ? (l.restoredChecksum ?? '—') : (l.restoredChecksum ?? '—').slice(0, 12),
    l.ok ? 'ok' : 'MISMATCH',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

// ------------------------------------------------------------------------------------------ drill

/** The source of a restore drill. */
export type DrillSource = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

/** What a restore drill found. */
export interface DrillResult {
  ok: boolean;
  lines: ChecksumComparison[];
  /** The backup file (inside workDir unless `file` was given). */
  file: string;
  bytes: number;
  /** Where the copy was restored (a PGlite directory, or a PostgreSQL database that is dropped again). */
  target: string;
  seconds: { backup: number; restore: number; check: number };
}

const since = (t: number) => (performance.now() - t) / 1000;

/** A PostgreSQL URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Backs up `source`, restores the backup into a fresh instance (a new PGlite directory under `workDir`,
 * or a new PostgreSQL database `shequ_rel_drill_<time>` on the same server, dropped afterwards), and
 * compares row counts and checksums table by table. On PostgreSQL the source is checksummed in the very
 * snapshot pg_dump reads, so a live database can be drilled while it takes writes.
 */
export async function restoreDrill(source: DrillSource, options: { workDir: string; file?: string }): Promise<DrillResult> {
  fs.mkdirSync(options.workDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const file = options.file ?? path.join(options.workDir, `drill-${stamp}.${source.kind === 'postgres' ? 'dump' : 'tar.gz'}`);
  let sourceSums: TableChecksum[];
  let restoredSums: TableChecksum[];
  const seconds = { backup: 0, restore: 0, check: 0 };
  let target: string;
  if (source.kind === 'pglite') {
    let t = performance.now();
    const db = await openPgliteDir(source.dataDir);
    try {
      sourceSums = await tableChecksums(db.query);
      seconds.check += since(t);
      t = performance.now();
      await dumpPglite(db, file);
      seconds.backup = since(t);
    } finally {
      await db.close();
    }
    const restoredDir = path.join(options.workDir, `restored-${stamp}`);
    target = path.join(restoredDir, 'pglite');
    t = performance.now();
    await restorePglite(file, restoredDir);
    seconds.restore = since(t);
    t = performance.now();
    const copy = await openPgliteDir(restoredDir);
    try {
      restoredSums = await tableChecksums(copy.query);
    } finally {
      await copy.close();
      fs.rmSync(restoredDir, { recursive: true, force: true });
    }
    seconds.check += since(t);
  } else {
    const client = new pg.Client({ connectionString: source.url });
    await client.connect();
    const query: Query = async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[];
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [{ snapshot }] = await query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
      let t = performance.now();
      await backupPostgres(source.url, file, { snapshot });
      seconds.backup = since(t);
      t = performance.now();
      sourceSums = await tableChecksums(query);
      seconds.check += since(t);
      await client.query('COMMIT');
      const name = `shequ_rel_drill_${stamp}_${Math.random().toString(36).slice(2, 6)}`;
      target = name;
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      try {
        t = performance.now();
        await restorePostgres(file, withDatabase(source.url, name));
        seconds.restore = since(t);
        t = performance.now();
        const copy = new pg.Client({ connectionString: withDatabase(source.url, name) });
        await copy.connect();
        try {
          restoredSums = await tableChecksums(async <T>(text: string, params?: unknown[]) => (await copy.query(text, params)).rows as T[]);
        } finally {
          await copy.end();
        }
        seconds.check += since(t);
      } finally {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  }
  const { ok, lines } = compareChecksums(sourceSums, restoredSums);
  return { ok, lines, file, bytes: fs.statSync(file).size, target, seconds };
}

/** The reminder printed by backup and restore: the key is not in the backup, on purpose. */
export const KEY_REMINDER =
  '注意：备份不含个人信息加密密钥 / Note: the backup does not contain the field-encryption key (SHEQU_KEY or DATA_DIR/shequ.key). ' +
  'Keep the key separately and safely; without it the restored ID numbers cannot be decrypted or searched.';
