/** Every table, for Drizzle and drizzle-kit. Each module owns its *.table.ts. */
export * from '../modules/regions/regions.table';
export * from '../modules/accounts/accounts.table';
export * from '../modules/auth/sessions.table';
export * from '../modules/audit/audit.table';
