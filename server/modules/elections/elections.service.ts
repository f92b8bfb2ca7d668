import { escapeCell } from '../residents/residents.search';
import ExcelJS from 'exceljs';
import type {
  CreateElectionRequest,
  ElectionDetail,
  ElectionsQuery,
  EnterTallyRequest,
  RoundResult,
  TallyPreviewRequest,
  VotersQuery,
} from '../../../shared/contracts/elections';
import { POST_LABELS, type Post } from '../../../shared/contracts/elections';
import { lawVersionOn, type ElectionLawVersion } from '../../../shared/domain/election-law';
import { tallyElection, type TallyResult } from '../../../shared/domain/election-tally';
import { addDays, electionTimeline } from '../../../shared/domain/election-timeline';
import { transaction, type Db } from '../../db/client';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { today } from '../../lib/clock';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict, type FieldIssue } from '../../lib/errors';
import { scopeCovers } from '../../lib/scope';
import { isUniqueViolation } from '../../db/sql';
import type { TodoItem, WorkbenchContribution } from '../module';
import type { AuditService } from '../audit/audit.service';
import type { RegionsService } from '../regions/regions.service';
import type { CandidateRow, ElectionRow, ElectionsRepository } from './elections.repository';

/** The residence types that vote where they are registered (户籍常住, 户籍外出); others are added by hand on application. */
export const VOTING_RESIDENCE_TYPES = ['registered_resident', 'registered_away'] as const;

const field = (path: string, code: string, message: string, messageEn: string): FieldIssue => ({ path, code, message, messageEn });
const conflict = (reason: string, extra: Record<string, unknown> = {}) => new AppError('CONFLICT', { reason, ...extra });

/** Checks a tally's input beyond its shape: every vote names a candidate, ids are unique (400 naming the field). */
export function checkTallyInput(input: Pick<TallyPreviewRequest, 'candidates' | 'votes'>) {
  const issues: FieldIssue[] = [];
  const ids = new Set<string>();
  input.candidates.forEach((c, i) => {
    if (ids.has(c.id)) issues.push(field(`candidates.${i}.id`, 'duplicate', `候选人编号重复：${c.id}`, `duplicate candidate id: ${c.id}`));
    ids.add(c.id);
  });
  for (const id of Object.keys(input.votes))
    if (!ids.has(id)) issues.push(field(`votes.${id}`, 'unknown_candidate', `得票中有未知候选人：${id}`, `votes for an unknown candidate: ${id}`));
  if (issues.length > 0) throw validationError(issues);
}

/**
 * Residents' committee elections (DOMAIN.md §3.4, §4): the election and its statutory timeline, the voter
 * roll derived from the registry with audited manual corrections, nominations with the candidate-list
 * checks, the counts per polling station and the result by the pure tally. An election belongs to a
 * community: street and city grants see their communities' elections, a community worker their own, a
 * grid grant none.
 */
