import type {
  AnswerObjectionRequest,
  ApplicationView,
  CreateApplicationRequest,
  CreateObjectionRequest,
  CreatePostingRequest,
  DecideOutcomeRequest,
  EnterScoresRequest,
  OverrideEligibilityRequest,
  PostingDetail,
  PostingListItem,
  PostingsQuery,
  StartNoticeRequest,
  UpdatePostingRequest,
  WithdrawPostingRequest,
} from '../../../shared/contracts/cadres';
import { ageOn } from '../../../shared/domain/dates';
import {
  checkEligibility,
  noticeEnd,
  postingStage,
  rankApplicants,
  shortlist,
  shortlistSize,
  type EducationLevel,
  type PostingStage,
  type RecruitmentOutcome,
  type ScoredApplicant,
} from '../../../shared/domain/recruitment';
import type { CadrePost } from '../../../shared/domain/staffing';
import { transaction, type Db } from '../../db/client';
import { isUniqueViolation } from '../../db/sql';
import { today } from '../../lib/clock';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import type { FieldCrypto } from '../../lib/crypto';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict } from '../../lib/errors';
import { ageView, identityColumns } from '../../lib/identity';
import { scopeCovers } from '../../lib/scope';
import type { TodoItem, WorkbenchContribution } from '../module';
import type { AuditService } from '../audit/audit.service';
import type { RegionsService } from '../regions/regions.service';
import { maskPhone } from '../residents/residents.search';
import type { ResidentsService } from '../residents/residents.service';
import type { CadresService } from './cadres.service';
import type { ApplicationRow, PostingRow, PostingSummaryRow, RecruitmentRepository } from './recruitment.repository';

const field = (path: string, code: string, message: string, messageEn: string) => validationError([{ path, code, message, messageEn }]);
const conflict = (reason: string, extra: Record<string, unknown> = {}) => new AppError('CONFLICT', { reason, ...extra });

/**
 * Recruitment of community cadres (公开招聘、定岗竞争、择优入围、依法选举): a posting per community, applications
 * with an eligibility check, written test, interview shortlist, weighted ranking, public notice with
 * objections, then appointment (a cadre in post, through the cadres service) or entry into the election as
 * a candidate. Reading needs cadres.read over the posting's community (404 outside), every change
 * cadres.write (403 into a foreign community). The stage follows the dates (shared/domain/recruitment.ts).
 */
export class RecruitmentService {
  constructor(
    private readonly db: Db,
    private readonly repo: RecruitmentRepository,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsService,
    private readonly cadres: CadresService,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
  ) {}

  async list(actor: Actor, query: PostingsQuery): Promise<{ items: PostingListItem[] }> {
    const scope = await this.regions.scopeFor(actor, 'cadres.read');
    const day = today();
    return { items: (await this.repo.list(scope, query.communityId)).map((r) => listItem(r, day)) };
  }

