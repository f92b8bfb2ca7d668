import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, escapeLike, rowsOf } from '../../db/sql';
import { scopeSql, selfSql, type DataScope, type SelfScope } from '../../lib/scope';
import type { ImportColumnKey, ResidentRowValue } from '../../../shared/domain/resident-row';
import type { Keyset, QueryKind, ResidentSort } from './residents.search';
import { residentMoves, residents } from './residents.table';

export type ResidentRow = typeof residents.$inferSelect;
export type NewResident = typeof residents.$inferInsert;

/** A resolved search: every filter already checked against the actor by the service. */
export interface ResidentSearch {
  /** The actor's data scope (always applied). */
  scope: DataScope;
  q?: QueryKind;
  /** Blind index of the searched ID number (q.kind === 'id_exact'). */
  idHash?: string;
  communityId?: string;
  gridId?: string;
  /** Only residents waiting for a grid (grid_id IS NULL). */
  unplaced?: boolean;
  /** A street or city: communities under this ltree path. */
  regionPath?: string;
  /** Only residents with a current record in the group, inside the scope of the group's read permission. */
  care?: { group: string; scope: DataScope };
  bornOnOrBefore?: string;
  bornAfter?: string;
  sex?: 'M' | 'F';
  residenceType?: string;
  /** undefined = every status */
  status?: string;
}

/** One row of a search, with display joins. */
export interface ResidentHit {
  id: string;
  name: string;
  namePinyin: string;
  idMasked: string;
  phone: string | null;
  birthDate: string;
  sex: 'M' | 'F';
  ethnicity: string;
  residenceType: string;
  status: string;
  relationToHead: string | null;
  communityId: string;
  communityName: string | null;
  gridId: string;
  gridName: string | null;
  householdId: string | null;
  address: string | null;
  createdAt: string;
  /** Only when asked for (export with reveal). */
  idCipher?: Buffer | Uint8Array;
}

const SORT_EXPR: Record<ResidentSort, SQL> = {
  name: sql`r.name_pinyin COLLATE "C"`,
  birthDate: sql`r.birth_date`,
  createdAt: sql`r.created_at`,
};

/** The keyset value of a hit in a sort order (what the cursor carries). */
export function sortValue(hit: ResidentHit, sort: ResidentSort): string {
  return sort === 'name' ? hit.namePinyin : sort === 'birthDate' ? hit.birthDate : hit.createdAt;
}

/**
 * The filters other than the scope and the search text. Those on `status`, `community_id` and `grid_id`
 * use alias `a` (residents or resident_name_keys, which carries them); the rest need the residents row.
 */
function keyedFilters(s: ResidentSearch, a: string): SQL[] {
  const t = sql.raw(a);
  const w: SQL[] = [];
  if (s.status) w.push(sql`${t}.status = ${s.status}`);
  if (s.communityId) w.push(sql`${t}.community_id = ${s.communityId}::uuid`);
  if (s.gridId) w.push(sql`${t}.grid_id = ${s.gridId}::uuid`);
  if (s.unplaced) w.push(sql`${t}.grid_id IS NULL`);
  if (s.regionPath) w.push(sql`${t}.community_id IN (SELECT id FROM regions WHERE level = 'community' AND path <@ ${s.regionPath}::ltree)`);
  return w;
}

function rowFilters(s: ResidentSearch): SQL[] {
  const w: SQL[] = [];
  if (s.sex) w.push(sql`r.sex = ${s.sex}`);
  if (s.residenceType) w.push(sql`r.residence_type = ${s.residenceType}`);
  if (s.bornOnOrBefore) w.push(sql`r.birth_date <= ${s.bornOnOrBefore}::date`);
  if (s.bornAfter) w.push(sql`r.birth_date > ${s.bornAfter}::date`);
  if (s.care) {
    w.push(scopeSql(s.care.scope, 'r'));
    w.push(
      sql`EXISTS (SELECT 1 FROM care_records cr WHERE cr.resident_id = r.id AND cr.group_type = ${s.care.group} AND (cr.end_date IS NULL OR cr.end_date >= current_date))`,
    );
  }
  return w;
}

/** The name-key walk of a name fragment: one key, and a re-check of the name when the fragment is longer. */
function nameKey(fragment: string): { key: string; recheck?: SQL } {
  if (fragment.length <= 2) return { key: fragment };
  return { key: fragment.slice(0, 2), recheck: sql`r.name LIKE ${`%${escapeLike(fragment)}%`}` };
}

