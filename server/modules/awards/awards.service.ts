import ExcelJS from 'exceljs';
import type {
  AwardLine,
  AwardRoundDetail,
  AwardRoundView,
  CreateAwardRoundRequest,
  RecordAwardPaymentRequest,
  SetAwardScoreRequest,
  UpdateAwardRoundRequest,
} from '../../../shared/contracts/awards';
import { DEFAULT_AWARD_FLOOR, DEFAULT_AWARD_MAX_SHARE, DEFAULT_AWARD_POT_YUAN } from '../../../shared/contracts/awards';
import { checkAwardInput, computeAwards, fenToYuan, yuanToFen, type AwardItem } from '../../../shared/domain/award';
import { checkItemScores, weightedScore } from '../../../shared/domain/award-score';
import type { Permission } from '../../../shared/domain/permissions';
import { transaction, type Db } from '../../db/client';
import { today } from '../../lib/clock';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, validationError, versionConflict } from '../../lib/errors';
import type { Lang } from '../../lib/i18n';
import { scopeCovers } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { FourHavesService } from '../fourhaves/fourhaves.service';
import type { RegionsService } from '../regions/regions.service';
import type { AwardRoundRow, AwardsRepository } from './awards.repository';
import { escapeCell } from '../../lib/xlsx';

/** The 以奖代补 distribution of one community as a line shows it. */
interface Computed {
  fen: number | null;
  kind: string | null;
  reason: { zh: string; en: string };
  score: number | null;
}

const UNSCORED = { zh: '尚未评分', en: 'not scored yet' };

/**
 * 以奖代补 as a recorded process: a round per year (pot, floor score, cap), inspection scores per community,
 * the distribution from the pure formula (shared/domain/award.ts), approval that freezes the amounts, and
 * payments, each of which enters the reward allocation in the four-haves funding ledger (through its service).
 */
export class AwardsService {
  constructor(
    private readonly db: Db,
    private readonly repo: AwardsRepository,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly fourHaves: FourHavesService,
  ) {}

  // ---------------------------------------------------------------- views

  private async roundRow(id: string) {
    const row = await this.repo.round(id);
    if (!row) throw notFound('award_round');
    return row;
  }

  private async scopeOf(actor: Actor, permission: Permission) {
    return this.regions.scopeFor(actor, permission);
  }

  /** Every community's distribution: frozen rows once approved, else computed from the scores now. */
  private async distribution(round: AwardRoundRow) {
    const all = await this.repo.communities({ all: true, communityIds: [], gridIds: [] });
    const out = new Map<string, Computed>();
    let blocked: { zh: string; en: string } | null = null;
    if (round.status !== 'draft') {
      for (const a of await this.repo.allocations(round.id))
        out.set(a.communityId, { fen: a.amountFen, kind: a.kind, reason: { zh: a.reasonZh, en: a.reasonEn }, score: a.score });
      return { out, blocked, all };
    }
    const scores = await this.repo.scores(round.id);
    const scored = all.filter((c) => scores.some((s) => s.communityId === c.id));
    const missing = all.filter((c) => !scored.includes(c));
    const input = {
      pot: fenToYuan(round.potFen),
      floorScore: round.floorScore,
      maxShare: round.maxShare ?? undefined,
      communities: scored.map((c) => ({ id: c.id, score: scores.find((s) => s.communityId === c.id)!.score })),
    };
    const issues = scored.length ? checkAwardInput(input) : [];
    if (missing.length)
      blocked = {
        zh: `${missing.length} 个社区尚未评分（${missing.map((c) => c.name).join('、')}），金额为按已评分社区试算，须全部评分后方可审批`,
        en: `${missing.length} communities are not scored yet (${missing.map((c) => c.nameEn ?? c.name).join(', ')}): the amounts are a trial among the scored ones; all must be scored before approval`,
      };
    if (issues.length) blocked = { zh: issues.map((i) => i.message).join('；'), en: issues.map((i) => i.messageEn).join('; ') };
    const items: AwardItem[] = scored.length && !issues.length ? computeAwards(input).items : [];
    for (const c of all) {
      const s = scores.find((x) => x.communityId === c.id);
      const item = items.find((i) => i.id === c.id);
      if (!s) out.set(c.id, { fen: null, kind: 'unscored', reason: UNSCORED, score: null });
      else if (!item) out.set(c.id, { fen: null, kind: null, reason: blocked ?? UNSCORED, score: s.score });
      else out.set(c.id, { fen: item.fen, kind: item.kind, reason: item.reason, score: s.score });
    }
    return { out, blocked, all };
  }