  private async readable(actor: Actor, id: string): Promise<PostingRow> {
    const row = await this.repo.posting(id);
    if (!row) throw notFound('posting');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'cadres.read'), { communityId: row.communityId })) throw outOfScopeNotFound('posting');
    return row;
  }

  /** A posting to change: 404 outside the read scope, 403 outside the write scope, 409 once withdrawn. */
  private async writable(actor: Actor, id: string): Promise<PostingRow> {
    const row = await this.readable(actor, id);
    await this.regions.assertCovers(actor, 'cadres.write', { communityId: row.communityId });
    if (row.withdrawnOn) throw conflict('posting_withdrawn', { withdrawnOn: row.withdrawnOn });
    return row;
  }

  /** An application and its posting, for a change (404 outside the read scope, 403 outside the write scope). */
  private async writableApplication(actor: Actor, id: string): Promise<{ application: ApplicationRow; posting: PostingRow }> {
    const application = await this.repo.application(id);
    if (!application) throw notFound('application');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'cadres.read'), { communityId: application.communityId })) throw outOfScopeNotFound('application');
    const posting = await this.writable(actor, application.postingId);
    return { application, posting };
  }

  async get(actor: Actor, id: string): Promise<PostingDetail> {
    const row = await this.readable(actor, id);
    const [summary, applications, objections, canEdit] = await Promise.all([
      this.repo.summary(id),
      this.repo.applications(id),
      this.repo.objections(id),
      this.regions.covers(actor, 'cadres.write', { communityId: row.communityId }),
    ]);
    if (!summary) throw notFound('posting');
    const day = today();
    const { shortlisted, ranked } = standings(summary, applications);
    const byId = new Map(ranked.map((r) => [r.id, r]));
    const views: ApplicationView[] = applications.map((a) => {
      const r = byId.get(a.id);
      return {
        id: a.id,
        residentId: a.residentId,
        name: a.name,
        idMasked: a.idMasked,
        sex: a.sex,
        ...ageView(actor, ageOn(a.birthDate, day)),
        education: a.education as EducationLevel | null,
        phoneMasked: maskPhone(a.phone),
        eligibility: a.eligibility as 'pass' | 'fail' | null,
        eligibilityReason: a.eligibilityReason,
        eligibilityOverridden: a.eligibilityOverridden,
        writtenScore: a.writtenScore,
        shortlisted: shortlisted.has(a.id),
        interviewScore: a.interviewScore,
        total: r?.total ?? null,
        rank: r?.rank ?? null,
        proposed: r?.proposed ?? false,
        outcome: a.outcome as RecruitmentOutcome | null,
        cadreId: a.cadreId,
        version: a.version,
      };
    });
    // The ranking first (by rank), then the other shortlisted, then the rest by written score, then unscored.
    const order = (v: ApplicationView) => [v.rank ?? Number.MAX_SAFE_INTEGER, v.shortlisted ? 0 : 1, -(v.writtenScore ?? -1)];
    views.sort((x, y) => {
      const [a, b] = [order(x), order(y)];
      return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || x.name.localeCompare(y.name, 'zh-CN') || x.id.localeCompare(y.id);
    });
    return {
      ...listItem(summary, day),
      ageMin: summary.ageMin,
      ageMax: summary.ageMax,
      educationMin: summary.educationMin as EducationLevel | null,
      otherConditions: summary.otherConditions,
      writtenWeight: summary.writtenWeight,
      interviewWeight: summary.interviewWeight,
      shortlistRatio: summary.shortlistRatio,
      noticeDays: summary.noticeDays,
      shortlistSize: shortlistSize(summary.quota, summary.shortlistRatio),
      version: summary.version,
      applicants: views,
      objections: objections.map((o) => ({
        id: o.id,
        applicationId: o.applicationId,
        text: o.text,
        receivedOn: o.receivedOn,
        answer: o.answer,
        upheld: o.upheld,
        answeredOn: o.answeredOn,
      })),
      capabilities: { canEdit },
    };
  }

  async create(ctx: RequestContext, input: CreatePostingRequest): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const community = await this.repo.region(input.communityId);
    if (!community || community.level !== 'community') throw field('communityId', 'not_a_community', '社区不存在', 'no such community');
    await this.regions.assertCovers(actor, 'cadres.write', { communityId: input.communityId });
    const id = await transaction(this.db, async () => {
      const row = await this.repo.insertPosting({
        communityId: input.communityId,
        title: input.title,
        post: input.post,
        quota: input.quota,
        ageMin: input.ageMin ?? null,
        ageMax: input.ageMax ?? null,
        educationMin: input.educationMin ?? null,
        otherConditions: input.otherConditions ?? null,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        writtenWeight: input.writtenWeight,
        interviewWeight: input.interviewWeight,
        shortlistRatio: input.shortlistRatio,
        noticeDays: input.noticeDays,
      });
      await this.audit.record(ctx, {
        action: 'cadres.posting.create',
        objectType: 'cadre_posting',
        objectId: row.id,
        communityId: row.communityId,
        details: { post: row.post, quota: row.quota, opensOn: row.opensOn, closesOn: row.closesOn },
      });
      return row.id;
    });
    return this.get(actor, id);
  }

  /**
   * Edits a posting at the version read while no applicant has a written or interview score and the
   * results are not on notice (a score was earned under the posting as published). When the conditions the
   * eligibility check reads change (age, education, closing day) the computed checks are cleared, to be run
   * again; the officials' overrides stay.
   */
  async update(ctx: RequestContext, id: string, input: UpdatePostingRequest): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const current = await this.writable(actor, id);
    const stage = stageOf(current);
    if (stage === 'notice' || stage === 'noticeEnded') throw conflict('posting_on_notice', { stage });
    const applications = await this.repo.applications(id);
    if (applications.some((a) => a.writtenScore !== null || a.interviewScore !== null)) throw conflict('scores_entered');
    const { version, ...rest } = input;
    const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<PostingRow>;
    const fields = Object.keys(patch);
    if (fields.length === 0) throw new AppError('BAD_REQUEST', { reason: 'nothing_to_change' });
    const next = { ...current, ...patch };
    if (next.writtenWeight + next.interviewWeight !== 100)
      throw field('interviewWeight', 'weights', '笔试与面试权重之和应为 100', 'the weights must add up to 100');
    if (next.closesOn < next.opensOn) throw field('closesOn', 'before_open', '报名截止日不能早于开始日', 'the window closes before it opens');
    if (next.ageMin != null && next.ageMax != null && next.ageMax < next.ageMin)
      throw field('ageMax', 'below_min', '年龄上限不能低于下限', 'the age limit is below the minimum');
    const conditionsChanged = (['ageMin', 'ageMax', 'educationMin', 'closesOn'] as const).some((k) => k in patch && patch[k] !== current[k]);
    await transaction(this.db, async () => {
      const row = await this.repo.updatePosting(id, version, patch);
      if (!row) throw versionConflict((await this.repo.posting(id))?.version ?? current.version);
      const cleared = conditionsChanged ? await this.repo.resetEligibility(id) : 0;
      await this.audit.record(ctx, {
        action: 'cadres.posting.update',
        objectType: 'cadre_posting',
        objectId: id,
        communityId: row.communityId,
        details: { fields, eligibilityCleared: cleared },
      });
    });
    return this.get(actor, id);
  }

  /**
   * Withdraws (撤回) a posting at the version read, with the reason: nothing more can happen on it. Refused
   * once an applicant has been appointed or entered into the election (that cannot be undone here).
   */
  async withdraw(ctx: RequestContext, id: string, input: WithdrawPostingRequest): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const current = await this.writable(actor, id);
    if ((await this.repo.applications(id)).some((a) => a.outcome !== null)) throw conflict('already_decided');
    await transaction(this.db, async () => {
      const row = await this.repo.updatePosting(id, input.version, { withdrawnOn: today(), withdrawnReason: input.reason });
      if (!row) throw versionConflict((await this.repo.posting(id))?.version ?? current.version);
      await this.audit.record(ctx, {
        action: 'cadres.posting.withdraw',
        objectType: 'cadre_posting',
        objectId: id,
        communityId: row.communityId,
        details: { reason: input.reason, stage: stageOf(current) },
      });
    });
    return this.get(actor, id);
  }

  /** Records an application while the window is open; one per person (ID number) and posting. */
  async apply(ctx: RequestContext, postingId: string, input: CreateApplicationRequest): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const posting = await this.writable(actor, postingId);
    if (stageOf(posting) !== 'open') throw conflict('posting_not_open', { opensOn: posting.opensOn, closesOn: posting.closesOn });
    const identity = identityColumns(this.crypto, input.idNumber);
    if (input.residentId) {
      const r = await this.residents.getForActor(actor, input.residentId);
      if (r.idHash !== identity.idHash) throw field('residentId', 'other_person', '所选居民与身份证号不符', 'the linked resident does not match the ID number');
    }
    try {
      await transaction(this.db, async () => {
        const row = await this.repo.insertApplication({
          communityId: posting.communityId,
          postingId,
          residentId: input.residentId ?? null,
          name: input.name,
          idCipher: identity.idCipher,
          idHash: identity.idHash,
          idMasked: identity.idMasked,
          sex: identity.sex,
          birthDate: identity.birthDate,
          education: input.education ?? null,
          phone: input.phone ?? null,
        });
        await this.audit.record(ctx, {
          action: 'cadres.application.create',
          objectType: 'cadre_posting',
          objectId: postingId,
          communityId: posting.communityId,
          details: { applicationId: row.id },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('DUPLICATE', [{ path: 'idNumber' }], { field: 'idNumber' });
      throw err;
    }
    return this.get(actor, postingId);
  }

  /**
   * Checks every application not decided by an official against the posting's conditions (age on the
   * closing day, education). Allowed until interview scores exist; an override stays as the official set it.
   */
  async checkEligibility(ctx: RequestContext, postingId: string): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const posting = await this.writable(actor, postingId);
    const stage = stageOf(posting);
    if (stage === 'upcoming' || stage === 'notice' || stage === 'noticeEnded') throw conflict('eligibility_closed', { stage });
    // Once interviews are scored the shortlist is fixed: a re-check could no longer change it fairly.
    if ((await this.repo.applications(postingId)).some((a) => a.interviewScore !== null)) throw conflict('interview_started');
    await transaction(this.db, async () => {
      let passed = 0;
      let failed = 0;
      for (const a of await this.repo.applications(postingId)) {
        if (a.eligibilityOverridden) continue;
        const r = checkEligibility(
          { ageMin: posting.ageMin, ageMax: posting.ageMax, educationMin: posting.educationMin as EducationLevel | null },
          { birthDate: a.birthDate, education: a.education as EducationLevel | null },
          posting.closesOn,
        );
        if (r.eligible) passed++;
        else failed++;
        await this.repo.updateApplication(a.id, null, { eligibility: r.eligible ? 'pass' : 'fail', eligibilityReason: r.eligible ? null : r.reason.zh });
      }
      await this.audit.record(ctx, {
        action: 'cadres.eligibility.check',
        objectType: 'cadre_posting',
        objectId: postingId,
        communityId: posting.communityId,
        details: { passed, failed },
      });
    });
    return this.get(actor, postingId);
  }

  /** An official's decision over the computed check (e.g. on the "other conditions"), with the reason; audited. */
  async overrideEligibility(ctx: RequestContext, applicationId: string, input: OverrideEligibilityRequest): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const { application, posting } = await this.writableApplication(actor, applicationId);
    const stage = stageOf(posting);
    if (stage === 'notice' || stage === 'noticeEnded') throw conflict('eligibility_closed', { stage });
    if (input.eligibility === 'fail' && application.interviewScore !== null) throw conflict('already_interviewed');
    await transaction(this.db, async () => {
      const row = await this.repo.updateApplication(applicationId, input.version, {
        eligibility: input.eligibility,
        eligibilityReason: input.reason,
        eligibilityOverridden: true,
        // A failed applicant keeps no score in the ranking.
        ...(input.eligibility === 'fail' ? { writtenScore: null } : {}),
      });
      if (!row) throw versionConflict(application.version);
      await this.audit.record(ctx, {
        action: 'cadres.eligibility.override',
        objectType: 'cadre_posting',
        objectId: posting.id,
        communityId: posting.communityId,
        details: { applicationId, from: application.eligibility, to: input.eligibility, reason: input.reason },
      });
    });
    return this.get(actor, posting.id);
  }

  /**
   * Enters written scores (eligible applicants, until interview scores exist: they fix the shortlist) or
   * interview scores (the shortlisted only), after the window closed and before the notice.
   */
  async enterScores(ctx: RequestContext, postingId: string, input: EnterScoresRequest): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const posting = await this.writable(actor, postingId);
    const stage = stageOf(posting);
    if (stage !== 'closed') throw conflict('scores_closed', { stage });
    const applications = await this.repo.applications(postingId);
    const byId = new Map(applications.map((a) => [a.id, a]));
    const { shortlisted } = standings(posting, applications);
    const interviewed = applications.some((a) => a.interviewScore !== null);
    input.scores.forEach((s, i) => {
      const a = byId.get(s.applicationId);
      const path = `scores.${i}.applicationId`;
      if (!a) throw field(path, 'not_an_applicant', '不是本次招聘的报名人', 'not an applicant of this posting');
      if (input.test === 'written' && a.eligibility !== 'pass')
        throw field(path, 'not_eligible', '资格审查未通过或未审查，不能登记笔试成绩', 'the applicant has not passed the eligibility check');
      if (input.test === 'interview' && !shortlisted.has(a.id))
        throw field(path, 'not_shortlisted', '未入围面试', 'the applicant was not invited to the interview');
    });
    if (input.test === 'written' && interviewed) throw conflict('interview_started');
    await transaction(this.db, async () => {
      for (const s of input.scores)
        await this.repo.updateApplication(s.applicationId, null, input.test === 'written' ? { writtenScore: s.score } : { interviewScore: s.score });
      await this.audit.record(ctx, {
        action: 'cadres.scores',
        objectType: 'cadre_posting',
        objectId: postingId,
        communityId: posting.communityId,
        details: { test: input.test, count: input.scores.length },
      });
    });
    return this.get(actor, postingId);
  }

  /** Puts the ranking on public notice: every shortlisted applicant has both scores; the end is start + notice days. */
  async startNotice(ctx: RequestContext, postingId: string, input: StartNoticeRequest): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const posting = await this.writable(actor, postingId);
    if (stageOf(posting) !== 'closed') throw conflict('notice_not_possible', { stage: stageOf(posting) });
    if (input.startDate <= posting.closesOn)
      throw field('startDate', 'before_close', '公示开始日应晚于报名截止日', 'the notice must start after applications close');
    const applications = await this.repo.applications(postingId);
    if (applications.some((a) => a.eligibility === null)) throw conflict('unchecked_applications');
    const { shortlisted, ranked } = standings(posting, applications);
    const missing = applications.filter((a) => shortlisted.has(a.id) && a.interviewScore === null).length;
    if (missing > 0 || !ranked.some((r) => r.proposed)) throw conflict('scores_missing', { missing });
    const end = noticeEnd(input.startDate, posting.noticeDays);
    await transaction(this.db, async () => {
      const row = await this.repo.updatePosting(postingId, input.version, { noticeStart: input.startDate, noticeEnd: end });
      if (!row) throw versionConflict(posting.version);
      await this.audit.record(ctx, {
        action: 'cadres.notice',
        objectType: 'cadre_posting',
        objectId: postingId,
        communityId: posting.communityId,
        details: { startDate: input.startDate, endDate: end, proposed: ranked.filter((r) => r.proposed).map((r) => r.id) },
      });
    });
    return this.get(actor, postingId);
  }

  /** Records an objection received during the notice (about one applicant or the whole result). */
  async addObjection(ctx: RequestContext, postingId: string, input: CreateObjectionRequest): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const posting = await this.writable(actor, postingId);
    if (!posting.noticeStart || !posting.noticeEnd) throw conflict('no_notice');
    if (input.receivedOn < posting.noticeStart || input.receivedOn >= posting.noticeEnd)
      throw field('receivedOn', 'outside_notice', '异议须在公示期内提出', 'an objection must be received during the notice');
    if (input.receivedOn > today()) throw field('receivedOn', 'future', '收到日期不能晚于今天', 'the date cannot be in the future');
    if (input.applicationId) {
      const a = await this.repo.application(input.applicationId);
      if (!a || a.postingId !== postingId) throw field('applicationId', 'not_an_applicant', '不是本次招聘的报名人', 'not an applicant of this posting');
    }
    await transaction(this.db, async () => {
      const row = await this.repo.insertObjection({
        communityId: posting.communityId,
        postingId,
        applicationId: input.applicationId ?? null,
        text: input.text,
        receivedOn: input.receivedOn,
      });
      await this.audit.record(ctx, {
        action: 'cadres.objection.create',
        objectType: 'cadre_posting',
        objectId: postingId,
        communityId: posting.communityId,
        details: { objectionId: row.id, applicationId: row.applicationId },
      });
    });
    return this.get(actor, postingId);
  }

  /** Answers an objection once; an upheld one stops the appointment it concerns. */
  async answerObjection(ctx: RequestContext, objectionId: string, input: AnswerObjectionRequest): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const objection = await this.repo.objection(objectionId);
    if (!objection) throw notFound('objection');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'cadres.read'), { communityId: objection.communityId })) throw outOfScopeNotFound('objection');
    const posting = await this.writable(actor, objection.postingId);
    await transaction(this.db, async () => {
      const row = await this.repo.answerObjection(objectionId, { answer: input.answer, upheld: input.upheld, answeredOn: today() });
      if (!row) throw conflict('already_answered');
      await this.audit.record(ctx, {
        action: 'cadres.objection.answer',
        objectType: 'cadre_posting',
        objectId: posting.id,
        communityId: posting.communityId,
        details: { objectionId, upheld: input.upheld },
      });
    });
    return this.get(actor, posting.id);
  }

  /**
   * After the notice ended with no open or upheld objection against them, a proposed applicant is appointed
   * (a cadre in post, source 'recruited', recorded through the cadres service) or entered into the
   * election as a candidate. The elections module has no entry for recruited candidates (its nominations
   * are voters' joint nominations on a roll), so `candidate` is recorded here only.
   */
  async decide(ctx: RequestContext, applicationId: string, input: DecideOutcomeRequest): Promise<PostingDetail> {
    const actor = actorOf(ctx);
    const { application, posting } = await this.writableApplication(actor, applicationId);
    if (stageOf(posting) !== 'noticeEnded') throw conflict('notice_not_ended', { noticeEnd: posting.noticeEnd });
    if (application.outcome) throw conflict('already_decided', { outcome: application.outcome });
    const applications = await this.repo.applications(posting.id);
    const { ranked } = standings(posting, applications);
    if (!ranked.find((r) => r.id === applicationId)?.proposed) throw conflict('not_proposed');
    const blocking = (await this.repo.objections(posting.id)).filter(
      (o) => (o.applicationId === null || o.applicationId === applicationId) && o.upheld !== false,
    );
    if (blocking.length > 0) throw conflict(blocking.some((o) => o.upheld) ? 'objection_upheld' : 'objection_open');
    // Claim first (the version guards against a second decision), then record the cadre.
    const claimed = await this.repo.updateApplication(applicationId, input.version, { outcome: input.outcome });
    if (!claimed) throw versionConflict(application.version);
    let cadreId: string | null = null;
    if (input.outcome === 'appointed') {
      // The cadre is linked to the registry only when the applicant lives in the posting's community.
      const resident = application.residentId ? await this.residents.getForActor(actor, application.residentId).catch(() => null) : null;
      try {
        const cadre = await this.cadres.create(ctx, {
          communityId: posting.communityId,
          residentId: resident?.communityId === posting.communityId ? resident.id : null,
          name: application.name,
          sex: application.sex,
          birthDate: application.birthDate,
          post: posting.post as CadrePost,
          source: 'recruited',
          education: application.education as EducationLevel | null,
          partyMember: false,
          phone: application.phone,
          pensionInsured: false,
          medicalInsured: false,
          startDate: input.startDate,
          notes: posting.title,
        });
        cadreId = cadre.id;
      } catch (err) {
        await this.repo.updateApplication(applicationId, null, { outcome: null });
        throw err;
      }
    }
    await transaction(this.db, async () => {
      if (cadreId) await this.repo.updateApplication(applicationId, null, { cadreId });
      await this.audit.record(ctx, {
        action: input.outcome === 'appointed' ? 'cadres.appoint' : 'cadres.candidate',
        objectType: 'cadre_posting',
        objectId: posting.id,
        communityId: posting.communityId,
        details: { applicationId, cadreId },
      });
    });
    return this.get(actor, posting.id);
  }

  /** Titles for the audit log. */
  async auditNames(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.repo.titles(ids)).map((r) => [r.id, r.title]));
  }

  /**
   * The 工作台's 待办: a notice that ended with proposed applicants still undecided (due the end day), and a
   * posting whose window closed with applications not yet checked (due the day after closing).
   */
  async workbench(ctx: RequestContext, day: string): Promise<WorkbenchContribution> {
    const actor = ctx.actor;
    if (!actor || !actor.permissions.has('cadres.write')) return {};
    const scope = await this.regions.scopeFor(actor, 'cadres.write');
    const rows = await this.repo.list(scope);
    const todos: TodoItem[] = [];
    for (const p of rows) {
      const stage = postingStage(p, day);
      if (stage === 'closed' && p.unchecked > 0)
        todos.push({
          id: `cadres:posting:check:${p.id}`,
          module: 'cadres',
          title: { zh: `${p.title}：${p.unchecked} 份报名待资格审查`, en: `${p.title}: ${p.unchecked} applications to check` },
          dueDate: p.closesOn,
          link: `/cadres/recruitment/${p.id}`,
          regionName: p.communityName,
        });
      if (stage === 'noticeEnded') {
        const applications = await this.repo.applications(p.id);
        const { ranked } = standings(p, applications);
        const decided = new Set(applications.filter((a) => a.outcome).map((a) => a.id));
        const waiting = ranked.filter((r) => r.proposed && !decided.has(r.id)).length;
        if (waiting > 0)
          todos.push({
            id: `cadres:posting:appoint:${p.id}`,
            module: 'cadres',
            title: { zh: `${p.title}：公示期满，${waiting} 人待聘任或提名`, en: `${p.title}: notice ended, ${waiting} to appoint or nominate` },
            dueDate: p.noticeEnd!,
            link: `/cadres/recruitment/${p.id}`,
            regionName: p.communityName,
          });
      }
    }
    return { todos };
  }
}

