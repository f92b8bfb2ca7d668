// npm run backup [-- --out FILE]: back up the database. PostgreSQL (DATABASE_URL): pg_dump custom format,
// online. PGlite: a tarball of DATA_DIR/pglite through dumpDataDir(); the server must be stopped first.
// Default file: DATA_DIR/backups/shequ-<postgres|pglite>-<UTC time>.<dump|tar.gz>.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { backupPglite, backupPostgres, defaultBackupFile, KEY_REMINDER } from '../server/db/backup';

const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('usage: npm run backup [-- --out FILE]   (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR)');
  process.exit(0);
}

const config = loadConfig();
const kind = config.databaseUrl ? 'postgres' : 'pglite';
const file = values.out ?? defaultBackupFile(config.dataDir, kind);
if (fs.existsSync(file)) {
  console.error(`${file} already exists; choose another --out.`);
  process.exit(2);
}
const started = performance.now();
try {
  if (config.databaseUrl) await backupPostgres(config.databaseUrl, file);
  else await backupPglite(config.dataDir, file);
} catch (err) {
  console.error(`备份失败 / Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
const bytes = fs.statSync(file).size;
console.log(`备份完成 / Backup written (${kind}): ${file} (${(bytes / 1024 / 1024).toFixed(1)} MiB, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(KEY_REMINDER);
