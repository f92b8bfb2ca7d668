import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { RoundResult } from '../../../shared/contracts/elections';
import type { Db } from '../../db/client';
import { arrayParam, escapeLike, rowsOf } from '../../db/sql';
import { communityScopeSql, type DataScope } from '../../lib/scope';
import { electionCandidates, electionObjections, electionRecalls, elections, electionTallies, electionVoters } from './elections.table';

export type ElectionRow = typeof elections.$inferSelect;
export type TallyRow = typeof electionTallies.$inferSelect;
export type ObjectionRow = typeof electionObjections.$inferSelect;
export type RecallRow = typeof electionRecalls.$inferSelect;

/** One candidate with what the checks need from the registry. */
export interface CandidateRow {
  id: string;
  residentId: string;
  name: string;
  sex: 'F' | 'M';
  age: number;
  post: string;
  nominatorCount: number;
  householdId: string | null;
}

/** Queries on the election tables; the only code that writes them. */
export class ElectionsRepository {
  constructor(private readonly db: Db) {}

  async page(f: { scope: DataScope; communityId?: string; status?: string }, limit: number, offset: number) {
    const where = sql.join(
      [
        communityScopeSql(f.scope, 'e.community_id'),
        f.communityId ? sql`e.community_id = ${f.communityId}` : sql`true`,
        f.status ? sql`e.status = ${f.status}` : sql`true`,
      ],
      sql` AND `,
    );
    const [items, total] = await Promise.all([
      rowsOf<ElectionListRow>(this.db, sql`${LIST_SELECT} WHERE ${where} ORDER BY e.election_date DESC, c.sort, e.id LIMIT ${limit} OFFSET ${offset}`),
      rowsOf<{ n: number }>(this.db, sql`SELECT count(*)::int AS n FROM elections e WHERE ${where}`),
    ]);
    return { items: items.map(listItem), total: total[0]!.n };
  }

  async listItem(id: string) {
    const rows = await rowsOf<ElectionListRow>(this.db, sql`${LIST_SELECT} WHERE e.id = ${id}`);
    return rows[0] ? listItem(rows[0]) : undefined;
  }

  /** Open and recent elections in scope, for the workbench. */
  async inScope(scope: DataScope, statuses: string[]) {
    return rowsOf<ElectionListRow>(
      this.db,
      sql`${LIST_SELECT} WHERE ${communityScopeSql(scope, 'e.community_id')} AND e.status = ANY(${arrayParam(statuses)}) ORDER BY e.election_date LIMIT 200`,
    ).then((r) => r.map(listItem));
  }

  async byId(id: string): Promise<ElectionRow | undefined> {
    const rows = await this.db.select().from(elections).where(eq(elections.id, id)).limit(1);
    return rows[0];
  }

  async byTerm(communityId: string, term: number): Promise<ElectionRow | undefined> {
    const rows = await this.db
      .select()
      .from(elections)
      .where(and(eq(elections.communityId, communityId), eq(elections.term, term), ne(elections.status, 'withdrawn')))
      .limit(1);
    return rows[0];
  }

  async insert(row: typeof elections.$inferInsert): Promise<ElectionRow> {
    const [r] = await this.db.insert(elections).values(row).returning();
    return r!;
  }

  /** Stores a round's result and the status; undefined on a stale version. */
  async saveResults(id: string, version: number, results: RoundResult[], status: string) {
    const rows = await this.db
      .update(elections)
      .set({ results, status, version: sql`${elections.version} + 1`, updatedAt: new Date() })
      .where(and(eq(elections.id, id), eq(elections.version, version)))
      .returning();
    return rows[0];
  }

  /** Changes an election's fields at the version read; undefined on a stale version. */
  async update(id: string, version: number, patch: Partial<typeof elections.$inferInsert>) {
    const rows = await this.db
      .update(elections)
      .set({ ...patch, version: sql`${elections.version} + 1`, updatedAt: new Date() })
      .where(and(eq(elections.id, id), eq(elections.version, version)))
      .returning();
    return rows[0];
  }

  /** Whether any polling station's count is entered. */
  async hasTallies(electionId: string) {
    const rows = await this.db.select({ id: electionTallies.id }).from(electionTallies).where(eq(electionTallies.electionId, electionId)).limit(1);
    return rows.length > 0;
  }