  private view(round: AwardRoundRow, paidFen: number, scored: number, communities: number): AwardRoundView {
    return {
      id: round.id,
      year: round.year,
      pot: fenToYuan(round.potFen),
      floorScore: round.floorScore,
      maxShare: round.maxShare,
      items: round.items,
      status: round.status as AwardRoundView['status'],
      approvedOn: round.approvedOn,
      approvedBy: round.approvedBy,
      paid: fenToYuan(paidFen),
      scored,
      communities,
      version: round.version,
    };
  }

  /** GET /api/award-rounds: the rounds, with what is paid and scored in the caller's communities. */
  async list(actor: Actor) {
    const scope = await this.scopeOf(actor, 'awards.read');
    const [rounds, mine, paid, scores] = await Promise.all([this.repo.rounds(), this.repo.communities(scope), this.repo.paidTotals(), this.repo.scoreCounts()]);
    const ids = new Set(mine.map((c) => c.id));
    return {
      items: rounds.map((r) =>
        this.view(
          r,
          paid.filter((p) => p.roundId === r.id && ids.has(p.communityId)).reduce((s, p) => s + p.fen, 0),
          scores.filter((s) => s.roundId === r.id && ids.has(s.communityId)).length,
          mine.length,
        ),
      ),
    };
  }

  /** GET /api/award-rounds/:id: the lines of the caller's communities, each with its amount and why. */
  async detail(actor: Actor, id: string, lang: Lang): Promise<AwardRoundDetail> {
    const round = await this.roundRow(id);
    const scope = await this.scopeOf(actor, 'awards.read');
    const mine = await this.repo.communities(scope);
    const [{ out, blocked }, scores, payments] = await Promise.all([this.distribution(round), this.repo.scores(round.id), this.repo.payments(round.id)]);
    const names = new Map(mine.map((c) => [c.id, lang === 'en' && c.nameEn ? c.nameEn : c.name]));
    const myPayments = payments.filter((p) => names.has(p.communityId));
    const lines: AwardLine[] = mine.map((c) => {
      const d = out.get(c.id)!;
      const s = scores.find((x) => x.communityId === c.id);
      return {
        communityId: c.id,
        communityName: names.get(c.id)!,
        score: d.score,
        itemScores: s?.itemScores ?? null,
        inspector: s?.inspector ?? null,
        inspectedOn: s?.inspectedOn ?? null,
        note: s?.note ?? null,
        scoreVersion: s?.version ?? null,
        amount: d.fen === null ? null : fenToYuan(d.fen),
        kind: d.kind,
        reason: d.reason[lang],
        paid: fenToYuan(myPayments.filter((p) => p.communityId === c.id).reduce((sum, p) => sum + p.amountFen, 0)),
      };
    });
    const totalFen = mine.reduce((sum, c) => sum + (out.get(c.id)?.fen ?? 0), 0);
    return {
      ...this.view(
        round,
        myPayments.reduce((sum, p) => sum + p.amountFen, 0),
        lines.filter((l) => l.score !== null).length,
        mine.length,
      ),
      lines,
      total: fenToYuan(totalFen),
      blocked: blocked ? blocked[lang] : null,
      payments: myPayments.map((p) => ({
        id: p.id,
        communityId: p.communityId,
        communityName: names.get(p.communityId)!,
        paidOn: p.paidOn,
        amount: fenToYuan(p.amountFen),
        voucher: p.voucher,
        fundingEntryId: p.fundingEntryId,
      })),
    };
  }

  // ---------------------------------------------------------------- the round

