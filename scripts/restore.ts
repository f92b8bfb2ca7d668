// npm run restore [-- --from FILE] [--to URL | --data-dir DIR] [--force]: restore a backup made by
// npm run backup. PostgreSQL archives go to --to (default DATABASE_URL; the database is created when
// missing), PGlite tarballs to --data-dir (default DATA_DIR). A target that already holds data is refused
// unless --force. Default FILE: the newest backup in DATA_DIR/backups.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { backupFormat, KEY_REMINDER, newestBackup, restorePglite, restorePostgres } from '../server/db/backup';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    'data-dir': { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('usage: npm run restore -- [--from FILE] [--to postgres://… | --data-dir DIR] [--force]');
  process.exit(0);
}

const config = loadConfig();
const file = values.from ?? newestBackup(path.join(config.dataDir, 'backups'));
if (!file) {
  console.error(`No backup given and none found in ${path.join(config.dataDir, 'backups')}; pass --from FILE.`);
  process.exit(2);
}
const format = backupFormat(file);
const started = performance.now();
try {
  if (format === 'postgres') {
    const url = values.to ?? config.databaseUrl;
    if (!url) throw new Error(`${file} is a PostgreSQL archive: pass --to postgres://… or set DATABASE_URL.`);
    const r = await restorePostgres(file, url, { force: values.force });
    console.log(
      `恢复完成 / Restored ${file} into PostgreSQL database ${r.target}` +
        `${r.created ? ' (created)' : ''}${r.replaced ? ` (replaced ${r.replaced} existing relations)` : ''}.`,
    );
  } else if (format === 'pglite') {
    const dataDir = values['data-dir'] ?? config.dataDir;
    const r = await restorePglite(file, dataDir, { force: values.force });
    console.log(`恢复完成 / Restored ${file} into ${r.target} (${r.relations} relations)${r.replaced ? ', replacing the previous database' : ''}.`);
    const keyFile = values['data-dir'] ? path.join(dataDir, 'shequ.key') : config.keyFile;
    if (!config.encryptionKey && !fs.existsSync(keyFile)) {
      console.warn(
        `警告 / Warning: no key at ${keyFile} and SHEQU_KEY is not set. Copy the original shequ.key there (mode 0600) ` +
          'before starting the server; otherwise it creates a new key and the restored ID numbers cannot be read.',
      );
    }
  } else {
    throw new Error(`${file} is neither a pg_dump custom-format archive nor a PGlite tarball.`);
  }
} catch (err) {
  console.error(`恢复失败 / Restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s) ${KEY_REMINDER}`);
