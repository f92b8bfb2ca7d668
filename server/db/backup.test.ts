import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { makeIdNumber } from '../modules/residents/residents.factory';
import { login } from '../test/app';
import { compareChecksums, restoreDrill, restorePglite, restorePostgres, tableChecksums, withDatabase, type Query } from './backup';
import { migrateDatabase, openDatabase } from './client';
import { seedAccounts, seedRegions } from './seed';
import { COMMUNITIES, gridCode } from './seed/demo-city';

const KEY = 'c4'.repeat(32);
const pgServer = process.env.DATABASE_URL;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function configFor(place: { dataDir?: string; databaseUrl?: string }): Config {
  // DATA_DIR goes through loadConfig, so the paths derived from it (the audit anchor file) follow it
  // instead of pointing at ./data, where a demo run leaves anchors of another database.
  const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '100000', ADMIN_TOTP: 'off' };
  // On a PostgreSQL server there is no data directory of the test's own: anchors stay in the table.
  const base = loadConfig(place.dataDir ? { ...env, DATA_DIR: place.dataDir } : { ...env, AUDIT_ANCHOR_FILE: 'off' });
  return { ...base, databaseUrl: place.databaseUrl, inMemory: false, encryptionKey: KEY, poolSize: 2 };
}

interface Written {
  id: string;
  name: string;
  idNumber: string;
  version: number;
}

/** A small city written the way users write it: regions and accounts, then residents created and edited over HTTP (audited). */
async function populate(config: Config): Promise<Written[]> {
  const database = await openDatabase(config);
  await migrateDatabase(database);
  await seedRegions(database.db);
  await seedAccounts(database.db, config.demoPassword);
  const app = await buildApp(config, database);
  try {
    const grid = (await database.query<{ id: string }>('SELECT id FROM regions WHERE code = $1', [gridCode(COMMUNITIES[0].code, 1)]))[0].id;
    const worker = await login(app, 'chengdong', config.demoPassword);
    const written: Written[] = [];
    for (const name of ['备份甲', '备份乙', '备份丙']) {
      const idNumber = makeIdNumber({ birthDate: '1985-06-15' });
      const res = await worker.post('/api/residents', { name, idNumber, gridId: grid, phone: '13900001111' });
      expect(res.statusCode).toBe(201);
      written.push({ id: res.json().id, name, idNumber, version: 1 });
    }
    const edit = await worker.patch(`/api/residents/${written[0].id}`, { version: 1, name: '备份甲改', notes: '恢复演练' });
    expect(edit.statusCode).toBe(200);
    written[0] = { ...written[0], name: '备份甲改', version: 2 };
    return written;
  } finally {
    await app.close();
    await database.close();
  }
}

/** Opens a restored copy as the app and checks that it serves what was written, decrypting with the same key. */
async function expectServes(config: Config, written: Written[]) {
  const database = await openDatabase(config);
  const app = await buildApp(config, database);
  try {
    const worker = await login(app, 'chengdong', config.demoPassword);
    for (const w of written) {
      const res = await worker.get(`/api/residents/${w.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: w.name, version: w.version });
      const reveal = await worker.post(`/api/residents/${w.id}/reveal`);
      expect(reveal.json().idNumber).toBe(w.idNumber);
    }
    const verify = await (await login(app, 'auditor', config.demoPassword)).get('/api/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true });
  } finally {
    await app.close();
    await database.close();
  }
}

function expectTables(lines: { table: string; sourceRows: number | null }[]) {
  const rows = (table: string) => lines.find((l) => l.table === table)?.sourceRows;
  expect(rows('public.residents')).toBe(3);
  expect(rows('public.users')).toBeGreaterThan(5);
  expect(rows('public.audit_log')).toBeGreaterThanOrEqual(4);
  expect(rows('drizzle.__drizzle_migrations')).toBeGreaterThan(0);
}

describe('backup and restore on PGlite', () => {
  it('round-trips a seeded database: every table and sequence matches, and the restored copy serves the same residents', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-backup-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const written = await populate(configFor({ dataDir: path.join(dir, 'source') }));

    const drill = await restoreDrill({ kind: 'pglite', dataDir: path.join(dir, 'source') }, { workDir: path.join(dir, 'work') });
    expect(drill.lines.filter((l) => !l.ok)).toEqual([]);
    expect(drill.ok).toBe(true);
    expectTables(drill.lines);
    expect(drill.lines.some((l) => l.kind === 'sequence' && l.table === 'public.audit_log_seq_seq')).toBe(true);

    const copy = path.join(dir, 'copy');
    const restored = await restorePglite(drill.file, copy);
    expect(restored.relations).toBeGreaterThan(10);
    await expectServes(configFor({ dataDir: copy }), written);

    // A second restore over it is refused, with --force it replaces it.
    await expect(restorePglite(drill.file, copy)).rejects.toThrow(/Refusing to restore.*already holds a database/);
    await expect(restorePglite(drill.file, copy, { force: true })).resolves.toMatchObject({ replaced: expect.any(Number) });
  }, 180_000);

  it('reports a changed row as a mismatch of its table only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-backup-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const database = await openDatabase(configFor({ dataDir: path.join(dir, 'a') }));
    await migrateDatabase(database);
    await seedRegions(database.db);
    const before = await tableChecksums(database.query as Query);
    await database.query(`UPDATE regions SET name = name || '改' WHERE level = 'grid' AND code LIKE '%01'`);
    const after = await tableChecksums(database.query as Query);
    await database.close();
    const { ok, lines } = compareChecksums(before, after);
    expect(ok).toBe(false);
    expect(lines.filter((l) => !l.ok).map((l) => l.table)).toEqual(['public.regions']);
    expect(lines.find((l) => l.table === 'public.regions')).toMatchObject({ sourceRows: 85, restoredRows: 85 });
  });
});

describe.runIf(pgServer)('backup and restore on PostgreSQL', () => {
  it('round-trips through pg_dump/pg_restore into a new database, refuses a non-empty target, and detects a changed row', async () => {
    const name = `shequ_rel_test_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgServer });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${name}_copy WITH (FORCE)`);
      await admin.end();
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-backup-pg-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const sourceUrl = withDatabase(pgServer!, name);
    const written = await populate(configFor({ databaseUrl: sourceUrl }));

    const drill = await restoreDrill({ kind: 'postgres', url: sourceUrl }, { workDir: dir });
    expect(drill.lines.filter((l) => !l.ok)).toEqual([]);
    expect(drill.ok).toBe(true);
    expectTables(drill.lines);
    const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [drill.target]);
    expect(left.rowCount).toBe(0);

    const copyUrl = withDatabase(pgServer!, `${name}_copy`);
    await expect(restorePostgres(drill.file, copyUrl)).resolves.toMatchObject({ created: true });
    await expectServes(configFor({ databaseUrl: copyUrl }), written);
    await expect(restorePostgres(drill.file, copyUrl)).rejects.toThrow(/Refusing to restore.*not empty/);

    const copy = new pg.Client({ connectionString: copyUrl });
    await copy.connect();
    const query: Query = async <T>(text: string) => (await copy.query(text)).rows as T[];
    const before = await tableChecksums(query);
    await copy.query(`UPDATE residents SET notes = 'changed' WHERE id = $1`, [written[1].id]);
    const after = await tableChecksums(query);
    await copy.end();
    const { ok, lines } = compareChecksums(before, after);
    expect(ok).toBe(false);
    expect(lines.filter((l) => !l.ok).map((l) => l.table)).toEqual(['public.residents']);
  }, 180_000);
});
