import { escapeCell } from '../../lib/xlsx';
import ExcelJS from 'exceljs';
import type {
  AnswerObjectionRequest,
  CreateElectionRequest,
  FileObjectionRequest,
  FileOwnObjectionRequest,
  MyElection,
  MyElections,
  ProposeRecallRequest,
  RecordRecallVoteRequest,
  UpdateElectionRequest,
  ElectionDetail,
  ElectionsQuery,
  EnterTallyRequest,
  RoundResult,
  TallyPreviewRequest,
  VotersQuery,
} from '../../../shared/contracts/elections';
import { POST_LABELS, type Post, type VOTERS_EXPORT_VIEWS } from '../../../shared/contracts/elections';
import { lawVersionOn, type ElectionLawVersion } from '../../../shared/domain/election-law';
import { checkRecallProposal, recallProposersNeeded, tallyRecall } from '../../../shared/domain/election-recall';
import { tallyElection, type TallyResult } from '../../../shared/domain/election-tally';
import { addDays, electionTimeline } from '../../../shared/domain/election-timeline';
import { transaction, type Db } from '../../db/client';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { today } from '../../lib/clock';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict, type FieldIssue } from '../../lib/errors';
import { scopeCovers, selfPlaceScope, type SelfScope } from '../../lib/scope';
import { isUniqueViolation } from '../../db/sql';
import type { TodoItem, WorkbenchContribution } from '../module';
import type { AuditService } from '../audit/audit.service';
import type { RegionsService } from '../regions/regions.service';
import type { CandidateRow, ElectionRow, ElectionsRepository } from './elections.repository';

/** 409 for a stale edit, naming the field that carries the version read. */
const staleVersion = (current: number) => new AppError('VERSION_CONFLICT', { field: 'version', currentVersion: current });

/** The residence types that vote where they are registered (户籍常住, 户籍外出); others are added by hand on application. */
export const VOTING_RESIDENCE_TYPES = ['registered_resident', 'registered_away'] as const;

/**
 * The registered voters an election's turnout and recall shares are counted against: its own roll by
 * mode — the household representatives (户代表), the residents'-group representatives (居民小组代表), or
 * every voter.
 */
export function registeredVotersOf(mode: string, counts: { voters: number; reps: number; groupReps: number }): number {
  if (mode === 'household_reps') return counts.reps;
  if (mode === 'group_reps') return counts.groupReps;
  return counts.voters;
}

