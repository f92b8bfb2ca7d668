import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { sql, type Db } from './client';
import { rowsOf } from './sql';
import { currentDb, outsideTransaction, transaction } from './transaction';

/** A repository as the modules write them: it holds the app's `db` and takes no transaction argument. */
class ProbeRepository {
  constructor(private readonly db: Db) {}
  async insert(n: number) {
    await this.db.execute(sql`INSERT INTO tx_probe (n) VALUES (${n})`);
  }
  async all(): Promise<number[]> {
    return (await rowsOf<{ n: number }>(this.db, sql`SELECT n FROM tx_probe ORDER BY n`)).map((r) => r.n);
  }
}

let t: TestApp;
let db: Db;
let repo: ProbeRepository;
/** The committed rows, read on a connection of its own (PostgreSQL only: PGlite has one, held by a transaction). */
const committed = async () => (await t.database.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n')).map((r) => r.n);

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  repo = new ProbeRepository(db);
  await t.database.query('CREATE TABLE tx_probe (n int NOT NULL)');
});
afterAll(() => t.close());

describe('transaction()', () => {
  it('runs a repository call made inside it, without passing anything, in the transaction, and rolls it back with it', async () => {
    await t.database.query('DELETE FROM tx_probe');
    const failed = transaction(db, async () => {
      await repo.insert(1);
      expect(await repo.all()).toEqual([1]); // the uncommitted row, seen through the same handle
      if (t.database.kind === 'postgres') expect(await committed()).toEqual([]); // not committed yet
      throw new Error('undo');
    });
    await expect(failed).rejects.toThrow('undo');
    expect(await repo.all()).toEqual([]);

    await transaction(db, () => repo.insert(2));
    expect(await committed()).toEqual([2]);
  });

  it('leaves a call outside it on the root database, committed at once', async () => {
    await t.database.query('DELETE FROM tx_probe');
    expect(currentDb(db)).not.toBe(db); // the raw Drizzle database behind the context-aware one
    const root = currentDb(db);
    await transaction(db, async () => expect(currentDb(db)).not.toBe(root));
    expect(currentDb(db)).toBe(root);
    await repo.insert(3);
    expect(await committed()).toEqual([3]);
  });

  it('reuses the running transaction when nested: the outer one commits or rolls back everything', async () => {
    await t.database.query('DELETE FROM tx_probe');
    const failed = transaction(db, async () => {
      const outer = currentDb(db);
      await repo.insert(4);
      await transaction(db, async () => {
        expect(currentDb(db)).toBe(outer);
        await repo.insert(5);
      });
      // Drizzle's own db.transaction() joins it too instead of waiting for a second connection.
      await db.transaction(async (tx) => {
        expect(tx).toBe(outer);
        await repo.insert(6);
      });
      expect(await repo.all()).toEqual([4, 5, 6]);
      throw new Error('undo');
    });
    await expect(failed).rejects.toThrow('undo');
    expect(await repo.all()).toEqual([]);
  });

  it('sends work that outlives its transaction, or runs outside it on purpose, to the root database', async () => {
    await t.database.query('DELETE FROM tx_probe');
    const root = currentDb(db);
    let later: Promise<Db> | undefined;
    await transaction(db, async () => {
      expect(outsideTransaction(() => currentDb(db))).toBe(root);
      // A timer started inside: by the time it fires the transaction is over.
      later = new Promise((resolve) => setTimeout(() => resolve(currentDb(db)), 0));
    });
    expect(await later).toBe(root);
  });
});
