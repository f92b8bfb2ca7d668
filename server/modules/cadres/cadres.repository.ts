import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike, rowsOf } from '../../db/sql';
import { communityScopeSql, type DataScope } from '../../lib/scope';
import { cadreSettings, cadreTrainings, cadres } from './cadres.table';

export type CadreRow = typeof cadres.$inferSelect;

/** A cadre with the community's name and the last training's date. */
export interface CadreViewRow {
  id: string;
  communityId: string;
  communityName: string;
  residentId: string | null;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  post: string;
  source: string;
  education: string | null;
  partyMember: boolean;
  phone: string | null;
  payGrade: string | null;
  pensionInsured: boolean;
  medicalInsured: boolean;
  startDate: string;
  endDate: string | null;
  notes: string | null;
  lastTraining: string | null;
  version: number;
}

export interface CadreSearch {
  scope: DataScope;
  q?: string;
  communityId?: string;
  post?: string;
  source?: string;
  uninsured?: boolean;
  includeFormer?: boolean;
}

/** In post: no end date, or one not yet passed. */
const IN_POST = sql`(k.end_date IS NULL OR k.end_date >= current_date)`;

const VIEW = sql`k.id, k.community_id AS "communityId", c.name AS "communityName", k.resident_id AS "residentId", k.name, k.sex,
  k.birth_date::text AS "birthDate", k.post, k.source, k.education, k.party_member AS "partyMember", k.phone, k.pay_grade AS "payGrade",
  k.pension_insured AS "pensionInsured", k.medical_insured AS "medicalInsured", k.start_date::text AS "startDate", k.end_date::text AS "endDate",
  k.notes, k.version, (SELECT max(t.date)::text FROM cadre_trainings t WHERE t.cadre_id = k.id) AS "lastTraining"
  FROM cadres k JOIN regions c ON c.id = k.community_id`;

/** Queries on cadres, their trainings and the settings. */
export class CadresRepository {
  constructor(private readonly db: Db) {}

  private where(s: CadreSearch): SQL {
    const parts: SQL[] = [communityScopeSql(s.scope, 'k.community_id')];
    if (!s.includeFormer) parts.push(IN_POST);
    if (s.communityId) parts.push(sql`k.community_id = ${s.communityId}::uuid`);
    if (s.post) parts.push(sql`k.post = ${s.post}`);
    if (s.source) parts.push(sql`k.source = ${s.source}`);
    if (s.uninsured) parts.push(sql`(NOT k.pension_insured OR NOT k.medical_insured)`);
    if (s.q) parts.push(sql`k.name ILIKE ${`%${escapeLike(s.q)}%`}`);
    return sql.join(parts, sql` AND `);
  }

  async page(s: CadreSearch, limit: number, offset: number) {
    const where = this.where(s);
    const [items, [{ total }]] = await Promise.all([
      rowsOf<CadreViewRow>(this.db, sql`SELECT ${VIEW} WHERE ${where} ORDER BY c.sort, k.post, k.start_date, k.name, k.id LIMIT ${limit} OFFSET ${offset}`),
      rowsOf<{ total: number }>(this.db, sql`SELECT count(*)::int AS total FROM cadres k WHERE ${where}`),
    ]);
    return { items, total };
  }

  /** Every cadre in post inside the scope (analytics, staffing, training due). */
  inPost(scope: DataScope, communityId?: string) {
    return rowsOf<CadreViewRow>(
      this.db,
      sql`SELECT ${VIEW} WHERE ${communityScopeSql(scope, 'k.community_id')} AND ${IN_POST} ${communityId ? sql`AND k.community_id = ${communityId}::uuid` : sql``}
          ORDER BY c.sort, k.name, k.id`,
    );
  }

  async view(id: string): Promise<CadreViewRow | undefined> {
    const rows = await rowsOf<CadreViewRow>(this.db, sql`SELECT ${VIEW} WHERE k.id = ${id}::uuid`);
    return rows[0];
  }

  async byId(id: string): Promise<CadreRow | undefined> {
    const rows = await this.db.select().from(cadres).where(eq(cadres.id, id)).limit(1);
    return rows[0];
  }

  trainings(cadreId: string) {
    return rowsOf<{ id: string; course: string; form: string; hours: number; date: string }>(
      this.db,
      sql`SELECT id, course, form, hours, date::text AS date FROM cadre_trainings WHERE cadre_id = ${cadreId}::uuid ORDER BY date DESC, id`,
    );
  }

  /** The communities inside the scope, with names (staffing lists every one, even without cadres). */
  communities(scope: DataScope) {
    return rowsOf<{ id: string; name: string }>(
      this.db,
      sql`SELECT c.id, c.name FROM regions c WHERE c.level = 'community' AND ${communityScopeSql(scope, 'c.id')} ORDER BY c.sort`,
    );
  }

  async region(id: string) {
    const rows = await rowsOf<{ id: string; level: string }>(this.db, sql`SELECT id, level FROM regions WHERE id = ${id}::uuid`);
    return rows[0];
  }

  async insert(row: typeof cadres.$inferInsert): Promise<CadreRow> {
    const [k] = await this.db.insert(cadres).values(row).returning();
    return k;
  }

  async update(id: string, version: number, patch: Partial<typeof cadres.$inferInsert>): Promise<CadreRow | undefined> {
    const rows = await this.db
      .update(cadres)
      .set({ ...patch, version: sql`${cadres.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(cadres.id, id), eq(cadres.version, version)))
      .returning();
    return rows[0];
  }

  async insertTraining(row: typeof cadreTrainings.$inferInsert) {
    const [t] = await this.db.insert(cadreTrainings).values(row).returning();
    return t;
  }

  async setting(key: string): Promise<{ value: unknown; version: number } | undefined> {
    const rows = await this.db.select({ value: cadreSettings.value, version: cadreSettings.version }).from(cadreSettings).where(eq(cadreSettings.key, key));
    return rows[0];
  }

  /**
   * Writes a setting when `version` is the stored one (0: none stored yet, so the row is created); false on
   * a stale version, so two people saving at once cannot overwrite each other silently.
   */
  async saveSetting(key: string, value: unknown, version: number): Promise<boolean> {
    if (version === 0) {
      const rows = await this.db.insert(cadreSettings).values({ key, value }).onConflictDoNothing().returning({ key: cadreSettings.key });
      return rows.length > 0;
    }
    const rows = await this.db
      .update(cadreSettings)
      .set({ value, version: sql`${cadreSettings.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(cadreSettings.key, key), eq(cadreSettings.version, version)))
      .returning({ key: cadreSettings.key });
    return rows.length > 0;
  }

  /** Bulk inserts for the demo seed; returns the cadres' ids in order. */
  async seed(rows: (typeof cadres.$inferInsert)[], trainings: (id: string, i: number) => (typeof cadreTrainings.$inferInsert)[]) {
    const inserted = await this.db.insert(cadres).values(rows).returning({ id: cadres.id });
    const t = inserted.flatMap((r, i) => trainings(r.id, i));
    if (t.length) await this.db.insert(cadreTrainings).values(t);
  }
}
