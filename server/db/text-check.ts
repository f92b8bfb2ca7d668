import type { Database } from './client';

/** One stored row with U+FFFD (the replacement character a broken decoder leaves) in some of its columns. */
export interface DamagedText {
  table: string;
  /** The row's primary key as text (several key columns joined with "/"). */
  id: string;
  communityId: string | null;
  /** The community's name, when the row carries a community. */
  community: string | null;
  columns: string[];
}

/** Append-only copies of other rows: their damage is repaired at the source, never here. */
const SKIPPED_TABLES = new Set(['audit_log']);
const TEXT_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb'];

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Lists stored text that holds U+FFFD, in every text (and JSON) column of every table of the
 * application's schema, read from information_schema so that tables added later are covered. Before
 * the import read .xlsx with a streaming UTF-8 decoder, characters cut at chunk boundaries were stored
 * this way; the rows found are to be corrected or imported again.
 */
export async function findDamagedText(database: Database): Promise<DamagedText[]> {
  const columns = await database.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.data_type = ANY($1::text[])
      ORDER BY c.table_name, c.ordinal_position`,
    [TEXT_TYPES],
  );
  const keys = await database.query<{ table_name: string; column_name: string }>(
    `SELECT k.table_name, k.column_name
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
      WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
      ORDER BY k.table_name, k.ordinal_position`,
  );
  const communityTables = new Set(
    (
      await database.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'community_id'`,
      )
    ).map((r) => r.table_name),
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) {
    if (SKIPPED_TABLES.has(c.table_name)) continue;
    byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  }

  const found: DamagedText[] = [];
  for (const [table, cols] of byTable) {
    const keyCols = keys.filter((k) => k.table_name === table).map((k) => k.column_name);
    const id = keyCols.length ? keyCols.map((k) => `t.${ident(k)}::text`).join(` || '/' || `) : 't.ctid::text';
    const has = (c: string) => `strpos(t.${ident(c)}::text, chr(65533)) > 0`;
    const community = communityTables.has(table) ? 't.community_id::text' : 'NULL::text';
    const rows = await database.query<{ id: string; community_id: string | null; columns: string[] }>(
      `SELECT ${id} AS id, ${community} AS community_id,
              array_remove(ARRAY[${cols.map((c) => `CASE WHEN ${has(c)} THEN '${c.replace(/'/g, "''")}' END`).join(', ')}]::text[], NULL) AS columns
         FROM ${ident(table)} t
        WHERE ${cols.map(has).join(' OR ')}
        ORDER BY 1`,
    );
    for (const r of rows) found.push({ table, id: r.id, communityId: r.community_id, community: null, columns: r.columns });
  }

  const communityIds = [...new Set(found.map((f) => f.communityId).filter((c): c is string => !!c))];
  if (communityIds.length) {
    const names = await database.query<{ id: string; name: string }>(`SELECT id::text AS id, name FROM regions WHERE id::text = ANY($1::text[])`, [
      communityIds,
    ]);
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    for (const f of found) f.community = f.communityId ? (nameOf.get(f.communityId) ?? null) : null;
  }
  return found;
}