export class ElectionsService {
  constructor(
    private readonly db: Db,
    private readonly repo: ElectionsRepository,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  /** The tally as an official checks a count by hand: no object, no scope. */
  preview(input: TallyPreviewRequest): TallyResult {
    checkTallyInput(input);
    return tallyElection(input, lawRules(lawVersionOn(today())));
  }

  async list(actor: Actor, query: ElectionsQuery) {
    const scope = await this.regions.scopeFor(actor, 'elections.read');
    return this.repo.page({ scope, communityId: query.communityId, status: query.status }, query.pageSize, (query.page - 1) * query.pageSize);
  }

  /** An election the actor may read; 404 otherwise (no probing of ids). */
  async readable(actor: Actor, id: string): Promise<ElectionRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('election');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'elections.read'), { communityId: row.communityId })) throw outOfScopeNotFound('election');
    return row;
  }

  /** An election the actor may change: 404 when they cannot read it, 403 when they may read but not write. */
  private async writable(actor: Actor, id: string): Promise<ElectionRow> {
    const row = await this.readable(actor, id);
    await this.regions.assertCovers(actor, 'elections.write', { communityId: row.communityId });
    return row;
  }

  async create(ctx: RequestContext, input: CreateElectionRequest) {
    const actor = actorOf(ctx);
    if (!(await this.repo.communityName(input.communityId))) throw validationError([field('communityId', 'not_community', '不是社区', 'not a community')]);
    await this.regions.assertCovers(actor, 'elections.write', { communityId: input.communityId });
    const law = lawVersionOn(input.electionDate);
    const seats = input.seatsDirector + input.seatsDeputy + input.seatsMember;
    const issues: FieldIssue[] = [];
    if (input.seatsDirector !== 1) issues.push(field('seatsDirector', 'one_director', '主任应为 1 名', 'there is one director'));
    if (seats < law.minMembers || seats > law.maxMembers)
      issues.push(
        field(
          'seatsMember',
          'committee_size',
          `委员会成员应为 ${law.minMembers}–${law.maxMembers} 名（现为 ${seats} 名）`,
          `a committee has ${law.minMembers}–${law.maxMembers} members (here ${seats})`,
        ),
      );
    if (issues.length > 0) throw validationError(issues);
    if (await this.repo.byTerm(input.communityId, input.term)) throw new AppError('DUPLICATE', [{ path: 'term' }], { field: 'term' });
    try {
      const row = await transaction(this.db, async (tx) => {
        const e = await this.repo.insert({ ...input, lawCode: law.code, createdBy: actor.userId }, tx);
        await this.audit.record(
          ctx,
          {
            action: 'elections.create',
            objectType: 'election',
            objectId: e.id,
            communityId: e.communityId,
            details: { term: e.term, electionDate: e.electionDate },
          },
          tx,
        );
        return e;
      });
      return this.get(actor, row.id);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('DUPLICATE', [{ path: 'term' }], { field: 'term' });
      throw err;
    }
  }

  async get(actor: Actor, id: string): Promise<ElectionDetail> {
    const row = await this.readable(actor, id);
    const law = lawOf(row);
    const [item, counts, candidates, conflicts, tallies] = await Promise.all([
      this.repo.listItem(id),
      this.repo.rollCounts(id),
      this.repo.candidates(id, row.electionDate),
      this.repo.conflicts(id),
      this.repo.tallies(id),
    ]);
    const results = row.results ?? [];
    const last = results[results.length - 1];
    const runoff = new Set(last?.runoffCandidates ?? []);
    return {
      ...item!,
      law,
      timeline: electionTimeline(row.electionDate, law),
      householdRepCount: counts.reps,
      candidates: candidates.map((c) => ({
        id: c.id,
        residentId: c.residentId,
        name: c.name,
        sex: c.sex,
        age: c.age,
        post: c.post as Post,
        nominatorCount: c.nominatorCount,
        inRunoff: runoff.has(c.id),
      })),
      checks: candidateChecks(row, law, candidates, conflicts.length),
      conflicts,
      tallies: tallies.map((t) => ({
        id: t.id,
        round: t.round,
        station: t.station,
        ballotsIssued: t.ballotsIssued,
        ballotsReturned: t.ballotsReturned,
        invalidBallots: t.invalidBallots,
        votes: t.votes,
      })),
      results,
    };
  }

  // ---------------------------------------------------------------- roll

  /** Derives the voter roll and the household-representative roll from the registry on election day. */
  async deriveRoll(ctx: RequestContext, id: string) {
    const row = await this.writable(actorOf(ctx), id);
    if (row.status !== 'preparing') throw conflict('election_not_in_preparation');
    const law = lawOf(row);
    const started = performance.now();
    return transaction(this.db, async (tx) => {
      const { added, removed } = await this.repo.deriveRoll(row, law.voterMinAge, VOTING_RESIDENCE_TYPES, tx);
      const counts = await this.repo.rollCounts(id, tx);
      await this.audit.record(
        ctx,
        {
          action: 'elections.roll.derive',
          objectType: 'election',
          objectId: id,
          communityId: row.communityId,
          details: { added, removed, voters: counts.voters },
        },
        tx,
      );
      return {
        voterCount: counts.voters,
        householdRepCount: counts.reps,
        added,
        removed,
        manualKept: counts.manual,
        ms: Math.round(performance.now() - started),
      };
    });
  }

  async voters(actor: Actor, id: string, query: VotersQuery) {
    await this.readable(actor, id);
    return this.repo.voters(id, { q: query.q || undefined, view: query.view }, query.pageSize, (query.page - 1) * query.pageSize);
  }

  /** The roll as an official .xlsx (masked ID numbers), for publication 20 days before the vote. */
  async exportVoters(ctx: RequestContext, id: string, view: 'all' | 'reps') {
    const row = await this.readable(actorOf(ctx), id);
    const communityName = (await this.repo.communityName(row.communityId)) ?? '';
    const { items } = await this.repo.voters(id, { view }, 200_000, 0);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(view === 'reps' ? '户代表名单' : '选民名单');
    ws.addRow([`${communityName}第${row.term}届居民委员会选举${view === 'reps' ? '户代表' : '选民'}名单（选举日 ${row.electionDate}）`]);
    ws.addRow(['序号', '姓名', '性别', '身份证号（脱敏）', '住址', '户代表', '来源']);
    items.forEach((v, i) =>
      ws.addRow([
        i + 1,
        escapeCell(v.name),
        v.sex === 'F' ? '女' : '男',
        v.idMasked,
        escapeCell(v.address ?? ''),
        v.householdRep ? '是' : '',
        v.source === 'manual' ? '补登' : '人口库',
      ]),
    );
    ws.columns.forEach((c, i) => (c.width = [6, 12, 6, 22, 36, 8, 8][i]));
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    // A list of people leaves the system: who took it, of which election, how many rows.
    await this.audit.record(ctx, {
      action: 'elections.voters.export',
      objectType: 'election',
      objectId: id,
      communityId: row.communityId,
      details: { view, rows: items.length },
    });
    return { buffer, rows: items.length, filename: `${communityName}第${row.term}届${view === 'reps' ? '户代表' : '选民'}名单.xlsx` };
  }

  /** Adds a voter by hand (an application, an objection upheld), with a reason; audited. */
  async addVoter(ctx: RequestContext, id: string, input: { residentId: string; reason: string }) {
    const row = await this.writable(actorOf(ctx), id);
    if (row.status !== 'preparing') throw conflict('election_not_in_preparation');
    const law = lawOf(row);
    const person = await this.repo.resident(input.residentId, row.electionDate);
    if (!person || person.communityId !== row.communityId)
      throw validationError([field('residentId', 'not_in_community', '该居民不在本社区登记', 'the resident is not registered in this community')]);
    if (person.status !== 'active') throw validationError([field('residentId', 'not_active', '该居民不在册', 'the resident is not on the registry')]);
    if (person.age < law.voterMinAge)
      throw validationError([field('residentId', 'under_age', `选举日未满 ${law.voterMinAge} 周岁`, `under ${law.voterMinAge} on election day`)]);
    const existing = await this.repo.voter(id, input.residentId);
    if (existing && !existing.excluded) throw new AppError('DUPLICATE', [{ path: 'residentId' }], { field: 'residentId' });
    await transaction(this.db, async (tx) => {
      if (existing) await this.repo.setExcluded(existing.id, false, input.reason, actorOf(ctx).userId, tx);
      else
        await this.repo.insertVoter(
          {
            communityId: row.communityId,
            electionId: id,
            residentId: input.residentId,
            householdId: person.householdId,
            source: 'manual',
            reason: input.reason,
            changedBy: actorOf(ctx).userId,
          },
          tx,
        );
      await this.audit.record(
        ctx,
        {
          action: 'elections.voter.add',
          objectType: 'election',
          objectId: id,
          communityId: row.communityId,
          details: { residentId: input.residentId, reason: input.reason },
        },
        tx,
      );
    });
    return { ok: true as const };
  }

  /** Removes a voter by hand with a reason (kept as an exclusion, so deriving again does not bring them back); audited. */
  async removeVoter(ctx: RequestContext, id: string, input: { residentId: string; reason: string }) {
    const row = await this.writable(actorOf(ctx), id);
    if (row.status !== 'preparing') throw conflict('election_not_in_preparation');
    const existing = await this.repo.voter(id, input.residentId);
    if (!existing || existing.excluded) throw validationError([field('residentId', 'not_on_roll', '该居民不在选民名单上', 'the resident is not on the roll')]);
    await transaction(this.db, async (tx) => {
      await this.repo.setExcluded(existing.id, true, input.reason, actorOf(ctx).userId, tx);
      await this.audit.record(
        ctx,
        {
          action: 'elections.voter.remove',
          objectType: 'election',
          objectId: id,
          communityId: row.communityId,
          details: { residentId: input.residentId, reason: input.reason },
        },
        tx,
      );
    });
    return { ok: true as const };
  }

  // ---------------------------------------------------------------- candidates

  /** Nominates a voter on the roll for a post. Too few nominators is refused (400 naming the field). */
  async nominate(ctx: RequestContext, id: string, input: { residentId: string; post: Post; nominatorCount: number }) {
    const row = await this.writable(actorOf(ctx), id);
    if (row.status !== 'preparing') throw conflict('election_not_in_preparation');
    const law = lawOf(row);
    if (input.nominatorCount < law.minNominators)
      throw validationError([
        field(
          'nominatorCount',
          'too_few_nominators',
          `联名提名人数不得少于 ${law.minNominators} 人`,
          `a nomination needs at least ${law.minNominators} voters`,
        ),
      ]);
    const voter = await this.repo.voter(id, input.residentId);
    if (!voter || voter.excluded)
      throw validationError([field('residentId', 'not_a_voter', '被提名人须在本届选民名单上', 'the nominee must be on the voter roll')]);
    try {
      const c = await transaction(this.db, async (tx) => {
        const cand = await this.repo.insertCandidate(
          {
            communityId: row.communityId,
            electionId: id,
            residentId: input.residentId,
            post: input.post,
            nominatorCount: input.nominatorCount,
            createdBy: actorOf(ctx).userId,
          },
          tx,
        );
        await this.audit.record(
          ctx,
          {
            action: 'elections.candidate.nominate',
            objectType: 'election',
            objectId: id,
            communityId: row.communityId,
            details: { candidateId: cand.id, residentId: input.residentId, post: input.post, nominatorCount: input.nominatorCount },
          },
          tx,
        );
        return cand;
      });
      return { id: c.id };
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('DUPLICATE', [{ path: 'residentId' }], { field: 'residentId' });
      throw err;
    }
  }

  // ---------------------------------------------------------------- ballots

  /** Enters (or re-enters) one polling station's count of a round. */
  async enterTally(ctx: RequestContext, id: string, input: EnterTallyRequest) {
    const row = await this.writable(actorOf(ctx), id);
    if (row.status === 'completed' || row.status === 'void') throw conflict('election_closed');
    if (input.round === 2 && row.status !== 'runoff')
      throw validationError([field('round', 'no_runoff', '本次选举没有另行选举', 'this election has no second round')]);
    const candidates = await this.repo.candidates(id, row.electionDate);
    const allowed = new Set(input.round === 2 ? (row.results[0]?.runoffCandidates ?? []) : candidates.map((c) => c.id));
    const issues: FieldIssue[] = [];
    for (const cid of Object.keys(input.votes))
      if (!allowed.has(cid))
        issues.push(field(`votes.${cid}`, 'unknown_candidate', `得票中有非本轮候选人：${cid}`, `votes for someone not standing in this round: ${cid}`));
    if (input.invalidBallots > input.ballotsReturned)
      issues.push(field('invalidBallots', 'more_than_returned', '无效票多于收回选票', 'more invalid ballots than returned ones'));
    if (issues.length > 0) throw validationError(issues);
    return transaction(this.db, async (tx) => {
      const t = await this.repo.upsertTally({ ...input, communityId: row.communityId, electionId: id, enteredBy: actorOf(ctx).userId }, tx);
      await this.audit.record(
        ctx,
        {
          action: 'elections.tally.enter',
          objectType: 'election',
          objectId: id,
          communityId: row.communityId,
          details: { round: input.round, station: input.station },
        },
        tx,
      );
      return { id: t.id };
    });
  }

  /**
   * Sums the stations of a round and counts it with the pure tally under the law on election day. The
   * first round uses the committee's seats and all candidates; the second the seats left unfilled and the
   * runoff candidates. The status follows: completed, runoff (seats left), or void.
   */
  async computeResult(ctx: RequestContext, id: string, round: 1 | 2) {
    const row = await this.writable(actorOf(ctx), id);
    const law = lawOf(row);
    const previous = row.results.filter((r) => r.round < round);
    // Recounting the first round would throw away a second round already counted.
    if (round === 1 && row.results.some((r) => r.round === 2)) throw conflict('second_round_counted');
    if (round === 2 && (row.status !== 'runoff' || previous.length === 0))
      throw validationError([field('round', 'no_runoff', '本次选举没有另行选举', 'this election has no second round')]);
    const tallies = (await this.repo.tallies(id)).filter((t) => t.round === round);
    if (tallies.length === 0) throw validationError([field('round', 'no_tally', '尚未录入该轮计票结果', 'no count entered for this round')]);
    const all = await this.repo.candidates(id, row.electionDate);
    const first = previous[previous.length - 1];
    const standing = round === 2 ? all.filter((c) => first!.runoffCandidates.includes(c.id)) : all;
    const seats = round === 2 ? first!.unfilledSeats : row.seatsDirector + row.seatsDeputy + row.seatsMember;
    const counts = await this.repo.rollCounts(id);
    const registeredVoters = row.mode === 'household_reps' ? counts.reps : counts.voters;
    const votes: Record<string, number> = {};
    for (const t of tallies) for (const [k, v] of Object.entries(t.votes)) votes[k] = (votes[k] ?? 0) + v;
    const sum = (k: 'ballotsIssued' | 'ballotsReturned' | 'invalidBallots') => tallies.reduce((s, t) => s + t[k], 0);
    const input = {
      seats,
      registeredVoters,
      ballotsIssued: sum('ballotsIssued'),
      ballotsReturned: sum('ballotsReturned'),
      invalidBallots: sum('invalidBallots'),
      requireWoman: law.requireWoman && (round === 1 || !electedIncludesWoman(all, first!.elected)),
      candidates: standing.map((c) => ({ id: c.id, name: c.name, sex: c.sex })),
      votes,
      round,
    };
    const result = tallyElection(input, lawRules(law));
    const stored: RoundResult = {
      ...result,
      round,
      seats,
      registeredVoters,
      ballotsIssued: input.ballotsIssued,
      ballotsReturned: input.ballotsReturned,
      invalidBallots: input.invalidBallots,
      votes,
      computedAt: new Date().toISOString(),
    };
    // In a second round the law's floor may still leave seats open: the committee stands with the members elected.
    const status = !result.valid ? (round === 1 ? 'void' : 'runoff') : result.unfilledSeats > 0 && round === 1 ? 'runoff' : 'completed';
    return transaction(this.db, async (tx) => {
      const saved = await this.repo.saveResults(id, row.version, [...previous, stored], status, tx);
      if (!saved) throw versionConflict(row.version);
      await this.audit.record(
        ctx,
        {
          action: 'elections.result.compute',
          objectType: 'election',
          objectId: id,
          communityId: row.communityId,
          details: { round, valid: result.valid, elected: result.elected, unfilledSeats: result.unfilledSeats, status },
        },
        tx,
      );
      return stored;
    });
  }

  /** What the announcement (公告) prints: the elected members by post and votes, the handover date. */
  async announcement(actor: Actor, id: string) {
    const row = await this.readable(actor, id);
    const law = lawOf(row);
    if (row.results.length === 0) throw conflict('no_result');
    const candidates = new Map((await this.repo.candidates(id, row.electionDate)).map((c) => [c.id, c]));
    const first = row.results[0]!;
    const elected = row.results.flatMap((r) =>
      r.elected.map((cid) => {
        const c = candidates.get(cid)!;
        return { name: c.name, sex: c.sex, post: c.post as Post, votes: r.votes[cid] ?? 0 };
      }),
    );
    // One ballot for the committee: a post's seats go to its best-placed elected nominees; the rest serve as members.
    elected.sort((a, b) => b.votes - a.votes);
    const room: Record<Post, number> = { director: row.seatsDirector, deputy: row.seatsDeputy, member: Infinity };
    for (const x of elected) {
      if (room[x.post] > 0) room[x.post] -= 1;
      else x.post = 'member';
    }
    const order = ['director', 'deputy', 'member'];
    elected.sort((a, b) => order.indexOf(a.post) - order.indexOf(b.post) || b.votes - a.votes);
    const last = row.results[row.results.length - 1]!;
    const timeline = electionTimeline(row.electionDate, law);
    const communityName = (await this.repo.communityName(row.communityId)) ?? '';
    return {
      communityName,
      term: row.term,
      electionDate: row.electionDate,
      registeredVoters: first.registeredVoters,
      ballotsReturned: first.ballotsReturned,
      valid: first.valid,
      elected,
      unfilledSeats: last.valid ? last.unfilledSeats : last.seats,
      handoverBy: timeline.find((d) => d.key === 'handover')!.date,
      termEnds: timeline.find((d) => d.key === 'termEnds')!.date,
      issuedOn: today(),
    };
  }

  // ---------------------------------------------------------------- workbench

  /**
   * The 工作台: a card with the elections in progress, and a 待办 for each statutory deadline of an open
   * election in the next 60 days (the handover after a completed one, the re-run after a void one).
   */
  async workbench(actor: Actor, day: string): Promise<WorkbenchContribution> {
    if (!actor.permissions.has('elections.read')) return {};
    const scope = await this.regions.scopeFor(actor, 'elections.read');
    if (!scope.all && scope.communityIds.length === 0) return {};
    const rows = await this.repo.inScope(scope, ['preparing', 'runoff', 'completed', 'void']);
    const horizon = addDays(day, 60);
    const todos: TodoItem[] = [];
    let open = 0;
    for (const e of rows) {
      const timeline = electionTimeline(e.electionDate, lawVersionOn(e.electionDate));
      const keys =
        e.status === 'preparing' || e.status === 'runoff'
          ? ['voterListPublished', 'objectionsClose', 'objectionsAnswered', 'candidateListPublished', 'electionDay']
          : e.status === 'completed'
            ? ['handover']
            : ['rerunIfVoid'];
      if (e.status === 'preparing' || e.status === 'runoff') open += 1;
      for (const d of timeline)
        if (keys.includes(d.key) && d.date >= day && d.date <= horizon)
          todos.push({
            id: `elections:${d.key}:${e.id}`,
            module: 'elections',
            title: { zh: `${e.communityName}第${e.term}届换届选举：${d.label.zh}`, en: `${e.communityName} term ${e.term} election: ${d.label.en}` },
            dueDate: d.date,
            link: `/elections/${e.id}`,
            regionName: e.communityName,
          });
    }
    return {
      cards: [
        { key: 'elections.open', label: { zh: '进行中的换届选举', en: 'Elections in progress' }, value: open, unit: { zh: '个', en: '' }, link: '/elections' },
      ],
      todos,
    };
  }
}