  async create(ctx: RequestContext, input: CreateAwardRoundRequest, lang: Lang) {
    await this.assertCityWide(actorOf(ctx), 'awards.manage');
    const row = await transaction(this.db, async () => {
      const r = await this.repo.insertRound({
        year: input.year,
        potFen: yuanToFen(input.pot ?? DEFAULT_AWARD_POT_YUAN),
        floorScore: input.floorScore ?? DEFAULT_AWARD_FLOOR,
        maxShare: input.maxShare === undefined ? DEFAULT_AWARD_MAX_SHARE : input.maxShare,
        items: input.items ?? [],
      });
      if (!r) return null;
      await this.audit.record(ctx, {
        action: 'awards.round.create',
        objectType: 'award_round',
        objectId: r.id,
        communityId: null,
        details: { year: r.year, potFen: r.potFen },
      });
      return r;
    });
    if (!row) throw new AppError('DUPLICATE', { field: 'year' }, { field: lang === 'en' ? `the ${input.year} round` : `${input.year} 年度奖补方案` });
    return this.detail(actorOf(ctx), row.id, lang);
  }

  private frozen(round: AwardRoundRow) {
    return new AppError('AWARD_ROUND_FROZEN', { year: round.year, status: round.status }, { year: round.year });
  }

  async update(ctx: RequestContext, id: string, input: UpdateAwardRoundRequest, lang: Lang) {
    const round = await this.roundRow(id);
    await this.assertCityWide(actorOf(ctx), 'awards.manage');
    if (round.status !== 'draft') throw this.frozen(round);
    const patch: Record<string, unknown> = {};
    if (input.pot !== undefined) patch.potFen = yuanToFen(input.pot);
    if (input.floorScore !== undefined) patch.floorScore = input.floorScore;
    if (input.maxShare !== undefined) patch.maxShare = input.maxShare;
    if (input.items !== undefined) {
      // Stored overall scores are weighted by the items as they were: the items are fixed once scoring starts.
      if ((await this.repo.scores(id)).length > 0)
        throw validationError([
          {
            path: 'items',
            code: 'already_scored',
            message: '已有社区录入得分，不能再修改考评项目和权重',
            messageEn: 'communities are scored already: the items and weights can no longer change',
          },
        ]);
      patch.items = input.items;
    }
    if (Object.keys(patch).length === 0) throw new AppError('BAD_REQUEST', { reason: 'nothing_to_change' });
    const ok = await transaction(this.db, async () => {
      const r = await this.repo.updateRound(id, input.version, patch);
      if (!r) return false;
      await this.audit.record(ctx, {
        action: 'awards.round.update',
        objectType: 'award_round',
        objectId: id,
        communityId: null,
        details: { year: r.year, fields: Object.keys(patch) },
      });
      return true;
    });
    if (!ok) throw versionConflict((await this.repo.round(id))?.version ?? round.version);
    return this.detail(actorOf(ctx), id, lang);
  }

  /** A round is the whole city's: opening, changing or approving it needs the permission city-wide (403 otherwise). */
  private async assertCityWide(actor: Actor, permission: Permission) {
    if (!(await this.scopeOf(actor, permission)).all) throw new AppError('OUT_OF_SCOPE');
  }

  /** A community the actor may write for: 400 when it is not a community, 403 outside the scope. */
  private async writableCommunity(actor: Actor, communityId: string, permission: Permission, field = 'communityId') {
    const c = await this.repo.community(communityId);
    if (!c || c.level !== 'community') throw validationError([{ path: field, code: 'not_a_community', message: '社区不存在', messageEn: 'no such community' }]);
    if (!scopeCovers(await this.scopeOf(actor, permission), { communityId })) throw new AppError('OUT_OF_SCOPE');
    return c;
  }

