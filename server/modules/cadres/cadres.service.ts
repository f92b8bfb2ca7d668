import type {
  AddTrainingRequest,
  CadreAnalytics,
  CadreDetail,
  CadreListItem,
  CadreSettings,
  CadreSettingsView,
  UpdateCadreSettingsRequest,
  CadresQuery,
  CreateCadreRequest,
  StaffingReport,
  TrainingDueList,
  UpdateCadreRequest,
} from '../../../shared/contracts/cadres';
import { ageOn } from '../../../shared/domain/dates';
import type { EDUCATION_LEVELS } from '../../../shared/domain/registry';
import { assessStaffing, DEFAULT_STAFFING, staffingCategory, type CadrePost, type CadreSource, type StaffingStandard } from '../../../shared/domain/staffing';
import { DEFAULT_CADENCE, trainingDue, type TrainingCadence, type TrainingForm } from '../../../shared/domain/training';
import { transaction, type Db } from '../../db/client';
import { today } from '../../lib/clock';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict } from '../../lib/errors';
import { scopeCovers } from '../../lib/scope';
import type { WorkbenchContribution } from '../module';
import type { AuditService } from '../audit/audit.service';
import type { RegionsService } from '../regions/regions.service';
import type { ResidentsService } from '../residents/residents.service';
import type { CadreRow, CadresRepository, CadreViewRow } from './cadres.repository';

const SETTINGS_KEY = 'cadres';
const field = (path: string, code: string, message: string, messageEn: string) => validationError([{ path, code, message, messageEn }]);

/** Five-year age bands of the analytics (≤29 … 60+). */
const AGE_BANDS: [string, number, number][] = [
  ['≤29', 0, 29],
  ['30–39', 30, 39],
  ['40–49', 40, 49],
  ['50–59', 50, 59],
  ['60+', 60, 200],
];

/**
 * The cadre team of each community: profiles, training records with the cadence, insurance, and the
 * team against the staffing standard. Reading needs cadres.read over the cadre's community (404 outside),
 * writing cadres.write (403 into a foreign community). The standard and cadence are settings.
 */
export class CadresService {
  constructor(
    private readonly db: Db,
    private readonly repo: CadresRepository,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsService,
    private readonly audit: AuditService,
  ) {}

  async settings(): Promise<CadreSettingsView> {
    const row = await this.repo.setting(SETTINGS_KEY);
    const stored = row?.value as Partial<CadreSettings> | undefined;
    return { ...DEFAULT_STAFFING, ...DEFAULT_CADENCE, ...(stored ?? {}), version: row?.version ?? 0 };
  }

  /** Replaces the settings at the version read; a stale version gets 409 naming `version` with the current one. */
  async updateSettings(ctx: RequestContext, input: UpdateCadreSettingsRequest): Promise<CadreSettingsView> {
    const { version, ...values } = input;
    await transaction(this.db, async () => {
      const saved = await this.repo.saveSetting(SETTINGS_KEY, values, version);
      if (!saved) {
        const current = (await this.repo.setting(SETTINGS_KEY))?.version ?? 0;
        throw new AppError('VERSION_CONFLICT', { field: 'version', currentVersion: current });
      }
      await this.audit.record(ctx, { action: 'cadres.settings', objectType: 'setting', objectId: 'cadres', communityId: null, details: { ...values } });
    });
    return this.settings();
  }

  private async standard(): Promise<{ staffing: StaffingStandard; cadence: TrainingCadence }> {
    const s = await this.settings();
    return {
      staffing: { fullTime: s.fullTime, partTime: s.partTime, police: s.police, workersPer10k: s.workersPer10k },
      cadence: { leaderYears: s.leaderYears, otherYears: s.otherYears },
    };
  }