function lawOf(row: ElectionRow): ElectionLawVersion {
  return lawVersionOn(row.electionDate);
}

function lawRules(law: ElectionLawVersion) {
  return { turnoutShare: law.turnoutShare, winShare: law.winShare, runoffFloorShare: law.runoffFloorShare };
}

function electedIncludesWoman(all: CandidateRow[], ids: string[]) {
  return all.some((c) => ids.includes(c.id) && c.sex === 'F');
}

/** The checks on the candidate list the law asks for (差额, a woman, near relatives, nominators, size). */
function candidateChecks(row: ElectionRow, law: ElectionLawVersion, candidates: CandidateRow[], conflicts: number) {
  const seats = row.seatsDirector + row.seatsDeputy + row.seatsMember;
  const women = candidates.filter((c) => c.sex === 'F').length;
  const few = candidates.filter((c) => c.nominatorCount < law.minNominators).length;
  const perPost = (['director', 'deputy', 'member'] as const).map((p) => ({
    p,
    seats: p === 'director' ? row.seatsDirector : p === 'deputy' ? row.seatsDeputy : row.seatsMember,
    n: candidates.filter((c) => c.post === p).length,
  }));
  const short = perPost.filter((x) => x.seats > 0 && x.n <= x.seats);
  return [
    {
      code: 'MORE_CANDIDATES_THAN_SEATS' as const,
      ok: candidates.length > seats && short.length === 0,
      zh:
        short.length === 0 && candidates.length > seats
          ? `差额选举：${candidates.length} 名候选人竞选 ${seats} 个名额`
          : `候选人须多于应选名额（差额）：${short.map((x) => `${POST_LABELS[x.p].zh} ${x.n}/${x.seats}`).join('，') || `${candidates.length}/${seats}`}`,
      en:
        short.length === 0 && candidates.length > seats
          ? `Contested: ${candidates.length} candidates for ${seats} seats`
          : `More candidates than seats needed: ${short.map((x) => `${POST_LABELS[x.p].en} ${x.n}/${x.seats}`).join(', ') || `${candidates.length}/${seats}`}`,
    },
    {
      code: 'WOMAN_CANDIDATE' as const,
      ok: !law.requireWoman || women > 0,
      zh: women > 0 ? `妇女候选人 ${women} 名` : '候选人中没有妇女，无法保证妇女成员名额',
      en: women > 0 ? `${women} woman candidate(s)` : 'No woman stands: the woman member cannot be elected',
    },
    {
      code: 'NEAR_RELATIVES' as const,
      ok: conflicts === 0,
      zh: conflicts === 0 ? '候选人之间没有近亲属关系' : `${conflicts} 对候选人为近亲属（同户），不得同时任职`,
      en:
        conflicts === 0
          ? 'No near relatives among the candidates'
          : `${conflicts} pair(s) of candidates are near relatives (same household) and may not serve together`,
    },
    {
      code: 'NOMINATORS' as const,
      ok: few === 0,
      zh: few === 0 ? `每名候选人至少 ${law.minNominators} 名选民联名提名` : `${few} 名候选人联名提名人数不足 ${law.minNominators} 人`,
      en:
        few === 0
          ? `Every candidate nominated by at least ${law.minNominators} voters`
          : `${few} candidate(s) nominated by fewer than ${law.minNominators} voters`,
    },
    {
      code: 'SEATS_IN_RANGE' as const,
      ok: seats >= law.minMembers && seats <= law.maxMembers,
      zh: `应选 ${seats} 名（法定 ${law.minMembers}–${law.maxMembers} 名）`,
      en: `${seats} seats (the law: ${law.minMembers}–${law.maxMembers})`,
    },
  ];
}
