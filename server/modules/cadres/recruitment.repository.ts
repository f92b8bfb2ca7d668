import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/sql';
import { communityScopeSql, type DataScope } from '../../lib/scope';
import { cadreApplications, cadrePostingObjections, cadrePostings } from './cadres.table';

export type PostingRow = typeof cadrePostings.$inferSelect;
export type ApplicationRow = typeof cadreApplications.$inferSelect;
export type ObjectionRow = typeof cadrePostingObjections.$inferSelect;

/** A posting with its community's name and the counts the list shows. */
export interface PostingSummaryRow extends PostingRow {
  communityName: string;
  applications: number;
  unchecked: number;
  decided: number;
}

const SUMMARY = sql`p.id, p.community_id AS "communityId", c.name AS "communityName", p.title, p.post, p.quota, p.age_min AS "ageMin",
  p.age_max AS "ageMax", p.education_min AS "educationMin", p.other_conditions AS "otherConditions", p.opens_on::text AS "opensOn",
  p.closes_on::text AS "closesOn", p.written_weight AS "writtenWeight", p.interview_weight AS "interviewWeight",
  p.shortlist_ratio AS "shortlistRatio", p.notice_days AS "noticeDays", p.notice_start::text AS "noticeStart", p.notice_end::text AS "noticeEnd",
  p.withdrawn_on::text AS "withdrawnOn", p.withdrawn_reason AS "withdrawnReason",
  p.version, p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM cadre_applications a WHERE a.posting_id = p.id) AS applications,
  (SELECT count(*)::int FROM cadre_applications a WHERE a.posting_id = p.id AND a.eligibility IS NULL) AS unchecked,
  (SELECT count(*)::int FROM cadre_applications a WHERE a.posting_id = p.id AND a.outcome IS NOT NULL) AS decided
  FROM cadre_postings p JOIN regions c ON c.id = p.community_id`;

/** Queries on recruitment postings, their applications and the objections to their notices. */
export class RecruitmentRepository {
  constructor(private readonly db: Db) {}

  /** Postings inside the scope, the newest window first. */
  list(scope: DataScope, communityId?: string) {
    return rowsOf<PostingSummaryRow>(
      this.db,
      sql`SELECT ${SUMMARY} WHERE ${communityScopeSql(scope, 'p.community_id')} ${communityId ? sql`AND p.community_id = ${communityId}::uuid` : sql``}
          ORDER BY p.closes_on DESC, c.sort, p.id`,
    );
  }

  async summary(id: string): Promise<PostingSummaryRow | undefined> {
    return (await rowsOf<PostingSummaryRow>(this.db, sql`SELECT ${SUMMARY} WHERE p.id = ${id}::uuid`))[0];
  }

  async posting(id: string): Promise<PostingRow | undefined> {
    return (await this.db.select().from(cadrePostings).where(eq(cadrePostings.id, id)).limit(1))[0];
  }

  applications(postingId: string): Promise<ApplicationRow[]> {
    return this.db
      .select()
      .from(cadreApplications)
      .where(eq(cadreApplications.postingId, postingId))
      .orderBy(cadreApplications.createdAt, cadreApplications.id);
  }

  async application(id: string): Promise<ApplicationRow | undefined> {
    return (await this.db.select().from(cadreApplications).where(eq(cadreApplications.id, id)).limit(1))[0];
  }

  objections(postingId: string): Promise<ObjectionRow[]> {
    return this.db
      .select()
      .from(cadrePostingObjections)
      .where(eq(cadrePostingObjections.postingId, postingId))
      .orderBy(cadrePostingObjections.receivedOn, cadrePostingObjections.createdAt);
  }

  async objection(id: string): Promise<ObjectionRow | undefined> {
    return (await this.db.select().from(cadrePostingObjections).where(eq(cadrePostingObjections.id, id)).limit(1))[0];
  }

  async region(id: string) {
    return (await rowsOf<{ id: string; level: string }>(this.db, sql`SELECT id, level FROM regions WHERE id = ${id}::uuid`))[0];
  }

  async insertPosting(row: typeof cadrePostings.$inferInsert): Promise<PostingRow> {
    return (await this.db.insert(cadrePostings).values(row).returning())[0];
  }

  /** Changes a posting if its version is still `version`; undefined when stale. */
  async updatePosting(id: string, version: number, patch: Partial<typeof cadrePostings.$inferInsert>): Promise<PostingRow | undefined> {
    const rows = await this.db
      .update(cadrePostings)
      .set({ ...patch, version: sql`${cadrePostings.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(cadrePostings.id, id), eq(cadrePostings.version, version)))
      .returning();
    return rows[0];
  }

  /** Clears the computed eligibility of a posting's applications (not the officials' overrides): the conditions changed. */
  async resetEligibility(postingId: string): Promise<number> {
    const rows = await this.db
      .update(cadreApplications)
      .set({ eligibility: null, eligibilityReason: null, version: sql`${cadreApplications.version} + 1` })
      .where(and(eq(cadreApplications.postingId, postingId), eq(cadreApplications.eligibilityOverridden, false)))
      .returning({ id: cadreApplications.id });
    return rows.length;
  }

  async insertApplication(row: typeof cadreApplications.$inferInsert): Promise<ApplicationRow> {
    return (await this.db.insert(cadreApplications).values(row).returning())[0];
  }

  /** Changes an application; with a version, only if it is still that one (undefined when stale). */
  async updateApplication(id: string, version: number | null, patch: Partial<typeof cadreApplications.$inferInsert>) {
    const rows = await this.db
      .update(cadreApplications)
      .set({ ...patch, version: sql`${cadreApplications.version} + 1`, updatedAt: sql`now()` })
      .where(version === null ? eq(cadreApplications.id, id) : and(eq(cadreApplications.id, id), eq(cadreApplications.version, version)))
      .returning();
    return rows[0] as ApplicationRow | undefined;
  }

  async insertObjection(row: typeof cadrePostingObjections.$inferInsert): Promise<ObjectionRow> {
    return (await this.db.insert(cadrePostingObjections).values(row).returning())[0];
  }

  /** Answers an objection still unanswered; undefined when it was answered meanwhile. */
  async answerObjection(id: string, patch: { answer: string; upheld: boolean; answeredOn: string }) {
    const rows = await this.db
      .update(cadrePostingObjections)
      .set(patch)
      .where(and(eq(cadrePostingObjections.id, id), sql`${cadrePostingObjections.upheld} IS NULL`))
      .returning();
    return rows[0] as ObjectionRow | undefined;
  }

  /** Titles of postings for the audit log (not personal data). */
  async titles(ids: string[]) {
    if (ids.length === 0) return [];
    return rowsOf<{ id: string; title: string }>(
      this.db,
      sql`SELECT id, title FROM cadre_postings WHERE id IN (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`,
    );
  }

  /** For the demo seed: a posting and its applications in one go. */
  async seed(posting: typeof cadrePostings.$inferInsert, applications: Omit<typeof cadreApplications.$inferInsert, 'postingId'>[]) {
    const p = await this.insertPosting(posting);
    if (applications.length) await this.db.insert(cadreApplications).values(applications.map((a) => ({ ...a, postingId: p.id })));
    return p;
  }
}