  /** PUT …/scores/:communityId: an inspection's score; refused (409) once the round is approved. */
  async setScore(ctx: RequestContext, id: string, communityId: string, input: SetAwardScoreRequest, lang: Lang) {
    const actor = actorOf(ctx);
    const round = await this.roundRow(id);
    await this.writableCommunity(actor, communityId, 'awards.write');
    if (round.status !== 'draft') throw this.frozen(round);
    const values = {
      ...this.overallScore(round, input),
      inspector: input.inspector,
      inspectedOn: input.inspectedOn,
      note: input.note ?? null,
    };
    const ok = await transaction(this.db, async () => {
      // The round is re-read inside the transaction: an approval between the check and the write must win.
      const now = await this.repo.round(id);
      if (now?.status !== 'draft') return 'frozen' as const;
      const row =
        input.version === undefined
          ? await this.repo.insertScore({ roundId: id, communityId, ...values })
          : await this.repo.updateScore(id, communityId, input.version, values);
      if (!row) return 'stale' as const;
      await this.audit.record(ctx, {
        action: 'awards.score.set',
        objectType: 'award_round',
        objectId: id,
        communityId,
        details: { year: round.year, score: values.score },
      });
      return 'ok' as const;
    });
    if (ok === 'frozen') throw this.frozen(round);
    if (ok === 'stale') throw versionConflict((await this.repo.score(id, communityId))?.version ?? 1);
    const detail = await this.detail(actor, id, lang);
    return detail.lines.find((l) => l.communityId === communityId)!;
  }

  /** The overall score of an entry: typed in, or the weighted mean of every item's score (400 naming the field). */
  private overallScore(round: AwardRoundRow, input: SetAwardScoreRequest): { score: number; itemScores: Record<string, number> | null } {
    if (round.items.length > 0) {
      if (!input.itemScores)
        throw validationError([
          {
            path: 'itemScores',
            code: 'required',
            message: '本方案按考评项目打分，请填写各项目得分',
            messageEn: 'this round is scored by item: itemScores is required',
          },
        ]);
      const issues = checkItemScores(round.items, input.itemScores);
      if (issues.length) throw validationError(issues);
      return { score: weightedScore(round.items, input.itemScores), itemScores: input.itemScores };
    }
    if (input.itemScores)
      throw validationError([
        { path: 'itemScores', code: 'not_itemised', message: '本方案不分项目，请填写总分', messageEn: 'this round has no items: enter the overall score' },
      ]);
    if (input.score === undefined) throw validationError([{ path: 'score', code: 'required', message: '请填写得分', messageEn: 'score is required' }]);
    return { score: input.score, itemScores: null };
  }

  /** POST …/approve: the city freezes the amounts; every community must be scored and the pot placeable. */
  async approve(ctx: RequestContext, id: string, version: number, lang: Lang) {
    const round = await this.roundRow(id);
    await this.assertCityWide(actorOf(ctx), 'awards.approve');
    if (round.status !== 'draft') throw this.frozen(round);
    const { out, blocked, all } = await this.distribution(round);
    if (blocked) throw validationError([{ path: 'scores', code: 'not_ready', message: blockedText(blocked, 'zh'), messageEn: blockedText(blocked, 'en') }]);
    const rows = all.map((c) => {
      const d = out.get(c.id)!;
      return { roundId: id, communityId: c.id, score: d.score!, amountFen: d.fen!, kind: d.kind!, reasonZh: d.reason.zh, reasonEn: d.reason.en };
    });
    const ok = await transaction(this.db, async () => {
      const r = await this.repo.updateRound(id, version, { status: 'approved', approvedOn: today(), approvedBy: actorOf(ctx).displayName });
      if (!r) return false;
      // Scores changed since they were read would move the amounts: the version bump of each score is not
      // tracked here, so the amounts are recomputed from the scores inside the transaction.
      const scores = await this.repo.scores(id);
      for (const row of rows) {
        const s = scores.find((x) => x.communityId === row.communityId);
        if (!s || s.score !== row.score) throw new AppError('CONFLICT', { reason: 'scores_changed' });
      }
      await this.repo.insertAllocations(rows);
      await this.audit.record(ctx, {
        action: 'awards.round.approve',
        objectType: 'award_round',
        objectId: id,
        communityId: null,
        details: { year: r.year, potFen: r.potFen, totalFen: rows.reduce((s, x) => s + x.amountFen, 0) },
      });
      return true;
    });
    if (!ok) throw versionConflict((await this.repo.round(id))?.version ?? round.version);
    return this.detail(actorOf(ctx), id, lang);
  }