  /** Whether the community is a community region. */
  async communityName(communityId: string): Promise<string | undefined> {
    const rows = await rowsOf<{ name: string }>(this.db, sql`SELECT name FROM regions WHERE id = ${communityId} AND level = 'community'`);
    return rows[0]?.name;
  }

  // ---------------------------------------------------------------- the roll

  /**
   * Derives the roll from the registry in SQL, in one transaction: living residents registered in the
   * community, of age on election day, of a residence type that votes there. Derived rows of people who no
   * longer qualify are dropped; manual corrections (additions, exclusions) are kept. Then one
   * representative per household (户代表): the head when on the roll, else the oldest member on it; and
   * the residents' group representatives (居民小组代表) current on election day.
   */
  async deriveRoll(e: { id: string; communityId: string; electionDate: string }, minAge: number, residenceTypes: readonly string[]) {
    // Who qualifies, as one predicate on a resident row (no CTE probed per voter: a planner without
    // statistics on fresh roll rows would loop over it).
    const eligible = (r: string) =>
      sql`${sql.raw(r)}.community_id = ${e.communityId} AND ${sql.raw(r)}.status = 'active'
          AND ${sql.raw(r)}.residence_type = ANY(${arrayParam(residenceTypes)})
          AND ${sql.raw(r)}.birth_date <= (${e.electionDate}::date - make_interval(years => ${minAge}))::date`;
    const groupReps = groupRepresentatives(sql`${e.communityId}::uuid`, sql`${e.electionDate}::date`);
    // The representatives' window sorts the whole roll: in memory rather than spilled to disk.
    await this.db.execute(sql`SET LOCAL work_mem = '64MB'`);
    // Every statement below touches the whole roll: hash joins, whatever the statistics of freshly
    // written roll rows say (the planner took them for a thousand rows and probed the index per voter).
    await this.db.execute(sql`SET LOCAL enable_nestloop = off`);
    // One derivation of an election at a time (a second waits for the first): the insert below skips
    // the rows on the roll by an anti-join instead of ON CONFLICT, whose speculative insertion per row
    // cost a third of the time.
    await this.lockRoll(e.id);
    const [before] = await rowsOf<{ n: number }>(this.db, sql`SELECT count(*)::int AS n FROM election_voters WHERE election_id = ${e.id}`);
    const first = before!.n === 0;
    let removed = 0;
    if (!first) {
      const [r] = await rowsOf<{ n: number }>(
        this.db,
        sql`WITH del AS (
              DELETE FROM election_voters v USING residents r
              WHERE v.election_id = ${e.id} AND v.source = 'derived' AND NOT v.excluded AND r.id = v.resident_id AND NOT (${eligible('r')})
              RETURNING 1
            ) SELECT count(*)::int AS n FROM del`,
      );
      removed = r!.n;
    }
    // The first derivation writes the representatives with the rows (nobody is on the roll yet, so the
    // window over the eligible residents is the window over the roll); later ones fix them below.
    const [added] = await rowsOf<{ n: number }>(
      this.db,
      sql`WITH ins AS (
            INSERT INTO election_voters (community_id, election_id, resident_id, household_id, source, household_rep, group_rep)
            SELECT ${e.communityId}, ${e.id}, r.id, r.household_id, 'derived',
                   r.household_id IS NOT NULL AND row_number() OVER (
                     PARTITION BY r.household_id ORDER BY (r.relation_to_head = 'head') IS TRUE DESC, r.birth_date, r.id) = 1,
                   g.resident_id IS NOT NULL
            FROM residents r LEFT JOIN (${groupReps}) g ON g.resident_id = r.id
            WHERE ${eligible('r')}
              ${first ? sql`` : sql`AND NOT EXISTS (SELECT 1 FROM election_voters o WHERE o.election_id = ${e.id} AND o.resident_id = r.id)`}
            RETURNING 1
          ) SELECT count(*)::int AS n FROM ins`,
    );
    const counts = { removed, added: added!.n };
    if (first) return counts;
    // Representatives again over the whole roll: manual corrections change who represents a household,
    // and a group's representatives change between derivations; only rows whose flags change are joined
    // back and written.
    await this.db.execute(sql`
      UPDATE election_voters v SET household_rep = x.rep, group_rep = x.grp
      FROM (
        SELECT id, rep, grp FROM (
          SELECT v2.id, v2.household_rep AS was, v2.group_rep AS was_grp,
                 (v2.household_id IS NOT NULL AND NOT v2.excluded AND row_number() OVER (
                   PARTITION BY v2.household_id, v2.excluded
                   ORDER BY (r.relation_to_head = 'head') IS TRUE DESC, r.birth_date, r.id) = 1) AS rep,
                 (NOT v2.excluded AND g.resident_id IS NOT NULL) AS grp
          FROM election_voters v2 JOIN residents r ON r.id = v2.resident_id
          LEFT JOIN (${groupReps}) g ON g.resident_id = v2.resident_id
          WHERE v2.election_id = ${e.id}
        ) y WHERE was IS DISTINCT FROM rep OR was_grp IS DISTINCT FROM grp
      ) x
      WHERE v.id = x.id`);
    return counts;
  }

