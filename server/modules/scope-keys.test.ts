import { getTableName } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/sql';
import { sql } from '../db/client';
import { createTestApp, type TestApp } from '../test/app';
import { MODULES } from '.';
import { REKEYED_TABLES } from './redivision/redivision.repository';

let t: TestApp;
let columns: { table: string; column: string; type: string }[];
beforeAll(async () => {
  t = await createTestApp({ seed: 'none' });
  columns = await rowsOf(
    t.database.db,
    sql`SELECT table_name AS "table", column_name AS "column", udt_name AS "type" FROM information_schema.columns
         WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
});
afterAll(() => t.close());

const owners = () => new Map(MODULES.flatMap((m) => m.tables.map((table) => [getTableName(table), m] as const)));
/** A column that ties a row to a place in the region tree. */
const isRegionColumn = (c: { column: string; type: string }) => /(^|_)(community|grid|region)_id$/.test(c.column) || c.type === 'ltree';

describe('the module manifests', () => {
  it('give every table of the migrated database exactly one owning module', () => {
    const tables = [...new Set(columns.map((c) => c.table))];
    const declared = MODULES.flatMap((m) => m.tables.map(getTableName));
    expect(declared.length, 'a table is declared by two modules').toBe(new Set(declared).size);
    expect(tables.filter((table) => !owners().has(table))).toEqual([]);
    expect(declared.filter((table) => !tables.includes(table))).toEqual([]);
  });

  it('say how every table with a community, grid or region column follows a re-division', () => {
    const keyed = [...new Set(columns.filter(isRegionColumn).map((c) => c.table))];
    const undeclared = keyed.filter((table) => !owners().get(table)?.scopeKeys?.[table]);
    expect(undeclared, 'declare these in their module manifest (scopeKeys): rekeyed, history, reference or derived').toEqual([]);
    expect(keyed.length).toBeGreaterThan(5);
  });

  it('declare as re-keyed exactly the tables the re-division rewrites', () => {
    const rekeyed = MODULES.flatMap((m) =>
      Object.entries(m.scopeKeys ?? {})
        .filter(([, kind]) => kind === 'rekeyed')
        .map(([table]) => table),
    );
    expect(rekeyed.sort()).toEqual([...REKEYED_TABLES].sort());
  });

  it('declare scope keys only for tables they own', () => {
    for (const m of MODULES) for (const table of Object.keys(m.scopeKeys ?? {})) expect(owners().get(table)?.name, table).toBe(m.name);
  });
});
