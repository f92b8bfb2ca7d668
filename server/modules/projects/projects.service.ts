import ExcelJS from 'exceljs';
import type {
  AddMilestoneRequest,
  CompleteMilestoneRequest,
  CreateProjectRequest,
  ProjectDetail,
  ProjectListItem,
  ProjectsQuery,
  UpdateProjectRequest,
} from '../../../shared/contracts/projects';
import { addDays } from '../../../shared/domain/dates';
import {
  milestoneOverdue,
  PROJECT_KIND_LABELS,
  PROJECT_STATE_LABELS,
  progressAfterMilestones,
  projectFunding,
  stateChangeAllowed,
  type ProjectKind,
  type ProjectState,
} from '../../../shared/domain/projects';
import { transaction, type Db } from '../../db/client';
import { today } from '../../lib/clock';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict } from '../../lib/errors';
import { scopeCovers } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { FourHavesService } from '../fourhaves/fourhaves.service';
import type { WorkbenchContribution } from '../module';
import type { RegionsService } from '../regions/regions.service';
import type { ProjectRow, ProjectsRepository, ProjectViewRow } from './projects.repository';
import { escapeCell } from '../../lib/xlsx';

const field = (path: string, code: string, message: string, messageEn: string) => validationError([{ path, code, message, messageEn }]);
const yuanToFen = (y: number) => Math.round(y * 100);
const fenToYuan = (f: number) => Math.round(f) / 100;
/** Upcoming milestones within this many days join the 待办 list. */
const TODO_HORIZON_DAYS = 14;
const EXPORT_LIMIT = 5000;

/**
 * Construction and renovation projects of community premises (建设项目): budget, milestones, progress, and
 * the money linked to them in the funding ledger (allocations by source, spending, balance, gap). Scoped like
 * premises: a whole community (a grid grant holds none); reading needs fourhaves.read (404 outside the
 * scope), writing fourhaves.write (403 into a foreign community).
 */