  /** Takes the election's row lock: a derivation and a voter added by hand never write the same roll at once. */
  async lockRoll(electionId: string) {
    await this.db.execute(sql`SELECT 1 FROM elections WHERE id = ${electionId} FOR UPDATE`);
  }

  async rollCounts(electionId: string) {
    const [row] = await rowsOf<{ voters: number; reps: number; groupReps: number; manual: number }>(
      this.db,
      sql`SELECT count(*) FILTER (WHERE NOT excluded)::int AS voters,
                 count(*) FILTER (WHERE household_rep AND NOT excluded)::int AS reps,
                 count(*) FILTER (WHERE group_rep AND NOT excluded)::int AS "groupReps",
                 count(*) FILTER (WHERE source = 'manual' OR excluded)::int AS manual
          FROM election_voters WHERE election_id = ${electionId}`,
    );
    return row!;
  }

  async voters(electionId: string, f: { q?: string; view: VotersView }, limit: number, offset: number) {
    const conds: SQL[] = [sql`v.election_id = ${electionId}`];
    if (f.view === 'excluded') conds.push(sql`v.excluded`);
    else conds.push(sql`NOT v.excluded`);
    if (f.view === 'reps') conds.push(sql`v.household_rep`);
    if (f.view === 'group_reps') conds.push(sql`v.group_rep`);
    if (f.q) {
      const q = escapeLike(f.q);
      conds.push(sql`(r.name LIKE ${`%${q}%`} OR r.name_pinyin LIKE ${`${q.toLowerCase()}%`} OR r.name_initials LIKE ${`${q.toLowerCase()}%`})`);
    }
    const where = sql.join(conds, sql` AND `);
    const [items, total] = await Promise.all([
      rowsOf<VoterRow>(
        this.db,
        sql`SELECT v.resident_id AS "residentId", r.name, r.id_masked AS "idMasked", r.sex, h.address, v.household_rep AS "householdRep",
                   v.group_rep AS "groupRep", v.source, v.excluded, v.reason
            FROM election_voters v JOIN residents r ON r.id = v.resident_id LEFT JOIN households h ON h.id = v.household_id
            WHERE ${where} ORDER BY r.name_pinyin COLLATE "C", r.id LIMIT ${limit} OFFSET ${offset}`,
      ),
      rowsOf<{ n: number }>(this.db, sql`SELECT count(*)::int AS n FROM election_voters v JOIN residents r ON r.id = v.resident_id WHERE ${where}`),
    ]);
    return { items, total: total[0]!.n };
  }

  async voter(electionId: string, residentId: string) {
    const rows = await this.db
      .select()
      .from(electionVoters)
      .where(and(eq(electionVoters.electionId, electionId), eq(electionVoters.residentId, residentId)))
      .limit(1);
    return rows[0];
  }

  /** Adds a voter by hand; a current group representative goes on the group-representative roll at once. */
  async insertVoter(row: Omit<typeof electionVoters.$inferInsert, 'groupRep'> & { communityId: string }, electionDate: string) {
    const isRep = sql`EXISTS (SELECT 1 FROM (${groupRepresentatives(sql`${row.communityId}::uuid`, sql`${electionDate}::date`)}) g WHERE g.resident_id = ${row.residentId}::uuid)`;
    await this.db.insert(electionVoters).values({ ...row, groupRep: isRep });
  }

