/** Every table, for Drizzle and drizzle-kit. Each module owns its *.table.ts. */
export * from '../modules/regions/regions.table';
export * from '../modules/accounts/accounts.table';
export * from '../modules/auth/sessions.table';
export * from '../modules/audit/audit.table';
export * from '../modules/buildings/buildings.table';
export * from '../modules/households/households.table';
export * from '../modules/residents/residents.table';
export * from '../modules/care/care.table';
export * from '../modules/imports/imports.table';
export * from '../modules/jobs/jobs.table';
export * from '../modules/security/security.table';
export * from '../modules/organisations/organisations.table';
export * from '../modules/cadres/cadres.table';
export * from '../modules/fourhaves/fourhaves.table';
export * from '../modules/projects/projects.table';
export * from '../modules/awards/awards.table';
export * from '../modules/elections/elections.table';
