import { sql, type SQL } from 'drizzle-orm';

/** A PostgreSQL array literal as one bound parameter, NULLs allowed (works the same on PGlite and node-postgres). */
export function arrayParam(values: readonly (string | null)[], type: 'text' | 'uuid' | 'ltree' | 'date' = 'text'): SQL {
  const literal = `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
  return sql`${literal}::${sql.raw(type)}[]`;
}

/** Escapes LIKE wildcards in user text (the default escape character is the backslash). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Runs raw SQL through Drizzle and returns its rows (the result shape is the same on both drivers). */
export async function rowsOf<T>(db: { execute: (q: SQL) => Promise<unknown> }, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as { rows: T[] };
  return res.rows;
}

/** A unique-index violation (23505) from either driver, optionally of one index; Drizzle may wrap it in `cause`. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } } | undefined;
  const pgError = e?.code === '23505' ? e : e?.cause;
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}