  /**
   * Excludes a voter (off both representative rolls) or takes them back. Taken back, a current group
   * representative is on that roll again; the household representative waits for the next derivation,
   * which weighs the whole household.
   */
  async setExcluded(id: string, excluded: boolean, reason: string, changedBy: string | null) {
    const groupRep = excluded
      ? false
      : // Qualified by hand: inside the subquery a bare column name would bind to the members' own.
        sql`EXISTS (SELECT 1 FROM (${groupRepresentatives(
          sql.raw('election_voters.community_id'),
          sql.raw('(SELECT e.election_date FROM elections e WHERE e.id = election_voters.election_id)'),
        )}) g WHERE g.resident_id = election_voters.resident_id)`;
    await this.db.update(electionVoters).set({ excluded, reason, changedBy, householdRep: false, groupRep }).where(eq(electionVoters.id, id));
  }

  /** A resident as the roll and the candidate list need them, with their age on `day`. */
  async resident(id: string, day: string) {
    const rows = await rowsOf<{ id: string; communityId: string; gridId: string; householdId: string | null; status: string; age: number; name: string }>(
      this.db,
      sql`SELECT id, community_id AS "communityId", grid_id AS "gridId", household_id AS "householdId", status, name,
                 extract(year FROM age(${day}::date, birth_date))::int AS age
          FROM residents WHERE id = ${id}`,
    );
    return rows[0];
  }

  // ---------------------------------------------------------------- candidates

  async candidates(electionId: string, day: string): Promise<CandidateRow[]> {
    return rowsOf<CandidateRow>(
      this.db,
      sql`SELECT c.id, c.resident_id AS "residentId", r.name, r.sex, extract(year FROM age(${day}::date, r.birth_date))::int AS age,
                 c.post, c.nominator_count AS "nominatorCount", r.household_id AS "householdId"
          FROM election_candidates c JOIN residents r ON r.id = c.resident_id
          WHERE c.election_id = ${electionId}
          ORDER BY array_position(ARRAY['director','deputy','member'], c.post), c.created_at, c.id`,
    );
  }

  async insertCandidate(row: typeof electionCandidates.$inferInsert) {
    const [r] = await this.db.insert(electionCandidates).values(row).returning();
    return r!;
  }

  /**
   * Near relatives among the candidates, found through household relations: two candidates registered in
   * the same household are spouses, parents and children, siblings or in-laws (a member recorded as
   * `other`, a lodger, is not).
   */
  async conflicts(electionId: string) {
    return rowsOf<{ candidateA: string; candidateB: string; nameA: string; nameB: string; relationA: string | null; relationB: string | null }>(
      this.db,
      sql`SELECT a.id AS "candidateA", b.id AS "candidateB", ra.name AS "nameA", rb.name AS "nameB",
                 ra.relation_to_head AS "relationA", rb.relation_to_head AS "relationB"
          FROM election_candidates a
          JOIN residents ra ON ra.id = a.resident_id
          JOIN residents rb ON rb.household_id = ra.household_id AND rb.id <> ra.id
          JOIN election_candidates b ON b.election_id = a.election_id AND b.resident_id = rb.id
          WHERE a.election_id = ${electionId} AND a.id < b.id
            AND coalesce(ra.relation_to_head, '') <> 'other' AND coalesce(rb.relation_to_head, '') <> 'other'
          ORDER BY ra.name, rb.name`,
    );
  }

  // ---------------------------------------------------------------- objections

  async objections(electionId: string) {
    return rowsOf<ObjectionRow & { residentName: string; idMasked: string }>(
      this.db,
      sql`SELECT o.id, o.kind, o.resident_id AS "residentId", r.name AS "residentName", r.id_masked AS "idMasked", o.filed_by AS "filedBy",
                 o.reason, o.filed_on::text AS "filedOn", o.status, o.answer, o.answered_on::text AS "answeredOn"
          FROM election_objections o JOIN residents r ON r.id = o.resident_id
          WHERE o.election_id = ${electionId}
          ORDER BY o.filed_on, o.created_at, o.id`,
    );
  }

  async objectionById(electionId: string, id: string): Promise<ObjectionRow | undefined> {
    const rows = await this.db
      .select()
      .from(electionObjections)
      .where(and(eq(electionObjections.id, id), eq(electionObjections.electionId, electionId)))
      .limit(1);
    return rows[0];
  }

