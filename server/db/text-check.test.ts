import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHousehold, createResident, demoPlaces } from '../modules/residents/residents.factory';
import { createTestApp, type TestApp } from '../test/app';
import { migrateDatabase, openDatabase } from './client';
import { findDamagedText } from './text-check';

const root = path.resolve(import.meta.dirname, '../..');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('findDamagedText', () => {
  it('lists every stored row whose text holds U+FFFD with its table, id, community and columns, and nothing else', async () => {
    const places = await demoPlaces(t);
    const cd = places.chengdong;
    expect(await findDamagedText(t.database)).toEqual([]);

    const home = await createHousehold(t, { communityId: cd.id, gridId: cd.grids[0], address: '幸福路3号\ufffd栋' });
    const damaged = await createResident(t, { name: '周\ufffd国', communityId: cd.id, gridId: cd.grids[0], householdId: home.id });
    await t.database.query(`UPDATE residents SET notes = '低保\ufffd', ethnicity = '维吾\ufffd族' WHERE id = $1`, [damaged.id]);
    await createResident(t, { name: '𠮷野家', communityId: cd.id, gridId: cd.grids[1] });
    await t.database.query(`UPDATE regions SET name_en = 'Grid \ufffd' WHERE id = $1`, [places.chengxi.grids[0]]);

    const found = await findDamagedText(t.database);
    expect(found).toEqual(
      expect.arrayContaining([
        { table: 'households', id: home.id, communityId: cd.id, community: cd.name, columns: ['address'] },
        { table: 'residents', id: damaged.id, communityId: cd.id, community: cd.name, columns: expect.arrayContaining(['name', 'ethnicity', 'notes']) },
        { table: 'regions', id: places.chengxi.grids[0], communityId: null, community: null, columns: ['name_en'] },
      ]),
    );
    // The name keys the search derives from the name are damaged with it; nothing undamaged is listed.
    expect(found.every((f) => ['households', 'residents', 'regions', 'resident_name_keys'].includes(f.table))).toBe(true);
    expect(found.filter((f) => f.table === 'residents')).toHaveLength(1);
  });
});

describe('npm run text:check', () => {
  it('exits 0 on clean data and 1 listing the rows on damaged data, on the configured database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-text-'));
    const run = () =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const env: Record<string, string> = { ...(process.env as Record<string, string>), DATA_DIR: dir, LOG_LEVEL: 'silent' };
        delete env.DATABASE_URL;
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/text-check.ts')], { cwd: root, env });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('exit', (code) => resolve({ code, output }));
      });
    try {
      const config = { dataDir: dir, inMemory: false, poolSize: 1 };
      let database = await openDatabase(config);
      await migrateDatabase(database);
      await database.query(`INSERT INTO regions (level, code, name, path) VALUES ('city', '999900', '示例市', '999900')`);
      await database.close();
      const clean = await run();
      expect(clean.code, clean.output).toBe(0);
      expect(clean.output).toContain('No stored text contains U+FFFD');

      database = await openDatabase(config);
      const [city] = await database.query<{ id: string }>(`UPDATE regions SET name = '示\ufffd市' RETURNING id`);
      await database.close();
      const damaged = await run();
      expect(damaged.code, damaged.output).toBe(1);
      expect(damaged.output).toContain(`regions\t${city.id}\t-\tname`);
      expect(damaged.output).toContain('1 rows contain U+FFFD (regions)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