/** The roll an export prints, as its title names it. */
type VotersExportView = (typeof VOTERS_EXPORT_VIEWS)[number];
const EXPORT_ROLL_NAMES: Record<VotersExportView, string> = { all: '选民', reps: '户代表', group_reps: '居民小组代表' };

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
    checkSeats(input, law);
    if (await this.repo.byTerm(input.communityId, input.term)) throw new AppError('DUPLICATE', [{ path: 'term' }], { field: 'term' });
    try {
      const row = await transaction(this.db, async () => {
        const e = await this.repo.insert({ ...input, lawCode: law.code, createdBy: actor.userId });
        await this.audit.record(ctx, {
          action: 'elections.create',
          objectType: 'election',
          objectId: e.id,
          communityId: e.communityId,
          details: { term: e.term, electionDate: e.electionDate },
        });
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
    const [item, counts, candidates, conflicts, tallies, objections, recalls, canEdit] = await Promise.all([
      this.repo.listItem(id),
      this.repo.rollCounts(id),
      this.repo.candidates(id, row.electionDate),
      this.repo.conflicts(id),
      this.repo.tallies(id),
      this.repo.objections(id),
      this.repo.recalls(id),
      this.regions.covers(actor, 'elections.write', { communityId: row.communityId }),
    ]);
    const results = row.results ?? [];
    const last = results[results.length - 1];
    const runoff = new Set(last?.runoffCandidates ?? []);
    const timeline = electionTimeline(row.electionDate, law);
    const answerDue = timeline.find((d) => d.key === 'objectionsAnswered')!.date;
    const day = today();
    return {
      ...item!,
      withdrawnReason: row.withdrawnReason,
      withdrawnOn: row.withdrawnOn,
      objections: objections.map((o) => ({
        id: o.id,
        kind: o.kind as 'include' | 'exclude',
        residentId: o.residentId,
        residentName: o.residentName,
        idMasked: o.idMasked,
        filedBy: o.filedBy,
        reason: o.reason,
        filedOn: o.filedOn,
        status: o.status as 'open' | 'upheld' | 'rejected',
        answer: o.answer,
        answeredOn: o.answeredOn,
        answerDue,
        late: o.answeredOn ? o.answeredOn > answerDue : day > answerDue,
      })),
      recalls: recalls.map((k) => ({
        id: k.id,
        candidateId: k.candidateId,
        memberName: k.memberName,
        proposerCount: k.proposerCount,
        registeredVoters: k.registeredVoters,
        proposersNeeded: recallProposersNeeded(k.registeredVoters, { proposerShare: law.recallProposerShare }),
        reason: k.reason,
        proposedOn: k.proposedOn,
        status: k.status as 'proposed',
        voteDate: k.voteDate,
        ballotsIssued: k.ballotsIssued,
        ballotsReturned: k.ballotsReturned,
        invalidBallots: k.invalidBallots,
        votesFor: k.votesFor,
        reasons: k.reasons,
      })),
      law,
      timeline,
      householdRepCount: counts.reps,
      groupRepCount: counts.groupReps,
      candidates: candidates.map((c) => ({
        id: c.id,
        residentId: c.residentId,
        name: c.name,
        sex: c.sex,
        age: c.age,
        post: c.post as Post,
        nominatorCount: c.nominatorCount,
        inRunoff: runoff.has(c.id),
        recalled: recalls.some((k) => k.candidateId === c.id && k.status === 'passed'),
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
      capabilities: { canEdit },
    };
  }

  // ---------------------------------------------------------------- roll

  /** Derives the voter roll and the household-representative roll from the registry on election day. */
  async deriveRoll(ctx: RequestContext, id: string) {
    const row = await this.writable(actorOf(ctx), id);
    if (row.status !== 'preparing') throw conflict('election_not_in_preparation');
    const law = lawOf(row);
    const started = performance.now();
    return transaction(this.db, async () => {
      const { added, removed } = await this.repo.deriveRoll(row, law.voterMinAge, VOTING_RESIDENCE_TYPES);
      const counts = await this.repo.rollCounts(id);
      await this.audit.record(ctx, {
        action: 'elections.roll.derive',
        objectType: 'election',
        objectId: id,
        communityId: row.communityId,
        details: { added, removed, voters: counts.voters },
      });
      return {
        voterCount: counts.voters,
        householdRepCount: counts.reps,
        groupRepCount: counts.groupReps,
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
  async exportVoters(ctx: RequestContext, id: string, view: VotersExportView) {
    const row = await this.readable(actorOf(ctx), id);
    const communityName = (await this.repo.communityName(row.communityId)) ?? '';
    const { items } = await this.repo.voters(id, { view }, 200_000, 0);
    const who = EXPORT_ROLL_NAMES[view];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`${who}名单`);
    ws.addRow([`${communityName}第${row.term}届居民委员会选举${who}名单（选举日 ${row.electionDate}）`]);
    ws.addRow(['序号', '姓名', '性别', '身份证号（脱敏）', '住址', '户代表', '居民小组代表', '来源']);
    items.forEach((v, i) =>
      ws.addRow([
        i + 1,
        escapeCell(v.name),
        v.sex === 'F' ? '女' : '男',
        v.idMasked,
        escapeCell(v.address ?? ''),
        v.householdRep ? '是' : '',
        v.groupRep ? '是' : '',
        v.source === 'manual' ? '补登' : '人口库',
      ]),
    );
    ws.columns.forEach((c, i) => (c.width = [6, 12, 6, 22, 36, 8, 12, 8][i]));
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    // A list of people leaves the system: who took it, of which election, how many rows.
    await this.audit.record(ctx, {
      action: 'elections.voters.export',
      objectType: 'election',
      objectId: id,
      communityId: row.communityId,
      details: { view, rows: items.length },
    });
    return { buffer, rows: items.length, filename: `${communityName}第${row.term}届${who}名单.xlsx` };
  }

  /** Adds a voter by hand (an application, an objection upheld), with a reason; audited. */
  async addVoter(ctx: RequestContext, id: string, input: { residentId: string; reason: string }) {
    const row = await this.writable(actorOf(ctx), id);
    if (row.status !== 'preparing') throw conflict('election_not_in_preparation');
    const existing = await this.checkAddable(row, input.residentId);
    await transaction(this.db, async () => this.writeAdd(ctx, row, input, existing));
    return { ok: true as const };
  }

  /** Removes a voter by hand with a reason (kept as an exclusion, so deriving again does not bring them back); audited. */
  async removeVoter(ctx: RequestContext, id: string, input: { residentId: string; reason: string }) {
    const row = await this.writable(actorOf(ctx), id);
    if (row.status !== 'preparing') throw conflict('election_not_in_preparation');
    const existing = await this.repo.voter(id, input.residentId);
    if (!existing || existing.excluded) throw validationError([field('residentId', 'not_on_roll', '该居民不在选民名单上', 'the resident is not on the roll')]);
    await transaction(this.db, async () => this.writeRemove(ctx, row, input, existing.id));
    return { ok: true as const };
  }

  /** Whether a resident may be added to the roll (400 naming residentId); the roll row they already have, if any. */
  private async checkAddable(row: ElectionRow, residentId: string) {
    const law = lawOf(row);
    const person = await this.repo.resident(residentId, row.electionDate);
    if (!person || person.communityId !== row.communityId)
      throw validationError([field('residentId', 'not_in_community', '该居民不在本社区登记', 'the resident is not registered in this community')]);
    if (person.status !== 'active') throw validationError([field('residentId', 'not_active', '该居民不在册', 'the resident is not on the registry')]);
    if (person.age < law.voterMinAge)
      throw validationError([field('residentId', 'under_age', `选举日未满 ${law.voterMinAge} 周岁`, `under ${law.voterMinAge} on election day`)]);
    const existing = await this.repo.voter(row.id, residentId);
    if (existing && !existing.excluded) throw new AppError('DUPLICATE', [{ path: 'residentId' }], { field: 'residentId' });
    return { existing, householdId: person.householdId };
  }

  private async writeAdd(
    ctx: RequestContext,
    row: ElectionRow,
    input: { residentId: string; reason: string },
    found: { existing: { id: string } | undefined; householdId: string | null },
  ) {
    await this.repo.lockRoll(row.id);
    if (found.existing) await this.repo.setExcluded(found.existing.id, false, input.reason, actorOf(ctx).userId);
    else
      await this.repo.insertVoter(
        {
          communityId: row.communityId,
          electionId: row.id,
          residentId: input.residentId,
          householdId: found.householdId,
          source: 'manual',
          reason: input.reason,
          changedBy: actorOf(ctx).userId,
        },
        row.electionDate,
      );
    await this.audit.record(ctx, {
      action: 'elections.voter.add',
      objectType: 'election',
      objectId: row.id,
      communityId: row.communityId,
      details: { residentId: input.residentId, reason: input.reason },
    });
  }

  private async writeRemove(ctx: RequestContext, row: ElectionRow, input: { residentId: string; reason: string }, voterRowId: string) {
    await this.repo.setExcluded(voterRowId, true, input.reason, actorOf(ctx).userId);
    await this.audit.record(ctx, {
      action: 'elections.voter.remove',
      objectType: 'election',
      objectId: row.id,
      communityId: row.communityId,
      details: { residentId: input.residentId, reason: input.reason },
    });
  }

  // ---------------------------------------------------------------- edit and withdraw

  /** Refuses a change to an election that is withdrawn (409) or has counts or results (409). */
  private async assertNotCounted(row: ElectionRow) {
    if (row.status === 'withdrawn') throw new AppError('ELECTION_WITHDRAWN');
    if (row.results.length > 0 || row.status !== 'preparing' || (await this.repo.hasTallies(row.id))) throw new AppError('ELECTION_COUNTED');
  }

  /**
   * Edits the term, seats, mode or date of an election not yet counted, at the version read (409 naming
   * `version` when someone changed it since). A new date may bring another law version: the law code follows.
   */
  async update(ctx: RequestContext, id: string, input: UpdateElectionRequest) {
    const actor = actorOf(ctx);
    const row = await this.writable(actor, id);
    await this.assertNotCounted(row);
    if (input.version !== row.version) throw staleVersion(row.version);
    const { version, ...given } = input;
    const next = {
      term: given.term ?? row.term,
      mode: given.mode ?? row.mode,
      seatsDirector: given.seatsDirector ?? row.seatsDirector,
      seatsDeputy: given.seatsDeputy ?? row.seatsDeputy,
      seatsMember: given.seatsMember ?? row.seatsMember,
      electionDate: given.electionDate ?? row.electionDate,
    };
    const law = lawVersionOn(next.electionDate);
    checkSeats(next, law);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== row[k]);
    if (changed.length === 0) return this.get(actor, id);
    if (changed.includes('term')) {
      const other = await this.repo.byTerm(row.communityId, next.term);
      if (other && other.id !== id && other.status !== 'withdrawn') throw new AppError('DUPLICATE', [{ path: 'term' }], { field: 'term' });
    }
    try {
      const saved = await transaction(this.db, async () => {
        const r = await this.repo.update(id, version, { ...next, lawCode: law.code });
        if (!r) return undefined;
        await this.audit.record(ctx, {
          action: 'elections.update',
          objectType: 'election',
          objectId: id,
          communityId: row.communityId,
          details: { fields: changed, from: Object.fromEntries(changed.map((k) => [k, row[k]])), to: Object.fromEntries(changed.map((k) => [k, next[k]])) },
        });
        return r;
      });
      // The current version is read after the transaction (PGlite has one connection, held by the transaction).
      if (!saved) throw staleVersion((await this.repo.byId(id))?.version ?? row.version);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('DUPLICATE', [{ path: 'term' }], { field: 'term' });
      throw err;
    }
    return this.get(actor, id);
  }

  /** Withdraws (cancels) an election not yet counted, with the reason, at the version read; audited. */
  async withdraw(ctx: RequestContext, id: string, input: { version: number; reason: string }) {
    const actor = actorOf(ctx);
    const row = await this.writable(actor, id);
    await this.assertNotCounted(row);
    if (input.version !== row.version) throw staleVersion(row.version);
    const saved = await transaction(this.db, async () => {
      const r = await this.repo.update(id, input.version, { status: 'withdrawn', withdrawnReason: input.reason, withdrawnOn: today() });
      if (!r) return undefined;
      await this.audit.record(ctx, {
        action: 'elections.withdraw',
        objectType: 'election',
        objectId: id,
        communityId: row.communityId,
        details: { reason: input.reason },
      });
      return r;
    });
    if (!saved) throw staleVersion((await this.repo.byId(id))?.version ?? row.version);
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- objections to the roll

  /**
   * Files an objection to the published roll: within the objection window of the timeline (from the
   * list's publication to objectionsClose), about a voter on the roll (exclude) or a resident of the
   * community missing from it (include).
   */
  async fileObjection(ctx: RequestContext, id: string, input: FileObjectionRequest) {
    const row = await this.writable(actorOf(ctx), id);
    if (row.status === 'withdrawn') throw new AppError('ELECTION_WITHDRAWN');
    if (row.status !== 'preparing') throw conflict('election_not_in_preparation');
    const timeline = electionTimeline(row.electionDate, lawOf(row));
    const opens = timeline.find((d) => d.key === 'voterListPublished')!.date;
    const closes = timeline.find((d) => d.key === 'objectionsClose')!.date;
    if (input.filedOn > today()) throw validationError([field('filedOn', 'in_future', '提出日期不能晚于今天', 'the filing date cannot be after today')]);
    if (input.filedOn < opens || input.filedOn > closes)
      throw validationError([field('filedOn', 'outside_window', `异议应在 ${opens} 至 ${closes} 之间提出`, `objections are filed from ${opens} to ${closes}`)]);
    const voter = await this.repo.voter(id, input.residentId);
    const onRoll = !!voter && !voter.excluded;
    if (input.kind === 'exclude' && !onRoll)
      throw validationError([field('residentId', 'not_on_roll', '该居民不在选民名单上', 'the resident is not on the roll')]);
    if (input.kind === 'include') {
      const person = await this.repo.resident(input.residentId, row.electionDate);
      if (!person || person.communityId !== row.communityId)
        throw validationError([field('residentId', 'not_in_community', '该居民不在本社区登记', 'the resident is not registered in this community')]);
      if (onRoll) throw validationError([field('residentId', 'already_on_roll', '该居民已在选民名单上', 'the resident is on the roll already')]);
    }
    const o = await transaction(this.db, async () => {
      const created = await this.repo.insertObjection({
        communityId: row.communityId,
        electionId: id,
        kind: input.kind,
        residentId: input.residentId,
        filedBy: input.filedBy,
        reason: input.reason,
        filedOn: input.filedOn,
        createdBy: actorOf(ctx).userId,
      });
      await this.audit.record(ctx, {
        action: 'elections.objection.file',
        objectType: 'election',
        objectId: id,
        communityId: row.communityId,
        details: { objectionId: created.id, kind: input.kind, residentId: input.residentId, filedOn: input.filedOn },
      });
      return created;
    });
    return { id: o.id };
  }

  /**
   * Answers an objection (upheld or rejected). An upheld one applies the correction to the roll in the same
   * transaction (the voter added or removed, audited as such); the answer is due by the timeline's
   * objectionsAnswered, and a late one is still taken (and shown late).
   */
  async answerObjection(ctx: RequestContext, id: string, objectionId: string, input: AnswerObjectionRequest) {
    const row = await this.writable(actorOf(ctx), id);
    const o = await this.repo.objectionById(id, objectionId);
    if (!o) throw notFound('objection');
    if (o.status !== 'open') throw new AppError('OBJECTION_ANSWERED');
    if (row.status === 'withdrawn') throw new AppError('ELECTION_WITHDRAWN');
    if (row.status !== 'preparing') throw conflict('election_not_in_preparation');
    if (input.answeredOn > today()) throw validationError([field('answeredOn', 'in_future', '答复日期不能晚于今天', 'the answer date cannot be after today')]);
    if (input.answeredOn < o.filedOn)
      throw validationError([field('answeredOn', 'before_filed', '答复日期不能早于提出日期', 'the answer cannot come before the objection')]);
    const correction = { residentId: o.residentId, reason: `异议成立：${o.reason}`.slice(0, 200) };
    let add: Awaited<ReturnType<ElectionsService['checkAddable']>> | undefined;
    let removeRow: string | undefined;
    if (input.decision === 'upheld') {
      const voter = await this.repo.voter(id, o.residentId);
      const onRoll = !!voter && !voter.excluded;
      if (o.kind === 'include' && !onRoll) add = await this.checkAddable(row, o.residentId);
      if (o.kind === 'exclude' && onRoll) removeRow = voter!.id;
    }
    await transaction(this.db, async () => {
      const answered = await this.repo.answerObjection(objectionId, {
        status: input.decision,
        answer: input.answer,
        answeredOn: input.answeredOn,
        answeredBy: actorOf(ctx).userId,
      });
      if (!answered) throw new AppError('OBJECTION_ANSWERED');
      if (add) await this.writeAdd(ctx, row, correction, add);
      if (removeRow) await this.writeRemove(ctx, row, correction, removeRow);
      await this.audit.record(ctx, {
        action: 'elections.objection.answer',
        objectType: 'election',
        objectId: id,
        communityId: row.communityId,
        details: { objectionId, decision: input.decision, answeredOn: input.answeredOn, corrected: !!(add || removeRow) },
      });
    });
    return { ok: true as const };
  }

  // ---------------------------------------------------------------- a resident's own objections (the portal)

  /** The objection window of an election: from the roll's publication to the last day of objections, and the answer's due day. */
  private static window(electionDate: string) {
    const timeline = electionTimeline(electionDate, lawVersionOn(electionDate));
    const at = (key: string) => timeline.find((d) => d.key === key)!.date;
    return { opens: at('voterListPublished'), closes: at('objectionsClose'), answerDue: at('objectionsAnswered') };
  }

  /**
   * 选举 in the resident portal: the elections of the resident's own community whose derived roll is open to
   * objections today, and those the resident objected to (with the answers). Only the resident's own entry
   * is told (on the roll or not), never anyone else's.
   */
  async ownElections(actor: Actor, self: SelfScope): Promise<MyElections> {
    const day = today();
    const [label, rows] = await Promise.all([
      this.repo.residentLabel(self.residentId),
      this.repo.ownElections(self.communityId, self.residentId, actor.userId),
    ]);
    if (!label) throw notFound('resident');
    const objections = await this.repo.ownObjections(
      rows.map((r) => r.id),
      self.residentId,
      actor.userId,
    );
    const items = rows
      .map((r) => {
        const w = ElectionsService.window(r.electionDate);
        const mine = objections.filter((o) => o.electionId === r.id);
        return {
          id: r.id,
          communityName: r.communityName,
          term: r.term,
          mode: r.mode,
          electionDate: r.electionDate,
          objectionsOpen: w.opens,
          objectionsClose: w.closes,
          windowOpen: r.status === 'preparing' && r.rollPublished && w.opens <= day && day <= w.closes,
          onRoll: r.onRoll,
          objections: mine.map((o) => ({
            id: o.id,
            kind: o.kind as MyElection['objections'][number]['kind'],
            reason: o.reason,
            filedOn: o.filedOn,
            status: o.status as MyElection['objections'][number]['status'],
            answer: o.answer,
            answeredOn: o.answeredOn,
            answerDue: w.answerDue,
          })),
        };
      })
      .filter((e) => e.windowOpen || e.objections.length > 0);
    return { name: label.name, idMasked: label.idMasked, items };
  }

  /**
   * A resident files their own objection to the published roll of their community (选民名单异议): about
   * themselves (missing from the roll, or on it wrongly), today, within the objection window (409 outside
   * it). Another community's election is 404. It lands with the objections a worker files and is answered
   * the same way (and shows as a 待办 until then). Audited.
   */
  async fileOwnObjection(ctx: RequestContext, self: SelfScope, id: string, input: FileOwnObjectionRequest) {
    const actor = actorOf(ctx);
    const label = await this.repo.residentLabel(self.residentId);
    if (!label) throw notFound('resident');
    const me = { id: self.residentId, communityId: self.communityId, name: label.name };
    const row = await this.repo.byId(id);
    if (!row) throw notFound('election');
    // An election of another community than the resident's is none of theirs.
    if (!scopeCovers(selfPlaceScope(self), { communityId: row.communityId })) throw outOfScopeNotFound('election');
    if (row.status === 'withdrawn') throw new AppError('ELECTION_WITHDRAWN');
    const w = ElectionsService.window(row.electionDate);
    const day = today();
    const rows = await this.repo.ownElections(me.communityId, me.id, actor.userId);
    const state = rows.find((r) => r.id === id);
    if (row.status !== 'preparing' || !state?.rollPublished || day < w.opens || day > w.closes)
      throw new AppError('OBJECTION_WINDOW_CLOSED', { field: 'filedOn', opens: w.opens, closes: w.closes }, { opens: w.opens, closes: w.closes });
    if (input.kind === 'include' && state.onRoll) throw validationError([field('kind', 'already_on_roll', '您已在选民名单上', 'you are on the roll already')]);
    if (input.kind === 'exclude' && !state.onRoll) throw validationError([field('kind', 'not_on_roll', '您不在选民名单上', 'you are not on the roll')]);
    if ((await this.repo.ownObjections([id], me.id, actor.userId)).some((o) => o.status === 'open')) throw new AppError('OBJECTION_PENDING');
    const o = await transaction(this.db, async () => {
      const created = await this.repo.insertObjection({
        communityId: row.communityId,
        electionId: id,
        kind: input.kind,
        residentId: me.id,
        filedBy: me.name.slice(0, 50),
        reason: input.reason,
        filedOn: day,
        createdBy: actor.userId,
      });
      await this.audit.record(ctx, {
        action: 'elections.objection.self',
        objectType: 'election',
        objectId: id,
        communityId: row.communityId,
        details: { objectionId: created.id, kind: input.kind, residentId: me.id, filedOn: day },
      });
      return created;
    });
    return { id: o.id };
  }

  // ---------------------------------------------------------------- recall (罢免)

  /**
   * Records a recall proposal against an elected member: at least the law's share (1/5) of the voters on
   * the election's roll must sign it (400 naming proposerCount otherwise).
   */
  async proposeRecall(ctx: RequestContext, id: string, input: ProposeRecallRequest) {
    const row = await this.writable(actorOf(ctx), id);
    const law = lawOf(row);
    const elected = new Set(row.results.filter((r) => r.valid).flatMap((r) => r.elected));
    if (!elected.has(input.candidateId))
      throw validationError([field('candidateId', 'not_elected', '只能罢免本届当选的成员', 'only a member elected in this election can be recalled')]);
    if (input.proposedOn > today())
      throw validationError([field('proposedOn', 'in_future', '提议日期不能晚于今天', 'the proposal date cannot be after today')]);
    if (input.proposedOn < row.electionDate)
      throw validationError([field('proposedOn', 'before_election', '提议日期不能早于选举日', 'the proposal cannot come before the election')]);
    const registeredVoters = registeredVotersOf(row.mode, await this.repo.rollCounts(id));
    const check = checkRecallProposal(input.proposerCount, registeredVoters, { proposerShare: law.recallProposerShare });
    if (!check.ok) throw validationError([field('proposerCount', 'too_few_proposers', check.reason!.zh, check.reason!.en)]);
    const pending = (await this.repo.recalls(id)).find((k) => k.candidateId === input.candidateId && (k.status === 'proposed' || k.status === 'passed'));
    if (pending) throw new AppError('DUPLICATE', [{ path: 'candidateId' }], { field: 'candidateId' });
    const k = await transaction(this.db, async () => {
      const created = await this.repo.insertRecall({
        communityId: row.communityId,
        electionId: id,
        candidateId: input.candidateId,
        proposerCount: input.proposerCount,
        registeredVoters,
        reason: input.reason,
        proposedOn: input.proposedOn,
        createdBy: actorOf(ctx).userId,
      });
      await this.audit.record(ctx, {
        action: 'elections.recall.propose',
        objectType: 'election',
        objectId: id,
        communityId: row.communityId,
        details: { recallId: created.id, candidateId: input.candidateId, proposerCount: input.proposerCount, registeredVoters },
      });
      return created;
    });
    return { id: k.id };
  }

  /** Records the vote on a proposed recall; the double majority (election-recall.ts) decides. */
  async recordRecallVote(ctx: RequestContext, id: string, recallId: string, input: RecordRecallVoteRequest) {
    const row = await this.writable(actorOf(ctx), id);
    const law = lawOf(row);
    const k = await this.repo.recallById(id, recallId);
    if (!k) throw notFound('recall');
    if (k.status !== 'proposed') throw new AppError('RECALL_RECORDED');
    if (input.voteDate > today()) throw validationError([field('voteDate', 'in_future', '投票日期不能晚于今天', 'the vote date cannot be after today')]);
    if (input.voteDate < k.proposedOn)
      throw validationError([field('voteDate', 'before_proposal', '投票日期不能早于提议日期', 'the vote cannot come before the proposal')]);
    const result = tallyRecall({ registeredVoters: k.registeredVoters, ...input }, { turnoutShare: law.turnoutShare, winShare: law.winShare });
    const status: 'void' | 'passed' | 'failed' = !result.valid ? 'void' : result.passed ? 'passed' : 'failed';
    await transaction(this.db, async () => {
      const saved = await this.repo.recordRecallVote(recallId, { ...input, status, reasons: result.reasons, recordedBy: actorOf(ctx).userId });
      if (!saved) throw new AppError('RECALL_RECORDED');
      await this.audit.record(ctx, {
        action: 'elections.recall.result',
        objectType: 'election',
        objectId: id,
        communityId: row.communityId,
        details: { recallId, candidateId: k.candidateId, status, ballotsReturned: input.ballotsReturned, votesFor: input.votesFor },
      });
    });
    return { ...result, status };
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
      const c = await transaction(this.db, async () => {
        const cand = await this.repo.insertCandidate({
          communityId: row.communityId,
          electionId: id,
          residentId: input.residentId,
          post: input.post,
          nominatorCount: input.nominatorCount,
          createdBy: actorOf(ctx).userId,
        });
        await this.audit.record(ctx, {
          action: 'elections.candidate.nominate',
          objectType: 'election',
          objectId: id,
          communityId: row.communityId,
          details: { candidateId: cand.id, residentId: input.residentId, post: input.post, nominatorCount: input.nominatorCount },
        });
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
    if (row.status === 'withdrawn') throw new AppError('ELECTION_WITHDRAWN');
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
    return transaction(this.db, async () => {
      const t = await this.repo.upsertTally({ ...input, communityId: row.communityId, electionId: id, enteredBy: actorOf(ctx).userId });
      await this.audit.record(ctx, {
        action: 'elections.tally.enter',
        objectType: 'election',
        objectId: id,
        communityId: row.communityId,
        details: { round: input.round, station: input.station },
      });
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
    if (row.status === 'withdrawn') throw new AppError('ELECTION_WITHDRAWN');
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
    const registeredVoters = registeredVotersOf(row.mode, await this.repo.rollCounts(id));
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
    return transaction(this.db, async () => {
      const saved = await this.repo.saveResults(id, row.version, [...previous, stored], status);
      if (!saved) throw versionConflict(row.version);
      await this.audit.record(ctx, {
        action: 'elections.result.compute',
        objectType: 'election',
        objectId: id,
        communityId: row.communityId,
        details: { round, valid: result.valid, elected: result.elected, unfilledSeats: result.unfilledSeats, status },
      });
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
    // Objections to the roll still open: due by the timeline's objectionsAnswered, overdue after it.
    for (const o of await this.repo.openObjections(scope)) {
      const due = electionTimeline(o.electionDate, lawVersionOn(o.electionDate)).find((d) => d.key === 'objectionsAnswered')!.date;
      todos.push({
        id: `elections:objection:${o.id}`,
        module: 'elections',
        title: {
          zh: `${o.communityName}第${o.term}届换届选举：答复选民名单异议（${o.filedOn} 提出）`,
          en: `${o.communityName} term ${o.term} election: answer an objection to the voter roll (filed ${o.filedOn})`,
        },
        dueDate: due,
        link: `/elections/${o.electionId}`,
        regionName: o.communityName,
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

/** The committee's size under the law and one director (400 naming the fields). */
function checkSeats(input: { seatsDirector: number; seatsDeputy: number; seatsMember: number }, law: ElectionLawVersion) {
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