/** Names containing a fragment, as a predicate on `r` (for sorts other than by name, and for exports). */
function nameMatches(fragment: string): SQL {
  const { key, recheck } = nameKey(fragment);
  const keyed = sql`r.id IN (SELECT k.resident_id FROM resident_name_keys k WHERE k.key = ${key})`;
  return recheck ? sql`(${keyed} AND ${recheck})` : keyed;
}

/** Pinyin keys are prefixes of the initials of two to eight letters (migration 0007). */
const MAX_INITIALS_KEY = 8;

/**
 * Pinyin by full-pinyin or initials prefix. Both start with the query's first letter, so the range of that
 * letter bounds a walk in pinyin order (without it the planner walks from "a" to find the "z" names).
 */
function pinyinMatches(q: string): SQL {
  // One letter: every name whose pinyin starts with it, which are exactly those whose initials do.
  if (q.length === 1) return firstLetterRange(q);
  const like = `${escapeLike(q)}%`;
  return sql`(${firstLetterRange(q)} AND (r.name_pinyin LIKE ${like} OR r.name_initials LIKE ${like}))`;
}

function firstLetterRange(q: string): SQL {
  const next = String.fromCharCode(q.charCodeAt(0) + 1);
  return sql`r.name_pinyin COLLATE "C" >= ${q[0]} AND r.name_pinyin COLLATE "C" < ${next}`;
}

function textFilter(s: ResidentSearch): SQL | null {
  if (!s.q) return null;
  const v = s.q.value;
  const address = sql`r.household_id IN (SELECT id FROM households WHERE address ILIKE ${`%${escapeLike(v)}%`})`;
  switch (s.q.kind) {
    case 'name':
      return nameMatches(v);
    case 'name_or_address':
      return sql`(${nameMatches(v)} OR ${address})`;
    case 'pinyin':
      return pinyinMatches(v);
    case 'id_suffix':
      return sql`r.id_tail_rev LIKE ${`${v.split('').reverse().join('')}%`}`;
    case 'id_exact':
      return s.idHash ? sql`r.id_hash = ${s.idHash}` : sql`FALSE`;
    case 'phone':
      return sql`r.phone LIKE ${`${escapeLike(v)}%`}`;
    case 'phone_exact':
      return sql`r.phone = ${v}`;
    case 'address':
      return address;
  }
}

function whereOf(s: ResidentSearch): SQL {
  const text = textFilter(s);
  return sql.join([scopeSql(s.scope, 'r'), ...keyedFilters(s, 'r'), ...rowFilters(s), ...(text ? [text] : [])], sql` AND `);
}

/**
 * A name or pinyin search as ordered ranges that each already run in pinyin order: the name-key range
 * (characters, pairs, initials prefixes) and, for pinyin, the full-pinyin prefix range of residents not
 * already matched by their initials. Merged, they give the list's name order without sorting the matches.
 * `extra` adds a condition on (pinyin, id) to both (a keyset position).
 */
function keyedRanges(s: ResidentSearch, extra?: (pinyin: SQL, id: SQL) => SQL): SQL[] | null {
  if (!s.q || (s.q.kind !== 'name' && s.q.kind !== 'pinyin')) return null;
  const q = s.q.value;
  const walk = s.q.kind === 'name' ? nameKey(q) : q.length >= 2 && q.length <= MAX_INITIALS_KEY ? { key: q } : null;
  const ranges: SQL[] = [];
  if (walk) {
    const row = [...rowFilters(s), ...(walk.recheck ? [walk.recheck] : [])];
    const w = [sql`k.key = ${walk.key}`, scopeSql(s.scope, 'k'), ...keyedFilters(s, 'k'), ...row];
    if (extra) w.push(extra(sql`k.name_pinyin COLLATE "C"`, sql`k.resident_id`));
    ranges.push(sql`SELECT k.resident_id AS id, k.name_pinyin COLLATE "C" AS pinyin FROM resident_name_keys k
                ${row.length ? sql`JOIN residents r ON r.id = k.resident_id` : sql``}
               WHERE ${sql.join(w, sql` AND `)}`);
  }
  if (s.q.kind === 'pinyin') {
    const like = `${escapeLike(q)}%`;
    // Initials matches come from the key range; without one (one letter, or longer than any key) they are matched here.
    const match = walk ? sql`${firstLetterRange(q)} AND r.name_pinyin LIKE ${like} AND r.name_initials NOT LIKE ${like}` : pinyinMatches(q);
    const w = [match, scopeSql(s.scope, 'r'), ...keyedFilters(s, 'r'), ...rowFilters(s)];
    if (extra) w.push(extra(sql`r.name_pinyin COLLATE "C"`, sql`r.id`));
    ranges.push(sql`SELECT r.id, r.name_pinyin COLLATE "C" AS pinyin FROM residents r WHERE ${sql.join(w, sql` AND `)}`);
  }
  return ranges;
}

