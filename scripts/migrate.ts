// npm run db:migrate: apply pending migrations to PGlite in DATA_DIR, or to DATABASE_URL.
import { loadConfig } from '../server/config';
import { migrateDatabase, openDatabase } from '../server/db/client';

const config = loadConfig();
const database = await openDatabase(config);
await migrateDatabase(database);
await database.close();
console.log(`Migrations applied (${database.kind}).`);
