import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type {
  AwardPreviewRequest,
  CreateFundingEntryRequest,
  CreateHousingProjectRequest,
  CreatePremisesRequest,
  CreateRuleRequest,
  FourHavesDetail,
  FourHavesItem,
  FundingEntryView,
  FundingSummary,
  SetStaffingRequest,
  UpdateHousingProjectRequest,
  UpdatePremisesRequest,
  UpdateStandardsRequest,
} from '../../../shared/contracts/fourhaves';
import { FourHavesStandardsSchema } from '../../../shared/contracts/fourhaves';
import { checkAwardInput, computeAwards } from '../../../shared/domain/award';
import {
  daysBetween,
  checkPremisesTiers,
  DEFAULT_STANDARDS,
  fundingGapFen,
  housingProjectCompliance,
  moneyCompliance,
  peopleCompliance,
  premisesCompliance,
  ruleIsCurrent,
  rulesCompliance,
  type FourHavesStandards,
  type FundingFact,
  type HaveVerdict,
  type PremisesFact,
  type PremisesTier,
  type RuleFact,
  FUNDING_KIND_LABELS,
  FUNDING_SOURCE_LABELS,
} from '../../../shared/domain/four-haves';
import { PREMISES_FILE_TYPES, safeFileName, sniffPremisesFile } from '../../../shared/domain/premises-files';
import { transaction, type Db } from '../../db/client';
import { today } from '../../lib/clock';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict } from '../../lib/errors';
import type { Lang } from '../../lib/i18n';
import { scopeCovers } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { RegionsService } from '../regions/regions.service';
import type { FourHavesRepository, HousingProjectRow, PremisesRow } from './fourhaves.repository';
import type { StaffingSource } from './fourhaves.staffing';
import { escapeCell } from '../../lib/xlsx';

type Perm = 'fourhaves.read' | 'fourhaves.write' | 'funding.write';
const yuanToFen = (y: number) => Math.round(y * 100);
const fenToYuan = (f: number) => Math.round(f) / 100;
const say = (t: { zh: string; en: string }, lang: Lang) => t[lang];

/** The four haves: premises, rules, staffing and funding per community, their status, the award preview. */
export class FourHavesService {
  constructor(
    private readonly db: Db,
    private readonly repo: FourHavesRepository,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly staffing: StaffingSource,
  ) {}

  // ---------------------------------------------------------------- standards

  async standards(): Promise<FourHavesStandards> {
    const stored = (await this.repo.settings()).standards;
    const parsed = FourHavesStandardsSchema.partial().safeParse(stored ?? {});
    return { ...DEFAULT_STANDARDS, ...(parsed.success ? parsed.data : {}) };
  }

  async updateStandards(ctx: RequestContext, patch: z.infer<typeof UpdateStandardsRequest>) {
    if (patch.premisesTiers) {
      const issues = checkPremisesTiers(patch.premisesTiers);
      if (issues.length > 0) throw validationError(issues);
    }
    const next = { ...(await this.standards()), ...patch };
    await transaction(this.db, async () => {
      await this.repo.putSetting('standards', next);
      await this.audit.record(ctx, {
        action: 'fourhaves.standards',
        objectType: 'setting',
        objectId: 'four_haves.standards',
        communityId: null,
        details: { fields: Object.keys(patch) },
      });
    });
    return next;
  }

  // ---------------------------------------------------------------- scope

  /** A community inside the actor's scope for `permission`: 404 when missing or not a community, 404 (read) / 403 (write) outside. */
  private async community(actor: Actor, id: string, permission: Perm) {
    const c = await this.repo.community(id);
    if (!c || c.level !== 'community') {
      if (permission === 'fourhaves.read') throw notFound('community');
      throw validationError([{ path: 'communityId', code: 'not_a_community', message: '社区不存在', messageEn: 'no such community' }]);
    }
    const scope = await this.regions.scopeFor(actor, permission);
    if (!scopeCovers(scope, { communityId: id })) {
      if (permission === 'fourhaves.read') throw outOfScopeNotFound('community');
      throw new AppError('OUT_OF_SCOPE');
    }
    return c;
  }

  /** The communities the actor reads (optionally one, which must be in scope). */
  private async readableCommunities(actor: Actor, communityId?: string) {
    if (communityId) await this.community(actor, communityId, 'fourhaves.read');
    return this.repo.communities(await this.regions.scopeFor(actor, 'fourhaves.read'), communityId);
  }

