import { sql, type SQL } from 'drizzle-orm';

/** A PostgreSQL array literal as one bound parameter (works the same on PGlite and node-postgres). */
export function arrayParam(values: readonly string[], type: 'text' | 'uuid' | 'ltree' = 'text'): SQL {
  const literal = `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  return sql`${literal}::${sql.raw(type)}[]`;
}

/** Runs raw SQL through Drizzle and returns its rows (the result shape is the same on both drivers). */
export async function rowsOf<T>(db: { execute: (q: SQL) => Promise<unknown> }, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as { rows: T[] };
  return res.rows;
}
