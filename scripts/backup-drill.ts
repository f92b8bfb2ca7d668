// npm run backup:drill [-- --seed N [--db pglite|pg]] [--out FILE]: the restore drill. Backs up the database,
// restores it into a fresh instance (a new PGlite directory, or a PostgreSQL database shequ_rel_drill_<time>
// that is dropped afterwards), compares row counts and checksums table by table, prints the table and
// exits 1 on any mismatch. Without --seed it drills the configured database (DATABASE_URL, or PGlite in
// DATA_DIR, which must not be in use by a server); with --seed N it first builds a throw-away demo city of
// N residents (PGlite in a temporary directory, or database shequ_rel_drill_src_<time> on DATABASE_URL's
// server or 127.0.0.1) and removes it afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../server/config';
import { formatComparison, restoreDrill, withDatabase, type DrillSource } from '../server/db/backup';
import { migrateDatabase, openDatabase } from '../server/db/client';
import { seedDemo } from '../server/db/seed';
import '../server/db/seed/steps';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('usage: npm run backup:drill -- [--seed RESIDENTS [--db pglite|pg]] [--out FILE]');
  process.exit(0);
}

const config = loadConfig();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-drill-'));
const cleanups: (() => Promise<void>)[] = [async () => fs.rmSync(workDir, { recursive: true, force: true })];

async function prepareSource(): Promise<DrillSource> {
  if (values.seed === undefined) {
    return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
  }
  const residents = Number(values.seed);
  const usePg = values.db ? values.db === 'pg' || values.db === 'postgres' : !!config.databaseUrl;
  const dataDir = path.join(workDir, 'source');
  let url: string | undefined;
  if (usePg) {
    const server = config.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `shequ_rel_drill_src_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = withDatabase(server, name);
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
  }
  const seedConfig = { ...config, databaseUrl: url, dataDir, keyFile: path.join(dataDir, 'shequ.key'), encryptionKey: undefined, inMemory: false };
  const t = performance.now();
  const database = await openDatabase(seedConfig);
  try {
    await migrateDatabase(database);
    await seedDemo(database, seedConfig, { residents });
  } finally {
    await database.close();
  }
  console.log(`Seeded a throw-away city of ${residents} residents on ${usePg ? 'PostgreSQL' : 'PGlite'} in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
  return url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir };
}

let exitCode = 0;
try {
  const source = await prepareSource();
  console.log(`Restore drill on ${source.kind === 'postgres' ? `PostgreSQL ${new URL(source.url).pathname.slice(1)}` : `PGlite in ${source.dataDir}`}…`);
  const result = await restoreDrill(source, { workDir, file: values.out });
  console.log('\n' + formatComparison(result.lines) + '\n');
  const tables = result.lines.filter((l) => l.kind === 'table');
  const rows = tables.reduce((n, l) => n + (l.sourceRows ?? 0), 0);
  console.log(
    `backup ${(result.bytes / 1024 / 1024).toFixed(1)} MiB in ${result.seconds.backup.toFixed(1)} s · restore into ${result.target} in ` +
      `${result.seconds.restore.toFixed(1)} s · checksums ${result.seconds.check.toFixed(1)} s · ${tables.length} tables, ${rows} rows`,
  );
  if (result.ok) {
    console.log('恢复演练通过 / Restore drill PASSED: every table and sequence matches.');
  } else {
    const bad = result.lines.filter((l) => !l.ok).map((l) => l.table);
    console.error(`恢复演练失败 / Restore drill FAILED: ${bad.length} mismatch(es): ${bad.join(', ')}`);
    exitCode = 1;
  }
} catch (err) {
  console.error(`恢复演练出错 / Restore drill error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  exitCode = 2;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((err) => console.warn(`cleanup: ${err instanceof Error ? err.message : String(err)}`));
}
process.exit(exitCode);