/** Queries on residents and their move history. Read-only joins to regions and households for display. */
/** A row ready for the database: a valid ledger row's columns, its derived identity columns and its placement. */
export type PreparedResident = Omit<ResidentRowValue, 'idNumber' | 'grid'> & {
  namePinyin: string;
  nameInitials: string;
  idCipherHex: string;
  idHash: string;
  idMasked: string;
  idTailRev: string;
  communityId: string;
  /** null: no grid could be told; the resident waits on the community's 待分配网格 list. */
  gridId: string | null;
};

/** A new or changed resident recorded as 户主 by a bulk upsert, for their household's head. */
export interface ImportedHead {
  residentId: string;
  householdId: string;
}

/** What a bulk upsert did. */
export interface BulkUpsertResult {
  inserted: number;
  updated: number;
  heads: ImportedHead[];
}

/**
 * Resident columns an import may set, by the spreadsheet column that carries them. A re-import only
 * updates the columns its file has; name and placement are always there (required columns).
 */
const UPDATABLE: { key: ImportColumnKey; columns: string[] }[] = [
  { key: 'name', columns: ['name', 'name_pinyin', 'name_initials'] },
  { key: 'grid', columns: ['community_id', 'grid_id'] },
  { key: 'ethnicity', columns: ['ethnicity'] },
  { key: 'phone', columns: ['phone'] },
  { key: 'education', columns: ['education'] },
  { key: 'politicalStatus', columns: ['political_status'] },
  { key: 'maritalStatus', columns: ['marital_status'] },
  { key: 'employmentStatus', columns: ['employment_status'] },
  { key: 'residenceType', columns: ['residence_type'] },
  { key: 'relationToHead', columns: ['relation_to_head'] },
  { key: 'notes', columns: ['notes'] },
];

/** Queries of the import feature, including its own batched resident upsert (one statement per batch). */
/** One entry of the move history (迁入、迁出、户内调整). */
export interface MoveRow {
  id: string;
  residentId: string;
  /** Given for a household's history, and only for a mover the reader may see. */
  residentName: string | null;
  moveType: string;
  fromHouseholdId: string | null;
  toHouseholdId: string | null;
  fromCommunityName: string | null;
  toCommunityName: string | null;
  effectiveDate: string;
  reason: string | null;
  createdAt: string;
}

export class ResidentsRepository {
  constructor(private readonly db: Db) {}

