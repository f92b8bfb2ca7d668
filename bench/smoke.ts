/**
 * CI's benchmark smoke run: the benchmark scripts at a small scale, so that they keep working. It checks
 * that each one finishes and writes its results; the numbers are printed, never asserted (a shared CI
 * machine's timings are not evidence).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/smoke.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCALE = 10_000;

function run(args: string[], env: Record<string, string | undefined>) {
  console.log(`\n$ npx tsx ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${args[0]} exited with ${r.status ?? r.signal}`);
}

function resultOf(file: string): Record<string, unknown> {
  const full = path.join(root, 'bench/results', file);
  if (!fs.existsSync(full)) throw new Error(`${file} was not written`);
  return JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown>;
}

async function dropBenchDatabase() {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS shequ_bench_${SCALE} WITH (FORCE)`);
  await admin.end();
}

try {
  run(['bench/registry.ts', '--scale', String(SCALE), '--db', 'pg', '--runs', '20', '--duration', '2', '--fresh'], { BENCH_PG: server });
  const registry = resultOf(`registry-pg-${SCALE}.json`) as { residents: number; latency: unknown[]; load: unknown[] };
  if (registry.residents < SCALE * 0.99 || registry.latency.length < 6 || registry.load.length < 3) throw new Error('registry results are incomplete');
  // The profile of one endpoint on the same database (it prints, writes no JSON: its exit is the check).
  run(['bench/profile.ts', '--scale', String(SCALE), '--duration', '2', '--top', '5'], { BENCH_PG: server });
  run(['bench/import.ts', '--rows', '2000'], { DATABASE_URL: server });
  const imported = resultOf('import-postgres-2000.json') as { xlsx?: unknown; csv?: unknown; rawCopy?: unknown };
  if (!imported.xlsx || !imported.csv || !imported.rawCopy) throw new Error('import results are incomplete');
  console.log('\nbench smoke: registry, profile and import benchmarks ran (registry and import wrote their results)');
} finally {
  await dropBenchDatabase();
}