const stageOf = (p: PostingRow): PostingStage => postingStage(p, today());

/** The shortlist and the ranking of a posting's applicants, from the stored scores and checks. */
function standings(posting: Pick<PostingRow, 'quota' | 'shortlistRatio' | 'writtenWeight' | 'interviewWeight'>, applications: ApplicationRow[]) {
  const scored: ScoredApplicant[] = applications.map((a) => ({
    id: a.id,
    eligible: a.eligibility === 'pass',
    written: a.writtenScore,
    interview: a.interviewScore,
  }));
  const shortlisted = new Set(shortlist(scored, posting.quota, posting.shortlistRatio));
  const ranked = rankApplicants(
    scored.filter((s) => shortlisted.has(s.id)),
    posting,
    posting.quota,
  );
  return { shortlisted, ranked };
}

function listItem(r: PostingSummaryRow, day: string): PostingListItem {
  return {
    id: r.id,
    communityId: r.communityId,
    communityName: r.communityName,
    title: r.title,
    post: r.post as CadrePost,
    quota: r.quota,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    noticeStart: r.noticeStart,
    noticeEnd: r.noticeEnd,
    stage: postingStage(r, day),
    applications: r.applications,
    unchecked: r.unchecked,
    decided: r.decided,
    withdrawnOn: r.withdrawnOn,
    withdrawnReason: r.withdrawnReason,
  };
}