  async insertObjection(row: typeof electionObjections.$inferInsert) {
    const [r] = await this.db.insert(electionObjections).values(row).returning();
    return r!;
  }

  /** Answers an open objection; undefined when it was answered meanwhile. */
  async answerObjection(id: string, a: { status: string; answer: string; answeredOn: string; answeredBy: string | null }) {
    const rows = await this.db
      .update(electionObjections)
      .set(a)
      .where(and(eq(electionObjections.id, id), eq(electionObjections.status, 'open')))
      .returning();
    return rows[0];
  }

  /**
   * A resident's view of their community's elections (the portal): those in preparation, and those on which
   * the account filed an objection, with whether the roll is derived and whether the resident is on it.
   */
  async ownElections(communityId: string, residentId: string, userId: string) {
    return rowsOf<{
      id: string;
      term: number;
      mode: string;
      electionDate: string;
      status: string;
      communityName: string;
      rollPublished: boolean;
      onRoll: boolean;
    }>(
      this.db,
      sql`SELECT e.id, e.term, e.mode, e.election_date::text AS "electionDate", e.status, c.name AS "communityName",
                 EXISTS (SELECT 1 FROM election_voters v WHERE v.election_id = e.id) AS "rollPublished",
                 EXISTS (SELECT 1 FROM election_voters v WHERE v.election_id = e.id AND v.resident_id = ${residentId} AND NOT v.excluded) AS "onRoll"
          FROM elections e JOIN regions c ON c.id = e.community_id
          WHERE e.community_id = ${communityId}
            AND (e.status = 'preparing'
                 OR EXISTS (SELECT 1 FROM election_objections o WHERE o.election_id = e.id AND o.created_by = ${userId} AND o.resident_id = ${residentId}))
          ORDER BY e.election_date DESC, e.term DESC`,
    );
  }

  /** The objections an account filed about its own resident, on the given elections. */
  async ownObjections(electionIds: string[], residentId: string, userId: string) {
    if (!electionIds.length) return [];
    return rowsOf<{
      id: string;
      electionId: string;
      kind: string;
      reason: string;
      filedOn: string;
      status: string;
      answer: string | null;
      answeredOn: string | null;
    }>(
      this.db,
      sql`SELECT o.id, o.election_id AS "electionId", o.kind, o.reason, o.filed_on::text AS "filedOn", o.status, o.answer, o.answered_on::text AS "answeredOn"
          FROM election_objections o
          WHERE o.election_id = ANY(${arrayParam(electionIds, 'uuid')}) AND o.created_by = ${userId} AND o.resident_id = ${residentId}
          ORDER BY o.filed_on DESC, o.created_at DESC`,
    );
  }

  /** The resident's own name and masked ID number, as the roll lists them. */
  async residentLabel(id: string) {
    const rows = await rowsOf<{ name: string; idMasked: string }>(this.db, sql`SELECT name, id_masked AS "idMasked" FROM residents WHERE id = ${id}`);
    return rows[0];
  }

  /** Open objections of open elections in scope, for the workbench. */
  async openObjections(scope: DataScope) {
    return rowsOf<{ id: string; electionId: string; electionDate: string; term: number; communityName: string; residentName: string; filedOn: string }>(
      this.db,
      sql`SELECT o.id, o.election_id AS "electionId", e.election_date::text AS "electionDate", e.term, c.name AS "communityName",
                 r.name AS "residentName", o.filed_on::text AS "filedOn"
          FROM election_objections o JOIN elections e ON e.id = o.election_id JOIN regions c ON c.id = e.community_id
          JOIN residents r ON r.id = o.resident_id
          WHERE ${communityScopeSql(scope, 'o.community_id')} AND o.status = 'open' AND e.status = 'preparing'
          ORDER BY o.filed_on LIMIT 200`,
    );
  }

  // ---------------------------------------------------------------- recalls

  async recalls(electionId: string) {
    return rowsOf<RecallRow & { memberName: string }>(
      this.db,
      sql`SELECT k.id, k.candidate_id AS "candidateId", r.name AS "memberName", k.proposer_count AS "proposerCount",
                 k.registered_voters AS "registeredVoters", k.reason, k.proposed_on::text AS "proposedOn", k.status,
                 k.vote_date::text AS "voteDate", k.ballots_issued AS "ballotsIssued", k.ballots_returned AS "ballotsReturned",
                 k.invalid_ballots AS "invalidBallots", k.votes_for AS "votesFor", k.reasons
          FROM election_recalls k JOIN election_candidates c ON c.id = k.candidate_id JOIN residents r ON r.id = c.resident_id
          WHERE k.election_id = ${electionId}
          ORDER BY k.proposed_on, k.created_at, k.id`,
    );
  }