  /** POST …/payments: pays (part of) a community's frozen amount and enters it in the funding ledger. */
  async recordPayment(ctx: RequestContext, id: string, input: RecordAwardPaymentRequest, lang: Lang) {
    const actor = actorOf(ctx);
    const round = await this.roundRow(id);
    await this.writableCommunity(actor, input.communityId, 'awards.manage');
    if (round.status === 'draft') throw new AppError('AWARD_ROUND_NOT_APPROVED', { year: round.year }, { year: round.year });
    const allocation = (await this.repo.allocations(id)).find((a) => a.communityId === input.communityId);
    const payments = await this.repo.payments(id);
    const paidFen = payments.filter((p) => p.communityId === input.communityId).reduce((s, p) => s + p.amountFen, 0);
    const dueFen = (allocation?.amountFen ?? 0) - paidFen;
    const fen = yuanToFen(input.amount);
    if (fen > dueFen)
      throw validationError([
        {
          path: 'amount',
          code: 'too_big',
          message: `拨付金额超过该社区未拨付的奖补金额 ${fenToYuan(dueFen).toFixed(2)} 元`,
          messageEn: `the amount exceeds the community’s unpaid award of ${fenToYuan(dueFen).toFixed(2)} yuan`,
        },
      ]);
    // The ledger entry goes through the four-haves service (its table, its audit entry). PGlite holds one
    // connection, so the two writes cannot share a transaction; the ledger entry comes first and the
    // payment names it.
    const entry = await this.fourHaves.createFunding(ctx, {
      communityId: input.communityId,
      year: round.year,
      kind: 'allocation',
      source: 'reward',
      amount: input.amount,
      entryDate: input.paidOn,
      description: `${round.year} 年度以奖代补拨付（凭证 ${input.voucher}）`,
      voucher: input.voucher,
    });
    await transaction(this.db, async () => {
      const p = await this.repo.insertPayment({
        roundId: id,
        communityId: input.communityId,
        paidOn: input.paidOn,
        amountFen: fen,
        voucher: input.voucher,
        fundingEntryId: entry.id,
      });
      await this.audit.record(ctx, {
        action: 'awards.payment.create',
        objectType: 'award_round',
        objectId: id,
        communityId: input.communityId,
        details: { year: round.year, paymentId: p.id, amountFen: fen, voucher: input.voucher, fundingEntryId: entry.id },
      });
    });
    await this.closeIfPaid(id);
    return this.detail(actor, id, lang);
  }

  /** An approved round whose every amount is paid becomes `paid`. */
  private async closeIfPaid(id: string) {
    const round = await this.repo.round(id);
    if (!round || round.status !== 'approved') return;
    const [allocations, payments] = await Promise.all([this.repo.allocations(id), this.repo.payments(id)]);
    const due = allocations.reduce((s, a) => s + a.amountFen, 0);
    const paid = payments.reduce((s, p) => s + p.amountFen, 0);
    if (paid >= due) await this.repo.updateRound(id, round.version, { status: 'paid' });
  }

  // ---------------------------------------------------------------- audit names and the 工作台

  /** Readable names of rounds for the audit log ("2026 年度以奖代补方案"). */
  async auditNames(ids: string[]) {
    const rounds = await this.repo.rounds();
    return new Map(rounds.filter((r) => ids.includes(r.id)).map((r) => [r.id, `${r.year} 年度以奖代补方案`]));
  }

