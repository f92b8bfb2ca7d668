import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase, migrationsFolder, openDatabase } from '../db/client';

/** A digest of every migration file (names and contents): a new or changed migration makes a new template. */
function migrationsDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else hash.update(entry.name).update(fs.readFileSync(p));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex').slice(0, 16);
}

/**
 * A migrated, empty PGlite data directory as a dump. Creating a PGlite cluster and migrating it takes about
 * 5 s; loading this dump takes under 1 s, and every test file on PGlite starts with one. It is made once per
 * set of migrations and kept in the temp folder (written under a temporary name, then renamed, so test
 * workers racing to make it never read half a file).
 */
export async function migratedPgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `shequ-pglite-template-${migrationsDigest()}.tar`);
  if (!fs.existsSync(file)) {
    const database = await openDatabase({ databaseUrl: undefined, dataDir: '', inMemory: true, poolSize: 1 });
    try {
      await migrateDatabase(database);
      const dump = await database.dumpDataDir!();
      const partial = `${file}.${process.pid}.partial`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
    } finally {
      await database.close();
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

/**
 * The PostgreSQL counterpart: a migrated, empty database `shequ_template_<digest>` on the server, from which
 * every test file's database is copied (CREATE DATABASE … TEMPLATE) instead of migrated. Made once per set
 * of migrations under an advisory lock (test workers start together), migrated under another name and renamed
 * when complete, so a half-migrated template is never copied. Returns its name.
 */
export async function migratedPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `shequ_template_${migrationsDigest()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(72658)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', inMemory: false, poolSize: 1 });
      try {
        await migrateDatabase(database);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(72658)').catch(() => undefined);
    await admin.end();
  }
  return name;
}