  // ---------------------------------------------------------------- award preview

  /** The 以奖代补 preview: 400 naming the field on nonsense. */
  preview(input: AwardPreviewRequest, lang: Lang) {
    const issues = checkAwardInput(input);
    if (issues.length > 0) throw validationError(issues);
    const r = computeAwards(input);
    return { items: r.items.map((i) => ({ id: i.id, amount: i.amount, reason: say(i.reason, lang) })), total: r.total };
  }

  // ---------------------------------------------------------------- status

  /** Everything the verdicts need for a set of communities, in a few queries. */
  private async facts(ids: string[], year: number) {
    const [households, premisesRows, rules, staff, totals, standards] = await Promise.all([
      this.repo.householdCounts(ids),
      this.repo.premisesOf(ids),
      this.repo.rulesOf(ids),
      this.staffing.countsFor(ids),
      this.repo.fundingTotals(ids, [year]),
      this.standards(),
    ]);
    const day = today();
    const verdicts = (id: string) => {
      const mine = premisesRows.filter((p) => p.communityId === id);
      const hh = households.get(id) ?? 0;
      const premisesV = premisesCompliance(mine as PremisesFact[], hh, day, standards);
      const fund = this.fundingFact(
        totals.filter((t) => t.communityId === id),
        year,
      );
      return {
        households: hh,
        premises: mine,
        rules: rules.filter((r) => r.communityId === id),
        staff: staff.get(id) ?? null,
        fund,
        bySource: totals.filter((t) => t.communityId === id && t.kind === 'allocation'),
        people: peopleCompliance(staff.get(id) ?? null, standards),
        money: moneyCompliance(fund, standards),
        premisesV,
        rulesV: rulesCompliance(rules.filter((r) => r.communityId === id) as RuleFact[], day, standards),
        standards,
      };
    };
    return verdicts;
  }

  private fundingFact(rows: { kind: string; fen: number }[], year: number): FundingFact {
    const sum = (kind: string) => rows.filter((r) => r.kind === kind).reduce((s, r) => s + r.fen, 0);
    const need = rows.some((r) => r.kind === 'budget') ? sum('budget') : null;
    return { year, needFen: need, receivedFen: sum('allocation'), spentFen: sum('spending') };
  }

  private summary(f: FundingFact, bySource: { source: string | null; fen: number }[]): FundingSummary {
    return {
      year: f.year,
      need: f.needFen === null ? null : fenToYuan(f.needFen),
      received: fenToYuan(f.receivedFen),
      spent: fenToYuan(f.spentFen),
      balance: fenToYuan(f.receivedFen - f.spentFen),
      gap: fenToYuan(fundingGapFen(f)),
      bySource: bySource.map((s) => ({ source: s.source ?? 'unknown', amount: fenToYuan(s.fen) })),
    };
  }

  /** GET /api/four-haves: each community in scope with its four statuses and the headline reason. */
  async status(actor: Actor, lang: Lang, year = Number(today().slice(0, 4))): Promise<{ items: FourHavesItem[] }> {
    const communities = await this.readableCommunities(actor);
    if (communities.length === 0) return { items: [] };
    const of = await this.facts(
      communities.map((c) => c.id),
      year,
    );
    const head = (v: HaveVerdict) => ({ status: v.status, reason: v.reasons.map((r) => say(r, lang)).join('；') });
    return {
      items: communities.map((c) => {
        const v = of(c.id);
        return {
          communityId: c.id,
          name: lang === 'en' && c.nameEn ? c.nameEn : c.name,
          people: head(v.people),
          money: head(v.money),
          premises: { ...head(v.premisesV), areaM2: v.premisesV.areaM2, requiredM2: v.premisesV.requiredM2 },
          rules: head(v.rulesV),
        };
      }),
    };
  }

