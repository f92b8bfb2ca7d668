import type { z } from 'zod';
import { CARE_ATTRIBUTE_SCHEMAS, type CareRecordView, type CreateCareRecordRequest, type UpdateCareRecordRequest } from '../../../shared/contracts/care';
import { ASSISTANCE_YEARS, CARE_GROUP_PERMISSION, CARE_GROUPS, type CareGroup } from '../../../shared/domain/registry';
import { transaction, type Db } from '../../db/client';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict, type FieldIssue } from '../../lib/errors';
import { categoryCovers, categoryScopesFor, scopeCovers, type CategoryScopes, type DataScope } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { RegionsService } from '../regions/regions.service';
import type { WorkbenchContribution } from '../module';
import { addDays } from '../../../shared/domain/workbench';
import type { CareRepository, CareRow } from './care.repository';
import { today } from '../../lib/clock';

/** Where a resident lives: what scope checks need. */
export interface ScopedResident {
  id: string;
  communityId: string;
  gridId: string | null;
}

/** Which care groups an actor may see for a resident in a given place. */
export type CareVisibility = (obj: { communityId: string; gridId: string | null }) => Set<CareGroup>;

function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Splits a "中文 | English" zod message into a field issue. */
function issuesOf(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((i) => {
    const [zh, en] = i.message.split(' | ');
    return { path: [prefix, ...i.path.map(String)].join('.'), code: i.code, message: zh, messageEn: en ?? zh };
  });
}

/**
 * Care-group records (独居老人、残疾人、低保 …). Reading is filtered by the category scopes (groupScopes; the
 * statistics and the residents' care-group filter ask the same): a group the actor may not see is left out
 * entirely, as if it did not exist. Callers pass a resident they have
 * already authorised (ResidentsService.getForActor).
 */