  /** A page of a search in keyset order (`after`) or by offset. */
  async search(
    s: ResidentSearch,
    opts: { sort: ResidentSort; order: 'asc' | 'desc'; limit: number; offset?: number; after?: Keyset; withCipher?: boolean },
  ): Promise<ResidentHit[]> {
    const dir = sql.raw(opts.order === 'asc' ? 'ASC' : 'DESC');
    const offset = opts.offset ?? 0;
    const after = (value: SQL, id: SQL): SQL => {
      const a = opts.after!;
      const v = opts.sort === 'name' ? sql`${a.value} COLLATE "C"` : opts.sort === 'birthDate' ? sql`${a.value}::date` : sql`${a.value}::timestamptz`;
      return sql`(${value}, ${id}) ${sql.raw(opts.order === 'asc' ? '>' : '<')} (${v}, ${a.id}::uuid)`;
    };
    const ranges = opts.sort === 'name' ? keyedRanges(s, opts.after ? after : undefined) : null;
    let from = sql`residents r`;
    let where = sql``;
    let order = sql`${SORT_EXPR[opts.sort]} ${dir}, r.id ${dir}`;
    if (ranges) {
      // Each range yields its first offset+limit rows in order; the merge keeps the page.
      const branch = (q: SQL) => sql`(${q} ORDER BY pinyin ${dir}, id ${dir} LIMIT ${offset + opts.limit})`;
      const parts = ranges.map(branch);
      from = sql`(${sql.join(parts, sql` UNION ALL `)}) m JOIN residents r ON r.id = m.id`;
      order = sql`m.pinyin ${dir}, m.id ${dir}`;
    } else {
      where = sql`WHERE ${whereOf(s)} ${opts.after ? sql`AND ${after(SORT_EXPR[opts.sort], sql`r.id`)}` : sql``}`;
    }
    return rowsOf<ResidentHit>(
      this.db,
      sql`SELECT r.id, r.name, r.name_pinyin AS "namePinyin", r.id_masked AS "idMasked", r.phone, r.birth_date::text AS "birthDate", r.sex,
                 r.ethnicity, r.residence_type AS "residenceType", r.status, r.relation_to_head AS "relationToHead",
                 r.community_id AS "communityId", c.name AS "communityName", r.grid_id AS "gridId", g.name AS "gridName",
                 r.household_id AS "householdId", h.address, to_json(r.created_at)#>>'{}' AS "createdAt"
                 ${opts.withCipher ? sql`, r.id_cipher AS "idCipher"` : sql``}
          FROM ${from}
          LEFT JOIN households h ON h.id = r.household_id
          LEFT JOIN regions c ON c.id = r.community_id
          LEFT JOIN regions g ON g.id = r.grid_id
          ${where}
          ORDER BY ${order}
          LIMIT ${opts.limit} OFFSET ${offset}`,
    );
  }

  /** Counts matches, stopping at `cap + 1` so that a huge result costs no more than the cap. */
  async countCapped(s: ResidentSearch, cap: number): Promise<number> {
    const ranges = keyedRanges(s);
    const parts = ranges ? ranges.map((q) => sql`(${q} LIMIT ${cap + 1})`) : [sql`(SELECT 1 FROM residents r WHERE ${whereOf(s)} LIMIT ${cap + 1})`];
    const rows = await rowsOf<{ n: number }>(this.db, sql`SELECT count(*)::int AS n FROM (${sql.join(parts, sql` UNION ALL `)}) s`);
    return Number(rows[0]?.n ?? 0);
  }

  async byId(id: string): Promise<ResidentRow | undefined> {
    const rows = await this.db.select().from(residents).where(eq(residents.id, id)).limit(1);
    return rows[0];
  }

  async byIdHash(idHash: string): Promise<ResidentRow | undefined> {
    const rows = await this.db.select().from(residents).where(eq(residents.idHash, idHash)).limit(1);
    return rows[0];
  }

  /** Display names of a community and a grid. */
  async regionNames(communityId: string, gridId: string | null): Promise<{ communityName: string | null; gridName: string | null }> {
    const rows = await rowsOf<{ id: string; name: string }>(
      this.db,
      sql`SELECT id, name FROM regions WHERE id IN (${communityId}::uuid, ${gridId ?? communityId}::uuid)`,
    );
    return { communityName: rows.find((r) => r.id === communityId)?.name ?? null, gridName: rows.find((r) => r.id === gridId)?.name ?? null };
  }

  /** A region's level and parent (to place a new resident in a grid). */
  async region(id: string): Promise<{ id: string; level: string; parentId: string | null; path: string } | undefined> {
    const rows = await rowsOf<{ id: string; level: string; parentId: string | null; path: string }>(
      this.db,
      sql`SELECT id, level, parent_id AS "parentId", path::text AS path FROM regions WHERE id = ${id}::uuid`,
    );
    return rows[0];
  }

  async household(id: string) {
    const rows = await rowsOf<{
      id: string;
      communityId: string;
      gridId: string;
      householdNumber: string | null;
      address: string;
      room: string | null;
      householdType: string;
      headResidentId: string | null;
    }>(
      this.db,
      sql`SELECT id, community_id AS "communityId", grid_id AS "gridId", household_number AS "householdNumber", address, room,
                 household_type AS "householdType", head_resident_id AS "headResidentId"
          FROM households WHERE id = ${id}::uuid`,
    );
    return rows[0];
  }

