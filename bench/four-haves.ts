/**
 * Four-haves benchmark (issue 15): the funding ledger at N entries of its own kind, and the reads that the
 * 四有 status, the ledger page and its export run on it — the same repository code the routes run.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/four-haves.ts --entries 1000000
 *   options: --runs 7 --fresh (rebuild the ledger)
 *
 * The ledger is built in SQL (generate_series) in a database of its own, `shequ_bench_fourhaves_<N>` on the
 * server of DATABASE_URL: N entries over the demo city's nine communities and ten years (budgets,
 * allocations by source, spendings with vouchers). The bench times, median and p95 over the runs:
 *   - status: the funding totals of all nine communities for one year (what GET /api/four-haves sums);
 *   - ledger: one community's entries of one year (GET /api/funding?communityId&year, and its export);
 *   - all years: one community's totals over every year (the ledger's balance without a year).
 *
 * Prints a table and writes JSON to bench/results/four-haves-pg-<N>.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../server/db/client';
import { seedRegions } from '../server/db/seed';
import { FourHavesRepository } from '../server/modules/fourhaves/fourhaves.repository';

const { values: args } = parseArgs({
  options: { entries: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '7' }, fresh: { type: 'boolean', default: false } },
});
const entries = Number(args.entries);
const runs = Number(args.runs);
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `shequ_bench_fourhaves_${entries}`;
const root = path.resolve(import.meta.dirname, '..');
const YEARS = 10;
const LAST_YEAR = 2026;

async function ensureDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
}

/** N ledger entries over the communities and years; returns seconds spent (0 when reused). */
async function buildLedger(database: Database, communityIds: string[]): Promise<number> {
  const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM funding_entries');
  if (n >= entries && !args.fresh) return 0;
  const started = performance.now();
  await database.query('DELETE FROM funding_entries');
  // Entry g: community g % 9, year by g / 9 % 10; one in ten a budget, four in ten allocations (five sources), half spendings.
  await database.query(
    `INSERT INTO funding_entries (community_id, year, kind, source, amount_fen, entry_date, description, voucher)
     SELECT ($1::uuid[])[1 + g % 9], ${LAST_YEAR - YEARS + 1} + (g / 9) % ${YEARS},
            CASE WHEN g % 10 = 0 THEN 'budget' WHEN g % 10 < 5 THEN 'allocation' ELSE 'spending' END,
            CASE WHEN g % 10 BETWEEN 1 AND 4 THEN (ARRAY['city', 'street', 'unit', 'self', 'reward'])[1 + g % 5] END,
            1000 + (g::bigint * 7919) % 5000000,
            make_date(${LAST_YEAR - YEARS + 1} + (g / 9) % ${YEARS}, 1 + g % 12, 1 + g % 28),
            '经费条目 ' || g,
            CASE WHEN g % 10 >= 5 THEN 'PZ-' || g END
     FROM generate_series(0, $2 - 1) g`,
    [`{${communityIds.join(',')}}`, entries],
  );
  await database.query('ANALYZE funding_entries');
  return (performance.now() - started) / 1000;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number) => Math.round(x * 10) / 10;

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm the cache and the plan
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

async function main() {
  const url = await ensureDatabase();
  const database = await openDatabase({ databaseUrl: url, dataDir: '', inMemory: false, poolSize: 4 });
  await migrateDatabase(database);
  const [{ n: regionCount }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
  if (regionCount === 0) await seedRegions(database.db);
  const communities = (await database.query<{ id: string }>(`SELECT id FROM regions WHERE level = 'community' ORDER BY path`)).map((r) => r.id);
  const buildSeconds = await buildLedger(database, communities);
  const repo = new FourHavesRepository(database.db);

  let ledgerRows = 0;
  const results = {
    status: await time(() => repo.fundingTotals(communities, [LAST_YEAR])),
    ledger: await time(async () => {
      ledgerRows = (await repo.fundingEntriesOf([communities[0]!], LAST_YEAR)).length;
    }),
    allYears: await time(() => repo.fundingTotals([communities[0]!], null)),
  };
  const [{ size }] = await database.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('funding_entries')) AS size`);

  const table = Object.entries(results).map(([name, xs]) => ({ question: name, median_ms: round(pct(xs, 50)), p95_ms: round(pct(xs, 95)) }));
  console.log(`funding entries: ${entries.toLocaleString()} (built in ${round(buildSeconds)} s; table with indexes ${size}); ledger page rows: ${ledgerRows}`);
  console.table(table);
  const out = path.join(root, 'bench/results', `four-haves-pg-${entries}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ entries, runs, buildSeconds, size, ledgerRows, results: table, at: new Date().toISOString() }, null, 2));
  await database.close();
}

await main();
