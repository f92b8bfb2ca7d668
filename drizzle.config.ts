import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every module's tables (each module owns its *.table.ts; its manifest lists them).
  schema: './server/modules/*/*.table.ts',
  out: './server/db/migrations',
});