  /** Members of a household inside a scope. */
  /** The members of a resident's own household (the self scope's), in the household's community. */
  ownHouseholdMembers(self: SelfScope, communityId: string) {
    return rowsOf<{ id: string; name: string; sex: 'M' | 'F'; birthDate: string; relationToHead: string | null; status: string }>(
      this.db,
      sql`SELECT r.id, r.name, r.sex, r.birth_date::text AS "birthDate", r.relation_to_head AS "relationToHead", r.status
          FROM residents r WHERE ${selfSql(self, { household: 'r.household_id' })} AND r.community_id = ${communityId}::uuid
          ORDER BY (r.relation_to_head = 'head') DESC, r.birth_date, r.id`,
    );
  }

  householdMembers(householdId: string, scope: DataScope) {
    return rowsOf<{ id: string; name: string; sex: 'M' | 'F'; birthDate: string; relationToHead: string | null; status: string }>(
      this.db,
      sql`SELECT r.id, r.name, r.sex, r.birth_date::text AS "birthDate", r.relation_to_head AS "relationToHead", r.status
          FROM residents r WHERE r.household_id = ${householdId}::uuid AND ${scopeSql(scope, 'r')}
          ORDER BY (r.relation_to_head = 'head') DESC, r.birth_date, r.id`,
    );
  }

  /**
   * The move history: of one resident (oldest first), or into and out of one household (newest first, 500 at
   * most), where a mover's name is given only when `people` covers them now.
   */
  moves(of: { residentId: string } | { householdId: string; people: DataScope }): Promise<MoveRow[]> {
    const household = 'householdId' in of;
    const where = household
      ? sql`m.from_household_id = ${of.householdId}::uuid OR m.to_household_id = ${of.householdId}::uuid`
      : sql`m.resident_id = ${of.residentId}::uuid`;
    return rowsOf<MoveRow>(
      this.db,
      sql`SELECT m.id, m.resident_id AS "residentId", ${household ? sql`CASE WHEN ${scopeSql(of.people, 'r')} THEN r.name END` : sql`NULL::text`} AS "residentName",
                 m.move_type AS "moveType", m.from_household_id AS "fromHouseholdId", m.to_household_id AS "toHouseholdId",
                 fc.name AS "fromCommunityName", tc.name AS "toCommunityName", m.effective_date::text AS "effectiveDate", m.reason,
                 to_json(m.created_at)#>>'{}' AS "createdAt"
          FROM resident_moves m
          ${household ? sql`LEFT JOIN residents r ON r.id = m.resident_id` : sql``}
          LEFT JOIN regions fc ON fc.id = m.from_community_id
          LEFT JOIN regions tc ON tc.id = m.to_community_id
          WHERE ${where}
          ${household ? sql`ORDER BY m.effective_date DESC, m.created_at DESC, m.id LIMIT 500` : sql`ORDER BY m.effective_date, m.created_at`}`,
    );
  }

  async insert(row: NewResident): Promise<ResidentRow> {
    const [r] = await this.db.insert(residents).values(row).returning();
    return r;
  }