  /**
   * 待办 up to this year: a street office's communities still to score, a fully scored draft for the bureau
   * to approve, an approved round with amounts still to pay. Each due at the year's end.
   */
  async workbench(ctx: RequestContext, day: string) {
    const actor = ctx.actor;
    if (!actor || !actor.permissions.has('awards.read')) return {};
    const year = Number(day.slice(0, 4));
    const rounds = (await this.repo.rounds()).filter((r) => r.year <= year && r.status !== 'paid');
    if (rounds.length === 0) return {};
    const [scores, paid, all] = await Promise.all([
      this.repo.scoreCounts(),
      this.repo.paidTotals(),
      this.repo.communities({ all: true, communityIds: [], gridIds: [] }),
    ]);
    const todos = [];
    const can = (p: Permission) => actor.permissions.has(p);
    for (const r of rounds) {
      const due = `${r.year}-12-31`;
      const link = `/awards/${r.id}`;
      if (r.status === 'draft' && can('awards.write')) {
        const mine = await this.repo.communities(await this.scopeOf(actor, 'awards.write'));
        const missing = mine.filter((c) => !scores.some((s) => s.roundId === r.id && s.communityId === c.id)).length;
        if (missing > 0)
          todos.push({
            id: `awards:score:${r.id}`,
            module: 'awards',
            title: {
              zh: `录入 ${r.year} 年度以奖代补考评得分（${missing} 个社区未评分）`,
              en: `Enter the ${r.year} award scores (${missing} communities not scored)`,
            },
            dueDate: due,
            link,
          });
      }
      const scoredAll = all.every((c) => scores.some((s) => s.roundId === r.id && s.communityId === c.id));
      if (r.status === 'draft' && scoredAll && can('awards.approve') && (await this.scopeOf(actor, 'awards.approve')).all)
        todos.push({
          id: `awards:approve:${r.id}`,
          module: 'awards',
          title: { zh: `审批 ${r.year} 年度以奖代补方案`, en: `Approve the ${r.year} award round` },
          dueDate: due,
          link,
        });
      if (r.status === 'approved' && can('awards.manage') && (await this.scopeOf(actor, 'awards.manage')).all) {
        const allocated = (await this.repo.allocations(r.id)).reduce((s, a) => s + a.amountFen, 0);
        const done = paid.filter((p) => p.roundId === r.id).reduce((s, p) => s + p.fen, 0);
        if (done < allocated)
          todos.push({
            id: `awards:pay:${r.id}`,
            module: 'awards',
            title: {
              zh: `拨付 ${r.year} 年度以奖代补资金（未拨付 ${fenToYuan(allocated - done).toFixed(2)} 元）`,
              en: `Pay the ${r.year} awards (${fenToYuan(allocated - done).toFixed(2)} yuan unpaid)`,
            },
            dueDate: due,
            link,
          });
      }
    }
    return { todos };
  }

  // ---------------------------------------------------------------- export

  /** The distribution as an .xlsx (the caller's communities, or one of them). */
  async export(actor: Actor, id: string, lang: Lang, communityId?: string) {
    const d = await this.detail(actor, id, lang);
    if (communityId && !d.lines.some((l) => l.communityId === communityId)) throw notFound('community');
    const lines = communityId ? d.lines.filter((l) => l.communityId === communityId) : d.lines;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`${d.year}年度以奖代补`);
    const text = (v: string | null) => escapeCell(v ?? '');
    ws.addRow([`${d.year} 年度社区建设以奖代补资金分配表`]).font = { bold: true, size: 14 };
    ws.addRow([
      `资金总额 ${d.pot.toFixed(2)} 元；最低分 ${d.floorScore}；单个社区上限 ${d.maxShare === null ? '不设' : `${d.maxShare * 100}%`}；状态 ${STATUS_ZH[d.status]}`,
    ]);
    const header = ws.addRow(['社区', '考评得分', '考评人', '考评日期', '奖补金额（元）', '已拨付（元）', '说明']);
    header.font = { bold: true };
    for (const l of lines) ws.addRow([l.communityName, l.score ?? '', text(l.inspector), l.inspectedOn ?? '', l.amount ?? '', l.paid, text(l.reason)]);
    ws.addRow([
      '合计',
      '',
      '',
      '',
      lines.reduce((s, l) => s + Math.round((l.amount ?? 0) * 100), 0) / 100,
      lines.reduce((s, l) => s + Math.round(l.paid * 100), 0) / 100,
    ]).font = {
      bold: true,
    };
    ws.columns.forEach((c, i) => {
      c.width = [12, 10, 12, 12, 16, 14, 60][i];
      if (i === 4 || i === 5) c.numFmt = '#,##0.00';
    });
    return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows: lines.length, year: d.year };
  }
}

const STATUS_ZH: Record<string, string> = { draft: '草案', approved: '已审批', paid: '已拨付' };
const blockedText = (b: string | { zh: string; en: string }, lang: Lang) => (typeof b === 'string' ? b : b[lang]);