  async recallById(electionId: string, id: string): Promise<RecallRow | undefined> {
    const rows = await this.db
      .select()
      .from(electionRecalls)
      .where(and(eq(electionRecalls.id, id), eq(electionRecalls.electionId, electionId)))
      .limit(1);
    return rows[0];
  }

  async insertRecall(row: typeof electionRecalls.$inferInsert) {
    const [r] = await this.db.insert(electionRecalls).values(row).returning();
    return r!;
  }

  /** Records the vote of a proposed recall; undefined when a vote was recorded meanwhile. */
  async recordRecallVote(id: string, v: Partial<typeof electionRecalls.$inferInsert>) {
    const rows = await this.db
      .update(electionRecalls)
      .set(v)
      .where(and(eq(electionRecalls.id, id), eq(electionRecalls.status, 'proposed')))
      .returning();
    return rows[0];
  }

  // ---------------------------------------------------------------- tallies

  async tallies(electionId: string): Promise<TallyRow[]> {
    return this.db.select().from(electionTallies).where(eq(electionTallies.electionId, electionId)).orderBy(electionTallies.round, electionTallies.station);
  }

  /** One station's count; entering the same station again replaces it. */
  async upsertTally(row: typeof electionTallies.$inferInsert) {
    const [r] = await this.db
      .insert(electionTallies)
      .values(row)
      .onConflictDoUpdate({
        target: [electionTallies.electionId, electionTallies.round, electionTallies.station],
        set: {
          ballotsIssued: row.ballotsIssued,
          ballotsReturned: row.ballotsReturned,
          invalidBallots: row.invalidBallots,
          votes: row.votes,
          enteredBy: row.enteredBy,
          createdAt: new Date(),
        },
      })
      .returning();
    return r!;
  }
}

interface ElectionListRow {
  id: string;
  communityId: string;
  communityName: string;
  term: number;
  mode: string;
  seatsDirector: number;
  seatsDeputy: number;
  seatsMember: number;
  electionDate: string;
  lawCode: string;
  status: string;
  voterCount: number;
  candidateCount: number;
  version: number;
}

interface VoterRow {
  residentId: string;
  name: string;
  idMasked: string;
  sex: 'F' | 'M';
  address: string | null;
  householdRep: boolean;
  groupRep: boolean;
  source: 'derived' | 'manual';
  excluded: boolean;
  reason: string | null;
}

/** What the voter list shows: everyone, a representative roll, or the corrections that removed a voter. */
export type VotersView = 'all' | 'reps' | 'group_reps' | 'excluded';

/**
 * Residents who on `day` are a representative (居民小组代表) of one of the community's residents' groups,
 * each once: a subquery to join, so the roll finds them by one hash join rather than a probe per voter.
 */
function groupRepresentatives(communityId: SQL, day: SQL) {
  return sql`SELECT DISTINCT m.resident_id FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
             WHERE o.type = 'residents_group' AND o.community_id = ${communityId} AND m.role = 'representative'
               AND m.resident_id IS NOT NULL AND m.start_date <= ${day} AND (m.end_date IS NULL OR m.end_date >= ${day})`;
}

const LIST_SELECT = sql`
  SELECT e.id, e.community_id AS "communityId", c.name AS "communityName", e.term, e.mode,
         e.seats_director AS "seatsDirector", e.seats_deputy AS "seatsDeputy", e.seats_member AS "seatsMember",
         e.election_date::text AS "electionDate", e.law_code AS "lawCode", e.status, e.version,
         (SELECT count(*) FROM election_voters v WHERE v.election_id = e.id AND NOT v.excluded)::int AS "voterCount",
         (SELECT count(*) FROM election_candidates k WHERE k.election_id = e.id)::int AS "candidateCount"
  FROM elections e JOIN regions c ON c.id = e.community_id`;

function listItem(r: ElectionListRow) {
  return { ...r, mode: r.mode as 'all_voters', status: r.status as 'preparing' };
}