  /** Updates when the version matches; undefined on a stale version. */
  async update(id: string, version: number, patch: Partial<NewResident>): Promise<ResidentRow | undefined> {
    const rows = await this.db
      .update(residents)
      .set({ ...patch, version: sql`${residents.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(residents.id, id), eq(residents.version, version)))
      .returning();
    return rows[0];
  }

  /** Puts residents into a household (its community and grid follow); a relation per resident when given. */
  async placeInHousehold(place: { householdId: string; communityId: string; gridId: string }, people: { id: string; relationToHead?: string | null }[]) {
    for (const p of people) {
      await this.db
        .update(residents)
        .set({
          householdId: place.householdId,
          communityId: place.communityId,
          gridId: place.gridId,
          ...(p.relationToHead !== undefined ? { relationToHead: p.relationToHead } : {}),
          version: sql`${residents.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(residents.id, p.id));
    }
  }

  /** Sets one resident's relation to the head (no version check: the caller holds the household's lock). */
  async setRelation(residentId: string, relation: string | null) {
    await this.db
      .update(residents)
      .set({ relationToHead: relation, version: sql`${residents.version} + 1`, updatedAt: sql`now()` })
      .where(eq(residents.id, residentId));
  }

  async insertMoves(rows: (typeof residentMoves.$inferInsert)[]) {
    if (rows.length) await this.db.insert(residentMoves).values(rows);
  }

  insertMove(row: typeof residentMoves.$inferInsert) {
    return this.db.insert(residentMoves).values(row);
  }

  /** Residents per community inside a scope. */
  countByCommunity(scope: DataScope, status: string | undefined) {
    return rowsOf<{ communityId: string; count: number }>(
      this.db,
      sql`SELECT r.community_id AS "communityId", count(*)::int AS count FROM residents r
          WHERE ${scopeSql(scope, 'r')} ${status ? sql`AND r.status = ${status}` : sql``}
          GROUP BY r.community_id ORDER BY r.community_id`,
    );
  }

  /**
   * The registry's numbers for the 工作台 inside a scope: residents in the register now; those 30 days ago
   * (registered before then, and either still in the register or leaving it since — a status change
   * touches updated_at); and those in the register without a household (未入户).
   */
  async workbenchCounts(scope: DataScope): Promise<{ active: number; previous: number; homeless: number; gridless: number; gridlessSince: string | null }> {
    const rows = await rowsOf<{ active: number; previous: number; homeless: number; gridless: number; gridlessSince: string | null }>(
      this.db,
      sql`SELECT count(*) FILTER (WHERE r.status = 'active')::int AS active,
                 count(*) FILTER (WHERE r.created_at < now() - interval '30 days'
                                    AND (r.status = 'active' OR r.updated_at >= now() - interval '30 days'))::int AS previous,
                 count(*) FILTER (WHERE r.status = 'active' AND r.household_id IS NULL)::int AS homeless,
                 count(*) FILTER (WHERE r.status = 'active' AND r.grid_id IS NULL)::int AS gridless,
                 to_char(min(r.created_at) FILTER (WHERE r.status = 'active' AND r.grid_id IS NULL) AT TIME ZONE current_setting('TimeZone'), 'YYYY-MM-DD') AS "gridlessSince"
          FROM residents r WHERE ${scopeSql(scope, 'r')}`,
    );
    return rows[0] ?? { active: 0, previous: 0, homeless: 0, gridless: 0, gridlessSince: null };
  }

  /** Names of the residents among `ids` that lie inside a scope. */
  namesIn(ids: string[], scope: DataScope) {
    if (ids.length === 0) return Promise.resolve([]);
    return rowsOf<{ id: string; name: string }>(
      this.db,
      sql`SELECT r.id, r.name FROM residents r WHERE r.id = ANY(${arrayParam(ids, 'uuid')}) AND ${scopeSql(scope, 'r')}`,
    );
  }

  /** Marks registered residents as floating population (人员类别 流动人口 on a row without 居住类型). */
  async setFloating(ids: string[]) {
    if (ids.length === 0) return;
    await this.db.execute(
      sql`UPDATE residents SET residence_type = 'floating', version = version + 1, updated_at = now()
          WHERE id = ANY(${arrayParam(ids, 'uuid')}) AND residence_type <> 'floating'`,
    );
  }

  /**
   * The import's bulk path: inserts new residents and updates registered ones (same ID hash) in one
   * statement. An existing row is only touched when a column the file carries differs (then version + 1);
   * one outside `scope` is never touched. New residents get a 'register' entry in the move history, moved
   * ones a 'transfer' or 'move_in'. Returns how many rows were inserted and updated (the rest were
   * unchanged), and the new or changed residents whose relation is 户主, for their households' heads.
   */
  async upsertBulk(
    rows: (PreparedResident & { householdId: string | null })[],
    present: ReadonlySet<ImportColumnKey>,
    scope: DataScope,
    actorId: string,
  ): Promise<BulkUpsertResult> {
    if (rows.length === 0) return { inserted: 0, updated: 0, heads: [] };
    const col = <K extends keyof (typeof rows)[number]>(k: K, type: 'text' | 'uuid' | 'date' = 'text') =>
      arrayParam(
        rows.map((r) => r[k] as string | null),
        type,
      );
    const setColumns = UPDATABLE.filter((u) => present.has(u.key)).flatMap((u) => u.columns);
    // A row that could not be placed (no grid) keeps the community and grid a registered resident has.
    const valueOf = (c: string) =>
      c === 'grid_id'
        ? 'COALESCE(EXCLUDED.grid_id, residents.grid_id)'
        : c === 'community_id'
          ? 'CASE WHEN EXCLUDED.grid_id IS NULL THEN residents.community_id ELSE EXCLUDED.community_id END'
          : `EXCLUDED.${c}`;
    const pairs: [string, string][] = setColumns.map((c) => [`residents.${c}`, valueOf(c)]);
    // A row with no address keeps the household it has.
    if (present.has('address')) pairs.push(['residents.household_id', 'COALESCE(EXCLUDED.household_id, residents.household_id)']);
    const set = sql.raw(pairs.map(([target, value]) => `${target.replace('residents.', '')} = ${value}`).join(', '));
    const before = sql.raw(pairs.map((p) => p[0]).join(', '));
    const after = sql.raw(pairs.map((p) => p[1]).join(', '));
    const inScope = scopeSql(scope, 'residents');
    const result = await rowsOf<{ inserted: boolean; n: number; heads: ImportedHead[] }>(
      this.db,
      sql`WITH input AS (
            SELECT * FROM unnest(
              ${col('name')}, ${col('namePinyin')}, ${col('nameInitials')}, ${col('idCipherHex')}, ${col('idHash')}, ${col('idMasked')},
              ${col('idTailRev')}, ${col('birthDate', 'date')}, ${col('sex')}, ${col('ethnicity')}, ${col('phone')}, ${col('education')},
              ${col('politicalStatus')}, ${col('maritalStatus')}, ${col('employmentStatus')}, ${col('residenceType')}, ${col('relationToHead')},
              ${col('notes')}, ${col('communityId', 'uuid')}, ${col('gridId', 'uuid')}, ${col('householdId', 'uuid')}
            ) AS t(name, name_pinyin, name_initials, id_cipher_hex, id_hash, id_masked, id_tail_rev, birth_date, sex, ethnicity, phone, education,
                   political_status, marital_status, employment_status, residence_type, relation_to_head, notes, community_id, grid_id, household_id)
          ), before AS (
            -- The registered residents as they were (every CTE reads the statement's snapshot).
            SELECT r.id_hash, r.household_id, r.community_id, r.grid_id FROM residents r WHERE r.id_hash IN (SELECT id_hash FROM input)
          ), up AS (
            INSERT INTO residents (name, name_pinyin, name_initials, id_cipher, id_hash, id_masked, id_tail_rev, birth_date, sex, ethnicity, phone,
                   education, political_status, marital_status, employment_status, residence_type, relation_to_head, notes, community_id, grid_id, household_id)
            SELECT name, name_pinyin, name_initials, decode(id_cipher_hex, 'hex'), id_hash, id_masked, id_tail_rev, birth_date, sex, ethnicity, phone,
                   education, political_status, marital_status, employment_status, residence_type, relation_to_head, notes, community_id, grid_id, household_id
            FROM input
            ON CONFLICT (id_hash) DO UPDATE SET ${set}, version = residents.version + 1, updated_at = now()
            WHERE ROW(${before}) IS DISTINCT FROM ROW(${after}) AND ${inScope}
            RETURNING residents.id, residents.id_hash, residents.community_id, residents.grid_id, residents.household_id, residents.relation_to_head, (xmax = 0) AS inserted
          ), moves AS (
            -- New residents are registered; registered ones whose household or grid the file changed have moved.
            INSERT INTO resident_moves (resident_id, community_id, move_type, from_household_id, to_household_id, from_community_id, to_community_id,
                                        effective_date, reason, created_by)
            SELECT id, community_id, 'register', NULL, household_id, NULL, community_id, current_date, '批量导入', ${actorId}::uuid FROM up WHERE inserted
            UNION ALL
            SELECT up.id, up.community_id, CASE WHEN b.community_id <> up.community_id THEN 'move_in' ELSE 'transfer' END,
                   b.household_id, up.household_id, b.community_id, up.community_id, current_date, '批量导入', ${actorId}::uuid
              FROM up JOIN before b ON b.id_hash = up.id_hash
             WHERE NOT up.inserted AND (b.household_id IS DISTINCT FROM up.household_id OR b.grid_id IS DISTINCT FROM up.grid_id)
          )
          SELECT inserted, count(*)::int AS n,
                 COALESCE(jsonb_agg(jsonb_build_object('residentId', id, 'householdId', household_id))
                          FILTER (WHERE relation_to_head = 'head' AND household_id IS NOT NULL), '[]'::jsonb) AS heads
            FROM up GROUP BY inserted`,
    );
    return {
      inserted: result.find((r) => r.inserted)?.n ?? 0,
      updated: result.find((r) => !r.inserted)?.n ?? 0,
      heads: result.flatMap((r) => r.heads),
    };
  }
}