  async list(actor: Actor, query: CadresQuery) {
    const scope = await this.regions.scopeFor(actor, 'cadres.read');
    const { items, total } = await this.repo.page(
      {
        scope,
        q: query.q || undefined,
        communityId: query.communityId,
        post: query.post,
        source: query.source,
        uninsured: query.uninsured === 'true',
        includeFormer: query.includeFormer === 'true',
      },
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    const day = today();
    return { items: items.map((r) => listItem(r, day)), total };
  }

  private async readable(actor: Actor, id: string): Promise<CadreRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('cadre');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'cadres.read'), { communityId: row.communityId })) throw outOfScopeNotFound('cadre');
    return row;
  }

  async get(actor: Actor, id: string): Promise<CadreDetail> {
    const row = await this.readable(actor, id);
    const [view, trainings, { cadence }, canEdit] = await Promise.all([
      this.repo.view(id),
      this.repo.trainings(id),
      this.standard(),
      this.regions.covers(actor, 'cadres.write', { communityId: row.communityId }),
    ]);
    if (!view) throw notFound('cadre');
    const day = today();
    return {
      ...listItem(view, day),
      phone: view.phone,
      notes: view.notes,
      trainings: trainings.map((t) => ({ ...t, form: t.form as TrainingForm, hours: Number(t.hours) })),
      training: trainingDue(view.post as CadrePost, view.lastTraining, view.startDate, day, cadence),
      capabilities: { canEdit },
    };
  }

  async create(ctx: RequestContext, input: CreateCadreRequest): Promise<CadreDetail> {
    const actor = actorOf(ctx);
    const community = await this.repo.region(input.communityId);
    if (!community || community.level !== 'community') throw field('communityId', 'not_a_community', '社区不存在', 'no such community');
    await this.regions.assertCovers(actor, 'cadres.write', { communityId: input.communityId });
    let person = { name: input.name, sex: input.sex, birthDate: input.birthDate };
    if (input.residentId) {
      const r = await this.residents.getForActor(actor, input.residentId);
      if (r.communityId !== input.communityId)
        throw field('residentId', 'other_community', '该居民不在此社区登记', 'the resident is not registered in this community');
      person = { name: r.name, sex: r.sex, birthDate: r.birthDate };
    }
    checkDates(person.birthDate, input.startDate, null);
    const id = await transaction(this.db, async () => {
      const row = await this.repo.insert({
        communityId: input.communityId,
        residentId: input.residentId ?? null,
        ...person,
        post: input.post,
        source: input.source,
        education: input.education ?? null,
        partyMember: input.partyMember,
        phone: input.phone ?? null,
        payGrade: input.payGrade ?? null,
        pensionInsured: input.pensionInsured,
        medicalInsured: input.medicalInsured,
        startDate: input.startDate,
        notes: input.notes ?? null,
      });
      await this.audit.record(ctx, {
        action: 'cadres.create',
        objectType: 'cadre',
        objectId: row.id,
        communityId: row.communityId,
        details: { post: row.post, source: row.source },
      });
      return row.id;
    });
    return this.get(actor, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateCadreRequest): Promise<CadreDetail> {
    const actor = actorOf(ctx);
    const current = await this.readable(actor, id);
    await this.regions.assertCovers(actor, 'cadres.write', { communityId: current.communityId });
    const { version, ...rest } = input;
    const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<CadreRow>;
    const fields = Object.keys(patch);
    if (fields.length === 0) throw new AppError('BAD_REQUEST', { reason: 'nothing_to_change' });
    checkDates(patch.birthDate ?? current.birthDate, patch.startDate ?? current.startDate, patch.endDate !== undefined ? patch.endDate : current.endDate);
    await transaction(this.db, async () => {
      const row = await this.repo.update(id, version, patch);
      if (!row) throw versionConflict((await this.repo.byId(id))?.version ?? current.version);
      const left = patch.endDate && !current.endDate;
      await this.audit.record(ctx, {
        action: left ? 'cadres.leave' : 'cadres.update',
        objectType: 'cadre',
        objectId: id,
        communityId: row.communityId,
        details: { fields },
      });
    });
    return this.get(actor, id);
  }

  async addTraining(ctx: RequestContext, id: string, input: AddTrainingRequest): Promise<CadreDetail> {
    const actor = actorOf(ctx);
    const current = await this.readable(actor, id);
    await this.regions.assertCovers(actor, 'cadres.write', { communityId: current.communityId });
    if (input.date > today()) throw field('date', 'future', '培训日期不能晚于今天', 'The training date cannot be in the future');
    await transaction(this.db, async () => {
      const t = await this.repo.insertTraining({ communityId: current.communityId, cadreId: id, ...input });
      await this.audit.record(ctx, {
        action: 'cadres.training',
        objectType: 'cadre',
        objectId: id,
        communityId: current.communityId,
        details: { trainingId: t.id, form: t.form, hours: t.hours },
      });
    });
    return this.get(actor, id);
  }

  /**
   * Head-counts of cadres in post per community by staffing category, for 有人 of the four haves (counts are
   * not personal data). A community with nobody in post is absent.
   */
  async countsFor(communityIds: string[]): Promise<Map<string, { fullTime: number; partTime: number; police: number }>> {
    const found = new Map<string, { fullTime: number; partTime: number; police: number }>();
    if (communityIds.length === 0) return found;
    for (const k of await this.repo.inPost({ all: false, communityIds, gridIds: [] })) {
      const counts = found.get(k.communityId) ?? { fullTime: 0, partTime: 0, police: 0 };
      const category = staffingCategory(k.post as CadrePost);
      if (category === 'full_time') counts.fullTime++;
      else if (category === 'part_time') counts.partTime++;
      else counts.police++;
      found.set(k.communityId, counts);
    }
    return found;
  }

  /** Each community in the actor's scope against the staffing standard (resident counts from the registry). */
  async staffing(actor: Actor): Promise<StaffingReport> {
    const scope = await this.regions.scopeFor(actor, 'cadres.read');
    const [{ staffing }, communities, inPost, population] = await Promise.all([
      this.standard(),
      this.repo.communities(scope),
      this.repo.inPost(scope),
      // Totals per community are not personal data: counted city-wide, then limited to the scope's communities.
      this.residents.countByCommunity(undefined, 'active'),
    ]);
    const residents = new Map(population.map((p) => [p.communityId, p.count]));
    return {
      standard: staffing,
      items: communities.map((c) => {
        const counts = { full_time: 0, part_time: 0, police: 0 };
        for (const k of inPost) if (k.communityId === c.id) counts[staffingCategory(k.post as CadrePost)]++;
        const n = residents.get(c.id) ?? 0;
        return { communityId: c.id, communityName: c.name, residents: n, ...assessStaffing(staffing, n, counts) };
      }),
    };
  }

  /** Cadres in post whose training is overdue or falls due within 60 days, most overdue first. */
  async trainingDue(actor: Actor): Promise<TrainingDueList> {
    const scope = await this.regions.scopeFor(actor, 'cadres.read');
    const [{ cadence }, rows] = await Promise.all([this.standard(), this.repo.inPost(scope)]);
    const day = today();
    const items = rows
      .map((k) => ({ k, due: trainingDue(k.post as CadrePost, k.lastTraining, k.startDate, day, cadence) }))
      .filter((x) => x.due.status !== 'ok')
      .sort((a, b) => a.due.dueDate.localeCompare(b.due.dueDate))
      .map(({ k, due }) => ({
        cadreId: k.id,
        name: k.name,
        communityId: k.communityId,
        communityName: k.communityName,
        post: k.post as CadrePost,
        lastTraining: k.lastTraining,
        dueDate: due.dueDate,
        status: due.status as 'due' | 'overdue',
      }));
    return { items };
  }

  /** Age structure, party ratio, education, sources and lines of the team (one community or the whole scope). */
  async analytics(actor: Actor, communityId?: string): Promise<CadreAnalytics> {
    const scope = await this.regions.scopeFor(actor, 'cadres.read');
    if (communityId && !scopeCovers(scope, { communityId })) throw outOfScopeNotFound('region');
    const rows = await this.repo.inPost(scope, communityId);
    const day = today();
    const ages = rows.map((r) => ageOn(r.birthDate, day));
    const count = <K extends string>(keys: K[]) => {
      const m = new Map<string, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return [...m.entries()].map(([key, n]) => ({ key, count: n }));
    };
    const partyMembers = rows.filter((r) => r.partyMember).length;
    return {
      total: rows.length,
      partyMembers,
      partyRatio: rows.length ? partyMembers / rows.length : 0,
      averageAge: rows.length ? Math.round((ages.reduce((a, b) => a + b, 0) / rows.length) * 10) / 10 : 0,
      ageBands: AGE_BANDS.map(([key, lo, hi]) => ({ key, count: ages.filter((a) => a >= lo && a <= hi).length })),
      education: count(rows.map((r) => r.education ?? 'unknown')),
      sources: count(rows.map((r) => r.source)),
      categories: count(rows.map((r) => staffingCategory(r.post as CadrePost))),
      uninsured: rows.filter((r) => !r.pensionInsured || !r.medicalInsured).length,
    };
  }

  /** The 工作台: cadres in post and vacancies (cards), trainings overdue or due (待办). */
  async workbench(ctx: RequestContext): Promise<WorkbenchContribution> {
    const actor = ctx.actor;
    if (!actor || !actor.permissions.has('cadres.read')) return {};
    const [staffing, due] = await Promise.all([this.staffing(actor), this.trainingDue(actor)]);
    if (staffing.items.length === 0) return {};
    const inPost = staffing.items.reduce((n, i) => n + i.actual.full_time + i.actual.part_time + i.actual.police, 0);
    const vacancies = staffing.items.reduce((n, i) => n + i.totalVacancies, 0);
    const overdue = due.items.filter((d) => d.status === 'overdue').length;
    return {
      cards: [
        { key: 'cadres.inPost', label: { zh: '社区干部（在岗）', en: 'Cadres in post' }, value: inPost, unit: { zh: '人', en: '' }, link: '/cadres' },
        {
          key: 'cadres.vacancies',
          label: { zh: '干部缺编', en: 'Cadre vacancies' },
          value: vacancies,
          unit: { zh: '个', en: '' },
          link: '/cadres/staffing',
          tone: vacancies > 0 ? 'warning' : 'normal',
        },
        {
          key: 'cadres.trainingOverdue',
          label: { zh: '培训逾期', en: 'Training overdue' },
          value: overdue,
          unit: { zh: '人', en: '' },
          link: '/cadres/training',
          tone: overdue > 0 ? 'danger' : 'normal',
        },
      ],
      todos: due.items.map((d) => ({
        id: `cadres:training:${d.cadreId}`,
        module: 'cadres',
        title: { zh: `${d.name} 应参加培训`, en: `${d.name} is due for training` },
        dueDate: d.dueDate,
        link: `/cadres/${d.cadreId}`,
        regionName: d.communityName,
      })),
    };
  }
}

function checkDates(birthDate: string, startDate: string, endDate: string | null) {
  if (startDate < birthDate) throw field('startDate', 'before_birth', '任职日期不能早于出生日期', 'The start date cannot be before the birth date');
  if (startDate > today()) throw field('startDate', 'future', '任职日期不能晚于今天', 'The start date cannot be in the future');
  if (endDate && endDate < startDate) throw field('endDate', 'before_start', '离任日期不能早于任职日期', 'The end date cannot be before the start date');
}

function listItem(r: CadreViewRow, day: string): CadreListItem {
  return {
    id: r.id,
    communityId: r.communityId,
    communityName: r.communityName,
    residentId: r.residentId,
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    age: ageOn(r.birthDate, day),
    post: r.post as CadrePost,
    source: r.source as CadreSource,
    education: r.education as (typeof EDUCATION_LEVELS)[number] | null,
    partyMember: r.partyMember,
    payGrade: r.payGrade,
    pensionInsured: r.pensionInsured,
    medicalInsured: r.medicalInsured,
    startDate: r.startDate,
    endDate: r.endDate,
    lastTraining: r.lastTraining,
    version: r.version,
  };
}
