import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from './client';

describe('the embedded PGlite database', () => {
  it('refuses a second opening of the same data directory with a clear error, and reopens after close', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-lock-'));
    const first = await openDatabase({ dataDir: dir, inMemory: false, poolSize: 1 });
    try {
      await migrateDatabase(first);
      await expect(openDatabase({ dataDir: dir, inMemory: false, poolSize: 1 })).rejects.toThrow(/in use by process/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir, inMemory: false, poolSize: 1 });
    const [{ n }] = await again.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
    expect(n).toBe(0);
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shequ-stale-'));
    fs.mkdirSync(path.join(dir, 'pglite'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pglite', 'shequ.lock'), '999999');
    const db = await openDatabase({ dataDir: dir, inMemory: false, poolSize: 1 });
    expect((await db.query<{ one: number }>('SELECT 1 AS one'))[0].one).toBe(1);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