export class ProjectsService {
  constructor(
    private readonly db: Db,
    private readonly repo: ProjectsRepository,
    private readonly regions: RegionsService,
    private readonly fourHaves: FourHavesService,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------- reads

  private listItem(r: ProjectViewRow): ProjectListItem {
    const f = projectFunding({ budgetFen: r.budgetFen, allocations: [{ source: 'all', fen: r.allocatedFen }], spentFen: r.spentFen });
    const active = r.state === 'planned' || r.state === 'under_way';
    return {
      id: r.id,
      communityId: r.communityId,
      communityName: r.communityName,
      name: r.name,
      kind: r.kind as ProjectKind,
      premisesId: r.premisesId,
      premisesName: r.premisesName,
      areaM2: r.areaM2,
      plannedStart: r.plannedStart,
      plannedEnd: r.plannedEnd,
      state: r.state as ProjectState,
      progressPercent: r.progressPercent,
      milestonesTotal: r.milestonesTotal,
      milestonesDone: r.milestonesDone,
      overdue: active && r.milestonesLate > 0,
      funding: {
        budget: fenToYuan(f.budgetFen),
        allocated: fenToYuan(f.allocatedFen),
        spent: fenToYuan(f.spentFen),
        balance: fenToYuan(f.balanceFen),
        gap: fenToYuan(f.gapFen),
      },
      version: r.version,
    };
  }

  private async search(actor: Actor, query: Omit<ProjectsQuery, 'page' | 'pageSize'>) {
    if (query.communityId) await this.readableCommunity(actor, query.communityId);
    return {
      scope: await this.regions.scopeFor(actor, 'fourhaves.read'),
      day: today(),
      q: query.q || undefined,
      communityId: query.communityId,
      kind: query.kind,
      state: query.state,
      overdue: query.overdue === 'true',
    };
  }

  /** A filter naming a community outside the scope is answered like a missing one. */
  private async readableCommunity(actor: Actor, communityId: string) {
    const c = await this.repo.region(communityId);
    if (!c || c.level !== 'community') throw notFound('community');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'fourhaves.read'), { communityId })) throw outOfScopeNotFound('community');
  }

  async list(actor: Actor, query: ProjectsQuery) {
    const { items, total } = await this.repo.page(await this.search(actor, query), query.pageSize, (query.page - 1) * query.pageSize);
    return { items: items.map((r) => this.listItem(r)), total };
  }

  /** A project in the actor's read scope: 404 when missing or outside it. */
  private async readable(actor: Actor, id: string): Promise<ProjectRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('project');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'fourhaves.read'), row)) throw outOfScopeNotFound('project');
    return row;
  }

  /** A project the actor may change: 404 outside the read scope, 403 when only readable. */
  private async writable(actor: Actor, id: string): Promise<ProjectRow> {
    const row = await this.readable(actor, id);
    await this.regions.assertCovers(actor, 'fourhaves.write', row);
    return row;
  }

  async get(actor: Actor, id: string): Promise<ProjectDetail> {
    await this.readable(actor, id);
    return this.detail(actor, id);
  }

  private async detail(actor: Actor, id: string): Promise<ProjectDetail> {
    const day = today();
    const [view, milestones, bySource] = await Promise.all([this.repo.view(id, day), this.repo.milestones(id), this.repo.allocationsBySource(id)]);
    if (!view) throw notFound('project');
    const [canEdit, canFund] = await Promise.all([this.regions.covers(actor, 'fourhaves.write', view), this.regions.covers(actor, 'funding.write', view)]);
    const item = this.listItem(view);
    const f = projectFunding({
      budgetFen: view.budgetFen,
      allocations: bySource.map((s) => ({ source: s.source ?? 'unknown', fen: s.fen })),
      spentFen: view.spentFen,
    });
    return {
      ...item,
      notes: view.notes,
      milestones: milestones.map((m) => ({ ...m, overdue: milestoneOverdue(m, day) })),
      funding: {
        ...item.funding,
        bySource: f.bySource.map((s) => ({ source: s.source as ProjectDetail['funding']['bySource'][number]['source'], amount: fenToYuan(s.fen) })),
      },
      capabilities: { canEdit, canFund },
    };
  }

  // ---------------------------------------------------------------- writes

  /** The linked premises must be readable and of the project's community; 400 naming premisesId otherwise. */
  private async checkPremises(actor: Actor, premisesId: string | null | undefined, communityId: string) {
    if (!premisesId) return;
    const p = await this.fourHaves.getPremises(actor, premisesId).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    });
    if (!p || p.communityId !== communityId) throw field('premisesId', 'other_community', '该用房不属于此社区', 'the premises do not belong to this community');
  }

  private checkDates(start: string | null | undefined, end: string | null | undefined) {
    if (start && end && end < start)
      throw field('plannedEnd', 'before_start', '计划竣工日期不能早于计划开工日期', 'the planned end is before the planned start');
  }

  async create(ctx: RequestContext, input: CreateProjectRequest): Promise<ProjectDetail> {
    const actor = actorOf(ctx);
    const community = await this.repo.region(input.communityId);
    if (!community || community.level !== 'community') throw field('communityId', 'not_a_community', '社区不存在', 'no such community');
    await this.regions.assertCovers(actor, 'fourhaves.write', { communityId: input.communityId });
    this.checkDates(input.plannedStart, input.plannedEnd);
    await this.checkPremises(actor, input.premisesId, input.communityId);
    const id = await transaction(this.db, async () => {
      const row = await this.repo.insert({
        communityId: input.communityId,
        name: input.name,
        kind: input.kind,
        premisesId: input.premisesId ?? null,
        areaM2: input.areaM2 ?? null,
        budgetFen: yuanToFen(input.budget),
        plannedStart: input.plannedStart ?? null,
        plannedEnd: input.plannedEnd ?? null,
        notes: input.notes ?? null,
      });
      await this.audit.record(ctx, {
        action: 'projects.create',
        objectType: 'project',
        objectId: row.id,
        communityId: row.communityId,
        details: { name: row.name, kind: row.kind },
      });
      return row.id;
    });
    return this.detail(actorOf(ctx), id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateProjectRequest): Promise<ProjectDetail> {
    const actor = actorOf(ctx);
    const current = await this.writable(actor, id);
    const { version, budget, ...rest } = input;
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) patch[k] = v;
    if (budget !== undefined) patch.budgetFen = yuanToFen(budget);
    if (Object.keys(patch).length === 0) throw new AppError('BAD_REQUEST', { reason: 'nothing_to_change' });
    if (input.state && !stateChangeAllowed(current.state as ProjectState, input.state))
      throw field('state', 'transition', '项目状态不能这样变更', `a ${current.state} project cannot become ${input.state}`);
    this.checkDates(
      input.plannedStart !== undefined ? input.plannedStart : current.plannedStart,
      input.plannedEnd !== undefined ? input.plannedEnd : current.plannedEnd,
    );
    if (input.premisesId) await this.checkPremises(actor, input.premisesId, current.communityId);
    if (input.state === 'finished' && input.progressPercent === undefined) patch.progressPercent = 100;
    const row = await transaction(this.db, async () => {
      const r = await this.repo.update(id, version, patch);
      if (!r) return null;
      await this.audit.record(ctx, {
        action: input.state && input.state !== current.state ? 'projects.state' : 'projects.update',
        objectType: 'project',
        objectId: id,
        communityId: r.communityId,
        details: { fields: Object.keys(patch), ...(input.state && input.state !== current.state ? { from: current.state, to: input.state } : {}) },
      });
      return r;
    });
    // The current version is read after the transaction (PGlite has one connection, held by the transaction).
    if (!row) throw versionConflict((await this.repo.byId(id))?.version ?? current.version);
    return this.detail(actorOf(ctx), id);
  }

  /** Deletes a project still planned and without money on the ledger (a mistake); others are cancelled instead. */
  async remove(ctx: RequestContext, id: string, version: number) {
    const current = await this.writable(actorOf(ctx), id);
    if (current.state !== 'planned')
      throw field('state', 'not_planned', '只能删除计划中的项目，其他项目请改为已取消', 'only a planned project can be deleted; cancel the others');
    if ((await this.repo.fundingEntryCount(id)) > 0)
      throw field('id', 'has_funding', '该项目已有经费记录，不能删除，请改为已取消', 'the project has funding entries: cancel it instead');
    const ok = await transaction(this.db, async () => {
      if (!(await this.repo.delete(id, version))) return false;
      await this.audit.record(ctx, {
        action: 'projects.delete',
        objectType: 'project',
        objectId: id,
        communityId: current.communityId,
        details: { name: current.name },
      });
      return true;
    });
    if (!ok) throw versionConflict((await this.repo.byId(id))?.version ?? current.version);
    return { ok: true as const };
  }

  async addMilestone(ctx: RequestContext, id: string, input: AddMilestoneRequest): Promise<ProjectDetail> {
    const project = await this.writable(actorOf(ctx), id);
    if (project.state === 'finished' || project.state === 'cancelled')
      throw field('state', 'closed', '已完工或已取消的项目不能再添加节点', 'a finished or cancelled project takes no new milestones');
    await transaction(this.db, async () => {
      const m = await this.repo.insertMilestone({
        projectId: id,
        communityId: project.communityId,
        name: input.name,
        plannedOn: input.plannedOn,
        note: input.note ?? null,
      });
      await this.audit.record(ctx, {
        action: 'projects.milestone_add',
        objectType: 'project',
        objectId: id,
        communityId: project.communityId,
        details: { milestoneId: m.id, name: m.name, plannedOn: m.plannedOn },
      });
    });
    return this.detail(actorOf(ctx), id);
  }

  /**
   * Marks a milestone done; the progress follows the share of milestones done (unless reported higher), and
   * a planned project is under way once its first milestone is done.
   */
  async completeMilestone(ctx: RequestContext, id: string, milestoneId: string, input: CompleteMilestoneRequest): Promise<ProjectDetail> {
    const project = await this.writable(actorOf(ctx), id);
    const m = await this.repo.milestoneById(milestoneId);
    if (!m || m.projectId !== id) throw notFound('milestone');
    if (m.doneOn) throw new AppError('CONFLICT', { reason: 'already_done', doneOn: m.doneOn });
    const day = today();
    const doneOn = input.doneOn ?? day;
    if (doneOn > day) throw field('doneOn', 'future', '完成日期不能晚于今天', 'the day done cannot be in the future');
    await transaction(this.db, async () => {
      await this.repo.completeMilestone(milestoneId, doneOn, input.note);
      const all = await this.repo.milestones(id);
      const progress = progressAfterMilestones(project.progressPercent, all);
      const state = project.state === 'planned' ? 'under_way' : project.state;
      if (progress !== project.progressPercent || state !== project.state) await this.repo.update(id, project.version, { progressPercent: progress, state });
      await this.audit.record(ctx, {
        action: 'projects.milestone_done',
        objectType: 'project',
        objectId: id,
        communityId: project.communityId,
        details: { milestoneId, name: m.name, doneOn, progressPercent: progress },
      });
    });
    return this.detail(actorOf(ctx), id);
  }

  // ---------------------------------------------------------------- export and workbench

  /** The list as an .xlsx (the filters of the list, up to 5,000 projects). */
  async export(actor: Actor, query: Omit<ProjectsQuery, 'page' | 'pageSize'>) {
    const { items } = await this.repo.page(await this.search(actor, query), EXPORT_LIMIT, 0);
    const rows = items.map((r) => this.listItem(r));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('建设项目');
    const text = (v: string | null) => escapeCell(v ?? '');
    const money = { numFmt: '#,##0.00' };
    ws.columns = [
      { header: '社区', key: 'community', width: 12 },
      { header: '项目名称', key: 'name', width: 30 },
      { header: '类型', key: 'kind', width: 8 },
      { header: '状态', key: 'state', width: 8 },
      { header: '关联用房', key: 'premises', width: 24 },
      { header: '面积（㎡）', key: 'area', width: 10 },
      { header: '计划开工', key: 'start', width: 12 },
      { header: '计划竣工', key: 'end', width: 12 },
      { header: '进度（%）', key: 'progress', width: 10 },
      { header: '节点完成', key: 'milestones', width: 10 },
      { header: '逾期', key: 'overdue', width: 6 },
      { header: '预算（元）', key: 'budget', width: 14, style: money },
      { header: '到位（元）', key: 'allocated', width: 14, style: money },
      { header: '支出（元）', key: 'spent', width: 14, style: money },
      { header: '结余（元）', key: 'balance', width: 14, style: money },
      { header: '缺口（元）', key: 'gap', width: 14, style: money },
    ];
    for (const p of rows)
      ws.addRow({
        community: p.communityName,
        name: text(p.name),
        kind: PROJECT_KIND_LABELS[p.kind].zh,
        state: PROJECT_STATE_LABELS[p.state].zh,
        premises: text(p.premisesName),
        area: p.areaM2 ?? '',
        start: p.plannedStart ?? '',
        end: p.plannedEnd ?? '',
        progress: p.progressPercent,
        milestones: `${p.milestonesDone}/${p.milestonesTotal}`,
        overdue: p.overdue ? '是' : '',
        budget: p.funding.budget,
        allocated: p.funding.allocated,
        spent: p.funding.spent,
        balance: p.funding.balance,
        gap: p.funding.gap,
      });
    ws.getRow(1).font = { bold: true };
    return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows: rows.length };
  }

  /** The 工作台: active projects, those with a late milestone, and milestones late or due within two weeks. */
  async workbench(ctx: RequestContext, day: string): Promise<WorkbenchContribution> {
    const actor = ctx.actor;
    if (!actor || !actor.permissions.has('fourhaves.read')) return {};
    const scope = await this.regions.scopeFor(actor, 'fourhaves.read');
    if (!scope.all && scope.communityIds.length === 0) return {};
    const [counts, due] = await Promise.all([this.repo.activeCounts(scope, day), this.repo.milestonesDue(scope, addDays(day, TODO_HORIZON_DAYS))]);
    return {
      cards: [
        {
          key: 'projects.active',
          label: { zh: '在建与计划中的建设项目', en: 'Construction projects planned or under way' },
          value: counts.active,
          unit: { zh: '个', en: '' },
          link: '/projects',
        },
        {
          key: 'projects.overdue',
          label: { zh: '节点逾期的建设项目', en: 'Construction projects with a late milestone' },
          value: counts.overdue,
          unit: { zh: '个', en: '' },
          link: '/projects?overdue=true',
          tone: counts.overdue > 0 ? 'danger' : 'normal',
        },
      ],
      todos: due.map((m) => ({
        id: `projects:milestone:${m.id}`,
        module: 'projects',
        title: { zh: `${m.projectName}：${m.name}`, en: `${m.projectName}: ${m.name}` },
        dueDate: m.plannedOn,
        link: `/projects/${m.projectId}`,
        regionName: m.communityName,
      })),
    };
  }
}