  /** The drill-down of one community: every reason and the records behind it. */
  async detail(actor: Actor, communityId: string, lang: Lang, year = Number(today().slice(0, 4))): Promise<FourHavesDetail> {
    const [c] = await this.readableCommunities(actor, communityId);
    if (!c) throw notFound('community');
    const v = (await this.facts([c.id], year))(c.id);
    const full = (h: HaveVerdict) => {
      const reasons = h.reasons.map((r) => say(r, lang));
      return { status: h.status, reason: reasons.join('；'), reasons };
    };
    const day = today();
    const [staffRow] = await this.repo.staffingOf([c.id]);
    return {
      communityId: c.id,
      name: lang === 'en' && c.nameEn ? c.nameEn : c.name,
      households: v.households,
      people: full(v.people),
      money: full(v.money),
      premises: {
        ...full(v.premisesV),
        areaM2: v.premisesV.areaM2,
        requiredM2: v.premisesV.requiredM2,
        activityM2: v.premisesV.activityM2,
        pipelineM2: v.premisesV.pipelineM2,
      },
      rules: full(v.rulesV),
      premisesList: v.premises as FourHavesDetail['premisesList'],
      rulesList: v.rules.map((r) => ({ ...r, current: ruleIsCurrent(r.adoptedOn, day, v.standards) })) as FourHavesDetail['rulesList'],
      staffing: staffRow ? { fullTime: staffRow.fullTime, partTime: staffRow.partTime, police: staffRow.police, version: staffRow.version } : null,
      funding: this.summary(v.fund, v.bySource),
    };
  }

  /** The 工作台: communities below the premises standard, communities with a funding gap, leases ending soon. */
  async workbench(ctx: RequestContext, day: string) {
    const actor = ctx.actor;
    if (!actor || !actor.permissions.has('fourhaves.read')) return {};
    const communities = await this.readableCommunities(actor);
    if (communities.length === 0) return {};
    const ids = communities.map((c) => c.id);
    const of = await this.facts(ids, Number(day.slice(0, 4)));
    const verdicts = communities.map((c) => ({ c, v: of(c.id) }));
    const below = verdicts.filter(({ v }) => v.premisesV.status === 'red').length;
    const gaps = verdicts.filter(({ v }) => fundingGapFen(v.fund) > 0).length;
    const horizon = verdicts[0]?.v.standards.leaseWarningDays ?? 90;
    const todos = verdicts.flatMap(({ c, v }) =>
      v.premises
        .filter(
          (p) =>
            p.state === 'in_use' && p.ownership === 'rented' && p.leaseEnd && daysBetween(day, p.leaseEnd) <= horizon && daysBetween(day, p.leaseEnd) >= -30,
        )
        .map((p) => ({
          id: `fourhaves:lease:${p.id}`,
          module: 'fourhaves',
          title: { zh: `${p.name} 租期到期，请续租或落实用房`, en: `Lease of ${p.name} ends: renew it or find premises` },
          dueDate: p.leaseEnd!,
          link: `/four-haves/${c.id}`,
          regionName: c.name,
        })),
    );
    return {
      cards: [
        {
          key: 'fourhaves.premisesBelowStandard',
          label: { zh: '用房未达标社区', en: 'Communities below the premises standard' },
          value: below,
          unit: { zh: '个', en: '' },
          link: '/four-haves',
          tone: below > 0 ? ('warning' as const) : ('normal' as const),
        },
        {
          key: 'fourhaves.fundingGap',
          label: { zh: '本年度有资金缺口的社区', en: 'Communities with a funding gap this year' },
          value: gaps,
          unit: { zh: '个', en: '' },
          link: '/four-haves/funding',
          tone: gaps > 0 ? ('warning' as const) : ('normal' as const),
        },
      ],
      todos,
    };
  }

  // ---------------------------------------------------------------- premises

  async listPremises(actor: Actor, communityId?: string) {
    const communities = await this.readableCommunities(actor, communityId);
    if (communities.length === 0) return { items: [] };
    return { items: (await this.repo.premisesOf(communities.map((c) => c.id))) as FourHavesDetail['premisesList'] };
  }

  private checkPremises(p: { ownership: string; leaseEnd?: string | null; state: string; inUseSince?: string | null }) {
    if (p.ownership === 'rented' && !p.leaseEnd)
      throw validationError([{ path: 'leaseEnd', code: 'required', message: '租用用房须填写租期截止日期', messageEn: 'rented premises need the lease end' }]);
  }

  private async premisesView(id: string) {
    const row = await this.repo.premisesById(id);
    if (!row) throw notFound('premises');
    const [view] = (await this.repo.premisesOf([row.communityId])).filter((p) => p.id === id);
    return view as FourHavesDetail['premisesList'][number];
  }

