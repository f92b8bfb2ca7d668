// npm run db:seed [-- --residents N --seed S --reset]: generate the demo city (deterministic from the seed).
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { migrateDatabase, openDatabase } from '../server/db/client';
import { seedDemo } from '../server/db/seed';
import '../server/db/seed/steps';

const { values } = parseArgs({ options: { residents: { type: 'string' }, seed: { type: 'string' }, reset: { type: 'boolean' } } });
const config = loadConfig();
const database = await openDatabase(config);
const started = Date.now();
if (values.reset) {
  // One statement per call: PGlite prepares each query and refuses several at once.
  for (const statement of ['DROP SCHEMA public CASCADE', 'CREATE SCHEMA public', 'DROP SCHEMA IF EXISTS drizzle CASCADE']) await database.query(statement);
}
await migrateDatabase(database);
const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
if (n > 0) {
  console.error('The database already holds data. Run with --reset to wipe it and seed again.');
  await database.close();
  process.exit(2);
}
await seedDemo(database, config, { residents: values.residents ? Number(values.residents) : undefined, seed: values.seed ? Number(values.seed) : undefined });
console.log(`Demo city seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.kind}).`);
await database.close();