export class CareService {
  constructor(
    private readonly db: Db,
    private readonly repo: CareRepository,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Care records follow their residents into another community (their scope key), inside the caller's
   * transaction: a household move (HouseholdsService via ResidentsService.moveIntoHousehold). Not audited
   * here: the move itself is.
   */
  async followResidents(residentIds: string[], communityId: string): Promise<void> {
    if (residentIds.length === 0) return;
    await this.repo.moveToCommunity(residentIds, communityId);
  }

  /**
   * Where the actor may read each care group: the ordinary ones under care.basic.read, the sensitive ones
   * (disability, 低保, 特困, 安置帮教, 社区矫正) only by the roles SENSITIVE_CATEGORIES lists for them. A group
   * read nowhere is not a key.
   */
  groupScopes(actor: Actor, groups: readonly CareGroup[] = CARE_GROUPS): Promise<CategoryScopes> {
    return categoryScopesFor(groups, 'care.basic.read', (p) => this.regions.scopeFor(actor, p));
  }

  /**
   * Where the actor may read one care group (a filter on it: the residents' list); 403 naming the group's read
   * permission when they read it nowhere.
   */
  async groupScope(actor: Actor, group: CareGroup): Promise<DataScope> {
    const scope = (await this.groupScopes(actor, [group])).get(group);
    if (!scope) throw groupForbidden(group);
    return scope;
  }

  /** Resolves, once per request, which groups the actor may see where. */
  async visibility(actor: Actor): Promise<CareVisibility> {
    const scopes = await this.groupScopes(actor);
    return (obj) => new Set(CARE_GROUPS.filter((g) => categoryCovers(scopes, g, obj)));
  }

  /**
   * The care card on the 工作台 (people in the register in a group the actor may see, each group within its
   * permission's scope) and a 待办 item for every 安置帮教 period that ends within 30 days or has ended
   * while the record is still open (for those who may see the justice groups).
   */
  async workbench(actor: Actor, day: string): Promise<WorkbenchContribution> {
    const scopes = await this.groupScopes(actor);
    if (scopes.size === 0) return {};
    const justice = new Map([...scopes].filter(([g]) => g === 'released' || g === 'correction'));
    const [people, ending] = await Promise.all([
      this.repo.peopleInGroups(scopes),
      justice.size > 0 ? this.repo.assistanceEnding(addDays(day, 30), justice, 50) : Promise.resolve([]),
    ]);
    return {
      cards: [
        {
          key: 'care.people',
          label: { zh: '关怀对象', en: 'People in care groups' },
          value: people,
          unit: { zh: '人', en: 'people' },
          link: '/residents',
          order: 30,
        },
      ],
      todos: ending.map((e) => ({
        id: `care:assistance:${e.id}`,
        module: 'care',
        title:
          e.groupType === 'released'
            ? { zh: `安置帮教期满：${e.name}`, en: `Resettlement assistance ends: ${e.name}` }
            : { zh: `社区矫正帮教期满：${e.name}`, en: `Correction assistance ends: ${e.name}` },
        dueDate: e.periodEnd,
        link: `/residents/${e.residentId}`,
        regionName: e.communityName ?? undefined,
      })),
    };
  }

  /** Current groups of many residents (unfiltered: the caller filters with `visibility`). */
  async currentGroups(residentIds: string[]): Promise<Map<string, CareGroup[]>> {
    const rows = await this.repo.currentGroups(residentIds);
    const out = new Map<string, CareGroup[]>();
    for (const r of rows) {
      const list = out.get(r.residentId) ?? [];
      list.push(r.groupType as CareGroup);
      out.set(r.residentId, list);
    }
    for (const list of out.values()) list.sort((a, b) => CARE_GROUPS.indexOf(a) - CARE_GROUPS.indexOf(b));
    return out;
  }

  /** The resident's records (current and ended) in the groups the actor may see. */
  async listFor(actor: Actor, resident: ScopedResident, visible?: CareVisibility): Promise<CareRecordView[]> {
    const groups = (visible ?? (await this.visibility(actor)))(resident);
    const rows = await this.repo.forResident(resident.id);
    return rows.filter((r) => groups.has(r.groupType as CareGroup)).map(toView);
  }

  /** Adds the resident to a group. The actor needs care.write over the resident and must be allowed to see the group. */
  async create(ctx: RequestContext, resident: ScopedResident, input: CreateCareRecordRequest): Promise<CareRecordView> {
    const actor = actorOf(ctx);
    await this.assertWritable(actor, resident, input.groupType);
    const attributes = withDefaults(input.groupType, (input.attributes ?? {}) as Record<string, unknown>);
    checkDates(input.startDate, input.endDate ?? null);
    const open = !input.endDate || input.endDate >= today();
    return transaction(this.db, async () => {
      if (open && (await this.repo.hasCurrent(resident.id, input.groupType))) {
        throw new AppError(
          'DUPLICATE',
          [
            {
              path: 'groupType',
              message: '该居民已有此类别的有效记录，请先结束原记录',
              messageEn: 'The resident already has a current record in this group; end it first',
            },
          ],
          { field: 'groupType' },
        );
      }
      const row = await this.repo.insert({
        residentId: resident.id,
        communityId: resident.communityId,
        groupType: input.groupType,
        attributes,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        notes: input.notes ?? null,
      });
      await this.audit.record(ctx, {
        action: 'care.create',
        objectType: 'care_record',
        objectId: row.id,
        communityId: resident.communityId,
        details: { residentId: resident.id, groupType: input.groupType },
      });
      return toView(row);
    });
  }

  /** Changes a record; ending it is setting `endDate`. A record of a group the actor may not see is 404. */
  async update(ctx: RequestContext, resident: ScopedResident, recordId: string, input: UpdateCareRecordRequest): Promise<CareRecordView> {
    const actor = actorOf(ctx);
    const existing = await this.repo.byId(recordId);
    if (!existing || existing.residentId !== resident.id) throw notFound('care_record');
    const group = existing.groupType as CareGroup;
    if (!(await this.visibility(actor))(resident).has(group)) throw outOfScopeNotFound('care_record');
    await this.assertWritable(actor, resident, group);
    const patch: Partial<Pick<CareRow, 'attributes' | 'startDate' | 'endDate' | 'notes'>> = {};
    if (input.attributes !== undefined) patch.attributes = withDefaults(group, input.attributes);
    if (input.startDate !== undefined) patch.startDate = input.startDate;
    if (input.endDate !== undefined) patch.endDate = input.endDate;
    if (input.notes !== undefined) patch.notes = input.notes;
    checkDates(patch.startDate ?? existing.startDate, patch.endDate !== undefined ? patch.endDate : existing.endDate);
    return transaction(this.db, async () => {
      const row = await this.repo.update(recordId, input.version, patch);
      if (!row) throw versionConflict(existing.version);
      const ended = input.endDate !== undefined && input.endDate !== null && existing.endDate === null;
      await this.audit.record(ctx, {
        action: ended ? 'care.end' : 'care.update',
        objectType: 'care_record',
        objectId: recordId,
        communityId: resident.communityId,
        details: { residentId: resident.id, groupType: group, fields: Object.keys(patch) },
      });
      return toView(row);
    });
  }

  /**
   * The groups an actor may record for residents in a given place (care.write over the place and the
   * group's read permission), resolved once: an import asks per row.
   */
  async writableGroups(actor: Actor): Promise<(obj: { communityId: string; gridId: string | null }) => Set<CareGroup>> {
    const visible = await this.visibility(actor);
    const write = actor.permissions.has('care.write') ? await this.regions.scopeFor(actor, 'care.write') : null;
    return (obj) => (write && scopeCovers(write, obj) ? visible(obj) : new Set());
  }

  /**
   * Care records from a ledger's 人员类别 column: one current record per resident and group, starting
   * `startDate`, skipped where the resident already has a current one. A ledger carries none of a group's
   * attributes (disability level, release date …): the record is kept with empty attributes and a note,
   * to be completed on the resident's page. Groups the actor may not record are left out (the import
   * has warned on the row). Each record is audited as care.create.
   */
  async recordImported(ctx: RequestContext, entries: { resident: ScopedResident; groups: CareGroup[] }[], startDate: string): Promise<number> {
    const actor = actorOf(ctx);
    if (entries.length === 0) return 0;
    const writable = await this.writableGroups(actor);
    const existing = await this.currentGroups(entries.map((e) => e.resident.id));
    const rows = entries.flatMap(({ resident, groups }) => {
      const allowed = writable(resident);
      const has = new Set(existing.get(resident.id) ?? []);
      return groups
        .filter((g) => allowed.has(g) && !has.has(g))
        .map((g) => ({
          residentId: resident.id,
          communityId: resident.communityId,
          groupType: g,
          attributes: {},
          startDate,
          endDate: null,
          notes: '台账导入，请补充该类别的详细信息',
        }));
    });
    if (rows.length === 0) return 0;
    await transaction(this.db, async () => {
      const created = await this.repo.insertMany(rows);
      for (const r of created)
        await this.audit.record(ctx, {
          action: 'care.create',
          objectType: 'care_record',
          objectId: r.id,
          communityId: r.communityId,
          details: { residentId: r.residentId, groupType: r.groupType, source: 'import' },
        });
    });
    return rows.length;
  }

  private async assertWritable(actor: Actor, resident: ScopedResident, group: CareGroup) {
    await this.regions.assertCovers(actor, 'care.write', resident);
    if (!(await this.visibility(actor))(resident).has(group)) throw groupForbidden(group);
  }
}

/** The refusal of a care group the actor may not read (or write), naming its read permission. */
const groupForbidden = (group: CareGroup) => new AppError('FORBIDDEN', { permission: CARE_GROUP_PERMISSION[group] });

/** Validates a group's attributes and fills the 帮教 period defaults (ASSISTANCE_YEARS). */
export function withDefaults(group: CareGroup, attributes: Record<string, unknown>): Record<string, unknown> {
  const parsed = CARE_ATTRIBUTE_SCHEMAS[group].safeParse(attributes);
  if (!parsed.success) throw validationError(issuesOf(parsed.error, 'attributes'));
  const value = { ...(parsed.data as Record<string, unknown>) };
  if (group === 'released' && !value.periodEnd) value.periodEnd = addYears(value.releaseDate as string, ASSISTANCE_YEARS.released);
  if (group === 'correction' && !value.periodEnd) value.periodEnd = addYears(value.endDate as string, ASSISTANCE_YEARS.correction);
  return value;
}

function checkDates(start: string, end: string | null) {
  if (end && end < start)
    throw validationError([
      { path: 'endDate', code: 'before_start', message: '结束日期不能早于开始日期', messageEn: 'The end date cannot be before the start date' },
    ]);
}

export function toView(r: CareRow): CareRecordView {
  return {
    id: r.id,
    residentId: r.residentId,
    groupType: r.groupType as CareGroup,
    attributes: (r.attributes ?? {}) as Record<string, unknown>,
    startDate: r.startDate,
    endDate: r.endDate,
    active: r.endDate === null || r.endDate >= today(),
    notes: r.notes,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