  async createPremises(ctx: RequestContext, input: CreatePremisesRequest) {
    await this.community(actorOf(ctx), input.communityId, 'fourhaves.write');
    this.checkPremises(input);
    const id = await transaction(this.db, async () => {
      const row = await this.repo.insertPremises({
        communityId: input.communityId,
        name: input.name,
        use: input.use,
        areaM2: input.areaM2,
        ownership: input.ownership,
        rentFen: input.rentYuan == null ? null : yuanToFen(input.rentYuan),
        leaseEnd: input.leaseEnd ?? null,
        counterpart: input.counterpart ?? null,
        state: input.state,
        inUseSince: input.inUseSince ?? null,
        address: input.address ?? null,
        notes: input.notes ?? null,
      });
      await this.audit.record(ctx, {
        action: 'premises.create',
        objectType: 'premises',
        objectId: row.id,
        communityId: row.communityId,
        details: { name: row.name, areaM2: row.areaM2, state: row.state },
      });
      return row.id;
    });
    return this.premisesView(id);
  }

  /** A premises row in the actor's scope: 404 to a reader outside it, 404 also to a writer (no probing). */
  private async premisesFor(actor: Actor, id: string): Promise<PremisesRow> {
    const row = await this.repo.premisesById(id);
    if (!row) throw notFound('premises');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'fourhaves.read'), row)) throw outOfScopeNotFound('premises');
    return row;
  }

  async getPremises(actor: Actor, id: string) {
    await this.premisesFor(actor, id);
    return this.premisesView(id);
  }

  /** Edit premises; a hand-over is state → in_use (in_use_since defaults to today). */
  async updatePremises(ctx: RequestContext, id: string, input: UpdatePremisesRequest) {
    const actor = actorOf(ctx);
    const current = await this.premisesFor(actor, id);
    await this.regions.assertCovers(actor, 'fourhaves.write', current);
    const { version, rentYuan, ...rest } = input;
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) patch[k] = v;
    if (rentYuan !== undefined) patch.rentFen = rentYuan === null ? null : yuanToFen(rentYuan);
    if (Object.keys(patch).length === 0) throw new AppError('BAD_REQUEST', { reason: 'nothing_to_change' });
    const merged = { ownership: current.ownership, leaseEnd: current.leaseEnd, state: current.state, inUseSince: current.inUseSince, ...patch } as {
      ownership: string;
      leaseEnd: string | null;
      state: string;
      inUseSince: string | null;
    };
    this.checkPremises(merged);
    if (patch.state === 'in_use' && current.state !== 'in_use' && !merged.inUseSince) patch.inUseSince = today();
    await transaction(this.db, async () => {
      const row = await this.repo.updatePremises(id, version, patch);
      if (!row) throw versionConflict((await this.repo.premisesById(id))?.version ?? current.version);
      const handedOver = patch.state === 'in_use' && current.state !== 'in_use';
      await this.audit.record(ctx, {
        action: handedOver ? 'premises.hand_over' : 'premises.update',
        objectType: 'premises',
        objectId: id,
        communityId: row.communityId,
        details: { fields: Object.keys(patch) },
      });
    });
    return this.premisesView(id);
  }

  // ---------------------------------------------------------------- photos and documents of premises

  /** The photos and documents of premises in the actor's scope (404 outside). */
  async listFiles(actor: Actor, premisesId: string) {
    await this.premisesFor(actor, premisesId);
    return this.repo.filesOf(premisesId);
  }

  /**
   * Attach a photo or document: its type is decided by its content (400 naming `file` otherwise); the
   * caller must write in the premises' community (404 when it cannot even read it, 403 otherwise).
   */
  async uploadFile(ctx: RequestContext, premisesId: string, file: { fileName: string; data: Buffer }) {
    const actor = actorOf(ctx);
    const p = await this.premisesFor(actor, premisesId);
    await this.regions.assertCovers(actor, 'fourhaves.write', p);
    if (file.data.length === 0) throw validationError([{ path: 'file', code: 'empty', message: '文件为空', messageEn: 'The file is empty' }]);
    const type = sniffPremisesFile(file.data);
    if (!type)
      throw validationError([
        {
          path: 'file',
          code: 'unsupported_type',
          message: `文件内容不是允许的类型（${PREMISES_FILE_TYPES.join('、')}）`,
          messageEn: `The file's content is not an allowed type (${PREMISES_FILE_TYPES.join(', ')})`,
        },
      ]);
    const fileName = safeFileName(file.fileName, type.extension);
    const id = await transaction(this.db, async () => {
      const row = await this.repo.insertFile({
        premisesId,
        communityId: p.communityId,
        kind: type.kind,
        contentType: type.contentType,
        fileName,
        sizeBytes: file.data.length,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        data: file.data,
        uploadedBy: actor.userId,
      });
      await this.audit.record(ctx, {
        action: 'premises.file_upload',
        objectType: 'premises_file',
        objectId: row.id,
        communityId: p.communityId,
        details: { premisesId, fileName, contentType: type.contentType, sizeBytes: file.data.length },
      });
      return row.id;
    });
    const [view] = (await this.repo.filesOf(premisesId)).filter((f) => f.id === id);
    return view;
  }

  /** A file in the actor's scope: 404 when missing or outside (no probing of ids). */
  private async fileFor(actor: Actor, id: string) {
    const row = await this.repo.fileById(id);
    if (!row) throw notFound('premises_file');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'fourhaves.read'), row)) throw outOfScopeNotFound('premises_file');
    return row;
  }

  /** The bytes of a file, with the type found at upload and its safe name. */
  async downloadFile(actor: Actor, id: string) {
    const row = await this.fileFor(actor, id);
    return { data: row.data, contentType: row.contentType, fileName: row.fileName };
  }

  async deleteFile(ctx: RequestContext, id: string) {
    const actor = actorOf(ctx);
    const row = await this.fileFor(actor, id);
    await this.regions.assertCovers(actor, 'fourhaves.write', row);
    await transaction(this.db, async () => {
      if (!(await this.repo.deleteFile(id))) throw notFound('premises_file');
      await this.audit.record(ctx, {
        action: 'premises.file_delete',
        objectType: 'premises_file',
        objectId: id,
        communityId: row.communityId,
        details: { premisesId: row.premisesId, fileName: row.fileName, sha256: row.sha256 },
      });
    });
    return { ok: true as const };
  }

  // ---------------------------------------------------------------- developer-provided premises (配建)

  /** A project with its verdict against the tier table of the standards. */
  private judgeProject(h: HousingProjectRow, lang: Lang, tiers: PremisesTier[], day = today()) {
    const v = housingProjectCompliance(
      {
        floorAreaM2: h.floorAreaM2,
        plannedPremisesM2: h.plannedPremisesM2,
        handedOverM2: h.handedOverM2,
        stages: { approval: h.approvalOn, planning: h.planningOn, permit: h.permitOn, completion: h.completionOn, handover: h.handoverOn },
      },
      day,
      tiers,
    );
    return { ...h, requiredM2: v.requiredM2, stage: v.stage, status: v.status, reason: v.reasons.map((r) => say(r, lang)).join('；') };
  }

  async listHousingProjects(actor: Actor, lang: Lang, communityId?: string) {
    const communities = await this.readableCommunities(actor, communityId);
    if (communities.length === 0) return { items: [] };
    const [rows, { premisesTiers }] = await Promise.all([this.repo.housingProjectsOf(communities.map((c) => c.id)), this.standards()]);
    return { items: rows.map((h) => this.judgeProject(h, lang, premisesTiers)) };
  }

  private async housingProjectView(id: string, lang: Lang) {
    const row = await this.repo.housingProjectById(id);
    if (!row) throw notFound('housing_project');
    const [view] = (await this.repo.housingProjectsOf([row.communityId])).filter((h) => h.id === id);
    return this.judgeProject(view, lang, (await this.standards()).premisesTiers);
  }

  async createHousingProject(ctx: RequestContext, input: CreateHousingProjectRequest, lang: Lang) {
    await this.community(actorOf(ctx), input.communityId, 'fourhaves.write');
    const id = await transaction(this.db, async () => {
      const { communityId, ...rest } = input;
      const row = await this.repo.insertHousingProject({
        communityId,
        name: rest.name,
        developer: rest.developer,
        floorAreaM2: rest.floorAreaM2,
        plannedHouseholds: rest.plannedHouseholds ?? null,
        plannedPremisesM2: rest.plannedPremisesM2 ?? 0,
        handedOverM2: rest.handedOverM2 ?? 0,
        approvalOn: rest.approvalOn ?? null,
        planningOn: rest.planningOn ?? null,
        permitOn: rest.permitOn ?? null,
        completionOn: rest.completionOn ?? null,
        handoverOn: rest.handoverOn ?? null,
      });
      await this.audit.record(ctx, {
        action: 'housing_projects.create',
        objectType: 'housing_project',
        objectId: row.id,
        communityId,
        details: { name: row.name },
      });
      return row.id;
    });
    return this.housingProjectView(id, lang);
  }

  async updateHousingProject(ctx: RequestContext, id: string, input: UpdateHousingProjectRequest, lang: Lang) {
    const actor = actorOf(ctx);
    const current = await this.repo.housingProjectById(id);
    if (!current) throw notFound('housing_project');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'fourhaves.read'), current)) throw outOfScopeNotFound('housing_project');
    await this.regions.assertCovers(actor, 'fourhaves.write', current);
    const { version, ...rest } = input;
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) patch[k] = v;
    if (Object.keys(patch).length === 0) throw new AppError('BAD_REQUEST', { reason: 'nothing_to_change' });
    await transaction(this.db, async () => {
      const row = await this.repo.updateHousingProject(id, version, patch);
      if (!row) throw versionConflict((await this.repo.housingProjectById(id))?.version ?? current.version);
      await this.audit.record(ctx, {
        action: 'housing_projects.update',
        objectType: 'housing_project',
        objectId: id,
        communityId: row.communityId,
        details: { fields: Object.keys(patch) },
      });
    });
    return this.housingProjectView(id, lang);
  }

  // ---------------------------------------------------------------- rules and staffing

  async listRules(actor: Actor, communityId?: string) {
    const communities = await this.readableCommunities(actor, communityId);
    if (communities.length === 0) return { items: [] };
    const [rows, standards] = await Promise.all([this.repo.rulesOf(communities.map((c) => c.id)), this.standards()]);
    const day = today();
    return { items: rows.map((r) => ({ ...r, current: ruleIsCurrent(r.adoptedOn, day, standards) })) as FourHavesDetail['rulesList'] };
  }

  async createRule(ctx: RequestContext, input: CreateRuleRequest) {
    await this.community(actorOf(ctx), input.communityId, 'fourhaves.write');
    const row = await transaction(this.db, async () => {
      const r = await this.repo.insertRule({ ...input, notes: input.notes ?? null });
      await this.audit.record(ctx, {
        action: 'rules.create',
        objectType: 'community_rule',
        objectId: r.id,
        communityId: r.communityId,
        details: { kind: r.kind, title: r.title },
      });
      return r;
    });
    const standards = await this.standards();
    return { ...row, notes: row.notes, current: ruleIsCurrent(row.adoptedOn, today(), standards) } as FourHavesDetail['rulesList'][number];
  }

  async setStaffing(ctx: RequestContext, communityId: string, input: SetStaffingRequest) {
    await this.community(actorOf(ctx), communityId, 'fourhaves.write');
    const { version, ...counts } = input;
    const row = await transaction(this.db, async () => {
      const r = await this.repo.setStaffing(communityId, counts, version);
      // The current version is read after the transaction: PGlite has one connection, held by `this.db` here.
      if (!r) return null;
      await this.audit.record(ctx, { action: 'staffing.set', objectType: 'community', objectId: communityId, communityId, details: counts });
      return r;
    });
    if (!row) throw versionConflict((await this.repo.staffingOf([communityId]))[0]?.version ?? 1);
    return { fullTime: row.fullTime, partTime: row.partTime, police: row.police, version: row.version };
  }

  // ---------------------------------------------------------------- funding

  async ledger(actor: Actor, query: { communityId?: string; year?: number; projectId?: string }) {
    const communities = await this.readableCommunities(actor, query.communityId);
    if (communities.length === 0) return { items: [], summaries: [] };
    const ids = communities.map((c) => c.id);
    const [entries, totals] = await Promise.all([
      this.repo.fundingEntriesOf(ids, query.year, query.projectId),
      this.repo.fundingTotals(ids, query.year ? [query.year] : null),
    ]);
    const summaries = [];
    for (const c of communities) {
      const years = [...new Set(totals.filter((t) => t.communityId === c.id).map((t) => t.year))].sort();
      for (const year of years) {
        const rows = totals.filter((t) => t.communityId === c.id && t.year === year);
        summaries.push({
          communityId: c.id,
          communityName: c.name,
          ...this.summary(
            this.fundingFact(rows, year),
            rows.filter((r) => r.kind === 'allocation'),
          ),
        });
      }
    }
    return {
      items: entries.map(({ amountFen, ...e }) => ({ ...e, amount: fenToYuan(amountFen) })) as FundingEntryView[],
      summaries,
    };
  }

  async createFunding(ctx: RequestContext, input: CreateFundingEntryRequest) {
    await this.community(actorOf(ctx), input.communityId, 'funding.write');
    if (input.projectId && (await this.repo.projectCommunity(input.projectId)) !== input.communityId)
      throw validationError([
        { path: 'projectId', code: 'other_community', message: '该建设项目不属于此社区', messageEn: 'the project does not belong to this community' },
      ]);
    const row = await transaction(this.db, async () => {
      const f = await this.repo.insertFunding({
        communityId: input.communityId,
        year: input.year,
        kind: input.kind,
        source: input.kind === 'allocation' ? (input.source ?? null) : null,
        amountFen: yuanToFen(input.amount),
        entryDate: input.entryDate,
        description: input.description,
        voucher: input.voucher ?? null,
        projectId: input.projectId ?? null,
      });
      await this.audit.record(ctx, {
        action: 'funding.create',
        objectType: 'funding_entry',
        objectId: f.id,
        communityId: f.communityId,
        details: { kind: f.kind, year: f.year, amountFen: f.amountFen, ...(f.projectId ? { projectId: f.projectId } : {}) },
      });
      return f;
    });
    const [view] = (await this.ledger(actorOf(ctx), { communityId: row.communityId, year: row.year })).items.filter((e) => e.id === row.id);
    return view;
  }

  /** The ledger as an .xlsx: the entries, then a sheet of balances and gaps per community and year. */
  async exportLedger(actor: Actor, query: { communityId?: string; year?: number; projectId?: string }) {
    const { items, summaries } = await this.ledger(actor, query);
    const wb = new ExcelJS.Workbook();
    const text = (v: string | null) => escapeCell(v ?? '');
    const ws = wb.addWorksheet('台账');
    ws.columns = [
      { header: '社区', key: 'community', width: 12 },
      { header: '年度', key: 'year', width: 8 },
      { header: '日期', key: 'date', width: 12 },
      { header: '类别', key: 'kind', width: 8 },
      { header: '来源', key: 'source', width: 10 },
      { header: '摘要', key: 'description', width: 30 },
      { header: '凭证号', key: 'voucher', width: 14 },
      { header: '金额（元）', key: 'amount', width: 14, style: { numFmt: '#,##0.00' } },
    ];
    for (const e of items)
      ws.addRow({
        community: e.communityName,
        year: e.year,
        date: e.entryDate,
        kind: FUNDING_KIND_LABELS[e.kind].zh,
        source: e.source ? FUNDING_SOURCE_LABELS[e.source].zh : '',
        description: text(e.description),
        voucher: text(e.voucher),
        amount: e.amount,
      });
    ws.getRow(1).font = { bold: true };
    const ss = wb.addWorksheet('结余与缺口');
    ss.columns = [
      { header: '社区', key: 'community', width: 12 },
      { header: '年度', key: 'year', width: 8 },
      { header: '需求（元）', key: 'need', width: 14, style: { numFmt: '#,##0.00' } },
      { header: '到位（元）', key: 'received', width: 14, style: { numFmt: '#,##0.00' } },
      { header: '支出（元）', key: 'spent', width: 14, style: { numFmt: '#,##0.00' } },
      { header: '结余（元）', key: 'balance', width: 14, style: { numFmt: '#,##0.00' } },
      { header: '缺口（元）', key: 'gap', width: 14, style: { numFmt: '#,##0.00' } },
    ];
    for (const s of summaries)
      ss.addRow({ community: s.communityName, year: s.year, need: s.need ?? '', received: s.received, spent: s.spent, balance: s.balance, gap: s.gap });
    ss.getRow(1).font = { bold: true };
    return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows: items.length };
  }
}
