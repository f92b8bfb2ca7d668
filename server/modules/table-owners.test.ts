import { getTableName, isTable } from 'drizzle-orm';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModuleManifest } from './module';
import { MODULES } from '.';

/**
 * One owner per table (docs/architecture.md): only the module whose manifest lists a table writes it; the
 * others call its service. This test reads the server modules' sources and finds every write — Drizzle's
 * `.insert(t)`, `.update(t)`, `.delete(t)` on an imported table, and raw SQL `INSERT INTO`, `UPDATE`,
 * `DELETE FROM` naming a table or interpolating one — and fails on a write to another module's table that
 * is not listed below with its reason. Tests, factories, matrix fixtures, benchmarks and the bootstrap wire data themselves
 * and are not read.
 */
const EXCEPTIONS: Record<string, { tables: string[]; reason: string }> = {
  'server/modules/redivision/redivision.repository.ts': {
    tables: ['buildings', 'care_records', 'households', 'residents'],
    reason:
      'A re-division moves a grid or building to another community and rewrites the scope keys (community_id, ' +
      'grid_id) of every table declared `rekeyed`, set-based, in one transaction (REKEYED_TABLES; scope-keys.test.ts ' +
      'checks that list against the manifests). Only the key columns change (and version), never what the ' +
      'owners’ rules decide; the grid itself is re-parented by RegionsService.',
  },
};

const root = path.resolve(import.meta.dirname, '../..');
const modulesDir = path.join(root, 'server/modules');
const SKIPPED = /\.(test|factory|fixtures|bench|bootstrap)\.ts$/;
const IDENT = '[A-Za-z_$][\\w$]*';

/** One write found in a source: the verb and the table's SQL name. */
interface Write {
  verb: 'insert' | 'update' | 'delete';
  table: string;
}

/** Removes comments, so that prose about an UPDATE is not read as one. */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/**
 * The writes in `source`. `tableOf` turns an identifier imported in the file into a table's SQL name (or
 * undefined when it is no table); `known` is every table's SQL name, for raw SQL naming it.
 */
function writesIn(source: string, tableOf: (ident: string) => string | undefined, known: Set<string>): Write[] {
  const code = withoutComments(source);
  const found: Write[] = [];
  for (const m of code.matchAll(new RegExp(`\\.(insert|update|delete)\\(\\s*(${IDENT})\\s*\\)`, 'g'))) {
    const table = tableOf(m[2]);
    if (table) found.push({ verb: m[1] as Write['verb'], table });
  }
  const verbs = { 'INSERT INTO': 'insert', UPDATE: 'update', 'DELETE FROM': 'delete' } as const;
  for (const m of code.matchAll(new RegExp(`\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(?:\\$\\{\\s*(${IDENT})\\s*\\}|([a-z_][a-z0-9_]*)\\b)`, 'g'))) {
    const verb = verbs[m[1].replace(/\s+/, ' ') as keyof typeof verbs];
    const table = m[2] ? tableOf(m[2]) : known.has(m[3]) ? m[3] : undefined;
    if (table) found.push({ verb, table });
  }
  return found;
}

/** The table objects a source imports from `*.table` files, by the local name it gives them. */
async function importedTables(file: string, source: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'([^']+\.table)(?:\.js)?'/g)) {
    const exports = (await import(pathToFileURL(path.resolve(path.dirname(file), `${m[2]}.ts`)).href)) as Record<string, unknown>;
    for (const spec of m[1].split(',')) {
      const [name, local = name] = spec
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)
        .map((s) => s.trim());
      const value = exports[name];
      if (name && isTable(value)) out.set(local, getTableName(value));
    }
  }
  return out;
}

let owners: Map<string, string>;
let moduleOfDir: Map<string, string>;
let found: { file: string; module: string; write: Write; owner: string }[];

beforeAll(async () => {
  owners = new Map(MODULES.flatMap((m) => m.tables.map((t) => [getTableName(t), m.name] as const)));
  // A module's folder is the one whose *.module.ts exports its manifest.
  moduleOfDir = new Map();
  const dirs = readdirSync(modulesDir, { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const d of dirs)
    for (const f of readdirSync(path.join(modulesDir, d.name)).filter((f) => f.endsWith('.module.ts'))) {
      const exports = (await import(pathToFileURL(path.join(modulesDir, d.name, f)).href)) as Record<string, unknown>;
      for (const value of Object.values(exports)) if (MODULES.includes(value as ModuleManifest)) moduleOfDir.set(d.name, (value as ModuleManifest).name);
    }
  found = [];
  const known = new Set(owners.keys());
  for (const d of dirs) {
    const module = moduleOfDir.get(d.name);
    if (!module) continue;
    for (const f of readdirSync(path.join(modulesDir, d.name), { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts') || SKIPPED.test(f)) continue;
      const file = path.join(modulesDir, d.name, f);
      const source = readFileSync(file, 'utf8');
      const tables = await importedTables(file, source);
      for (const write of writesIn(source, (ident) => tables.get(ident), known))
        found.push({ file: path.relative(root, file), module, write, owner: owners.get(write.table)! });
    }
  }
});

describe('one owner per table (the sources)', () => {
  it('finds Drizzle and raw SQL writes, and leaves reads, locks and comments alone', () => {
    const tables = new Map([
      ['users', 'users'],
      ['hist', 'password_history'],
    ]);
    const source = [
      `await tx.update(users).set({ a: 1 });`,
      `await db.insert(hist).values(row);`,
      'await tx.execute(sql`DELETE FROM ${hist} WHERE id = 1`);',
      'await tx.execute(sql`UPDATE residents r SET x = 1`);',
      'await tx.execute(sql`INSERT INTO care_records (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 2`);',
      `await db.select().from(users).where(x).for('update');`,
      `cache.delete(key); hash.update(text);`,
      `// an UPDATE residents in a comment`,
      `/** DELETE FROM residents, in prose */`,
    ].join('\n');
    const known = new Set(['users', 'password_history', 'residents', 'care_records']);
    expect(writesIn(source, (i) => tables.get(i), known)).toEqual([
      { verb: 'update', table: 'users' },
      { verb: 'insert', table: 'password_history' },
      { verb: 'delete', table: 'password_history' },
      { verb: 'update', table: 'residents' },
      { verb: 'insert', table: 'care_records' },
    ]);
  });

  it('reads every module’s folder and finds each module writing its own tables', () => {
    expect(moduleOfDir.size).toBe(MODULES.length);
    const own = found.filter((f) => f.owner === f.module);
    for (const table of ['users', 'sessions', 'residents', 'households', 'care_records', 'resident_moves'])
      expect(
        own.some((f) => f.write.table === table),
        table,
      ).toBe(true);
  });

  it('finds no module writing another module’s table, except the listed ones', () => {
    const foreign = new Map<string, Set<string>>();
    for (const f of found.filter((f) => f.owner !== f.module)) foreign.set(f.file, (foreign.get(f.file) ?? new Set()).add(f.write.table));
    const actual = Object.fromEntries([...foreign].map(([file, tables]) => [file, [...tables].sort()]));
    const allowed = Object.fromEntries(Object.entries(EXCEPTIONS).map(([file, e]) => [file, [...e.tables].sort()]));
    expect(actual, 'write through the owner’s service, or list the file in EXCEPTIONS with the reason').toEqual(allowed);
  });
});
