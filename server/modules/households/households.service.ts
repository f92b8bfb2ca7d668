import type {
  CreateHouseholdRequest,
  HouseholdsExportQuery,
  HouseholdsQuery,
  MergeHouseholdRequest,
  MoveMemberRequest,
  SplitHouseholdRequest,
  UpdateHouseholdRequest,
} from '../../../shared/contracts/households';
import { HOUSEHOLDS_EXPORT_CAP } from '../../../shared/contracts/households';
import { householdIsActive, mayMoveOut, relationOnMerge, relationsOnArrival, splitRefusal } from '../../../shared/domain/households';
import { HOUSEHOLD_STATUS_LABELS, HOUSEHOLD_TYPE_LABELS } from '../../../shared/domain/registry';
import { today } from '../../lib/clock';
import { xlsxStream } from '../../lib/xlsx';
import { exportTooLarge } from '../residents/residents.search';
import { transaction, type Db } from '../../db/client';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { ageView } from '../../lib/identity';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict } from '../../lib/errors';
import { scopeCovers } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import { regionFilterOf } from '../../lib/scope';
import type { BuildingsService } from '../buildings/buildings.service';
import type { RegionsService } from '../regions/regions.service';
import type { ResidentsService } from '../residents/residents.service';
import type { WorkbenchContribution } from '../module';
import type { HouseholdRow, HouseholdsRepository } from './households.repository';

/** Where a household is: community, grid and (optionally) building. */
interface Place {
  communityId: string;
  gridId: string;
  buildingId: string | null;
}

const conflict = (reason: string, extra: Record<string, unknown> = {}) => new AppError('CONFLICT', { reason, ...extra });

/**
 * Households (户): list, page, register, edit, and the changes of membership — moving a member, 分户
 * (split) and 并户 (merge). A household is never deleted; a merged one keeps status `merged`. Each change
 * runs in one transaction with its history rows and its audit entry.
 */
export class HouseholdsService {
  constructor(
    private readonly db: Db,
    private readonly repo: HouseholdsRepository,
    private readonly regions: RegionsService,
    private readonly buildings: BuildingsService,
    private readonly audit: AuditService,
    /** Writes the members (residents, their care records and move history belong to their modules). */
    private readonly residents: ResidentsService,
  ) {}

  /** Creates the households an import needs (grid + address), in the caller's transaction (the import audits the job). */
  createImported(wanted: { gridId: string; communityId: string; address: string }[]): Promise<{ id: string; gridId: string; address: string }[]> {
    return this.repo.createBulk(wanted);
  }

  /** Makes an import's new or changed 户主 the head of their household, where they are not yet. */
  setImportedHeads(heads: { residentId: string; householdId: string }[]): Promise<void> {
    return this.repo.setHeads(heads);
  }

  async list(actor: Actor, query: HouseholdsQuery) {
    return this.repo.page(await this.search(actor, query), query.pageSize, (query.page - 1) * query.pageSize);
  }

  /** The list's filters resolved against the actor's scopes (a region outside them answers 404). */
  private async search(actor: Actor, query: HouseholdsExportQuery) {
    const scope = await this.regions.scopeFor(actor, 'households.read');
    const people = await this.regions.scopeFor(actor, 'residents.read');
    const region = query.regionId ? regionFilterOf(await this.regions.get(actor, query.regionId)) : undefined;
    return {
      scope,
      people,
      region,
      gridId: query.gridId,
      buildingId: query.buildingId,
      householdType: query.householdType,
      status: query.status === 'all' ? undefined : query.status,
      q: query.q || undefined,
    };
  }

  /** 家庭户 as .xlsx for the list's filters (audited: heads' names are personal data). */
  async exportXlsx(ctx: RequestContext, query: HouseholdsExportQuery) {
    const { items, total } = await this.repo.page(await this.search(actorOf(ctx), query), HOUSEHOLDS_EXPORT_CAP, 0);
    if (total > HOUSEHOLDS_EXPORT_CAP) throw exportTooLarge(total, HOUSEHOLDS_EXPORT_CAP);
    await this.audit.record(ctx, { action: 'households.export', objectType: 'household', details: { rows: items.length, filter: query } });
    const stream = xlsxStream<(typeof items)[number]>(
      '家庭户',
      [
        { header: '社区', width: 12, value: (h) => h.communityName },
        { header: '网格', width: 14, value: (h) => h.gridName },
        { header: '户号', width: 14, value: (h) => h.householdNumber },
        { header: '地址', width: 36, value: (h) => h.address },
        { header: '楼栋', width: 16, value: (h) => h.buildingName },
        { header: '室号', width: 12, value: (h) => h.room },
        { header: '户主', width: 10, value: (h) => h.headName },
        { header: '人数', width: 8, value: (h) => h.memberCount },
        { header: '户类型', width: 10, value: (h) => HOUSEHOLD_TYPE_LABELS[h.householdType as keyof typeof HOUSEHOLD_TYPE_LABELS]?.zh ?? h.householdType },
        { header: '状态', width: 8, value: (h) => HOUSEHOLD_STATUS_LABELS[h.status as keyof typeof HOUSEHOLD_STATUS_LABELS]?.zh ?? h.status },
      ],
      items,
    );
    return { filename: `家庭户_${today().replace(/-/g, '')}.xlsx`, fallback: 'households.xlsx', rows: items.length, stream };
  }

  /** The 家庭户 card on the 工作台: active households in the actor's households.read scope, with the number 30 days ago. */
  async workbench(actor: Actor): Promise<WorkbenchContribution> {
    if (!actor.permissions.has('households.read')) return {};
    const counts = await this.repo.workbenchCounts(await this.regions.scopeFor(actor, 'households.read'));
    return {
      cards: [
        {
          key: 'registry.households',
          label: { zh: '家庭户', en: 'Households' },
          value: counts.active,
          previous: counts.previous > 0 ? counts.previous : undefined,
          unit: { zh: '户', en: 'households' },
          link: '/households',
          order: 20,
        },
      ],
    };
  }

  /** Addresses of those households among `ids` that the actor may read now (others are left out). */
  async addressesFor(actor: Actor, ids: string[]): Promise<Map<string, string>> {
    if (!actor.permissions.has('households.read') || ids.length === 0) return new Map();
    const rows = await this.repo.addressesIn(ids, await this.regions.scopeFor(actor, 'households.read'));
    return new Map(rows.map((r) => [r.id, r.address]));
  }

  /** A household the actor may read; 404 otherwise (no probing of ids). */
  async readable(actor: Actor, id: string): Promise<HouseholdRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('household');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'households.read'), row)) throw outOfScopeNotFound('household');
    return row;
  }

  /** A household the actor may change: 404 when they cannot read it, 403 when they may read but not write. */
  private async writable(actor: Actor, id: string): Promise<HouseholdRow> {
    const row = await this.readable(actor, id);
    await this.regions.assertCovers(actor, 'households.write', row);
    return row;
  }

  /** The other end of a move: 404 when it does not exist, 403 when it lies outside the actor's write scope. */
  private async target(actor: Actor, id: string): Promise<HouseholdRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('household');
    await this.regions.assertCovers(actor, 'households.write', row);
    return row;
  }

  /**
   * The household page: the household, its members (masked identity) and its move history. Members
   * outside the reader's resident scope (a member registered in another grid) are left out and only
   * counted (`hiddenMembers`); their names are left out of the head and the history too.
   */
  async get(actor: Actor, id: string) {
    const row = await this.readable(actor, id);
    const people = await this.regions.scopeFor(actor, 'residents.read');
    // One round of queries side by side once the scope check has passed.
    const [view, members, hiddenMembers, moves, canEdit] = await Promise.all([
      this.repo.view(id, people),
      this.repo.members(id, row.headResidentId, people),
      this.repo.hiddenMembers(id, people),
      this.residents.householdMoves(id, people),
      this.regions.covers(actor, 'households.write', row),
    ]);
    if (!view) throw notFound('household');
    // The exact age beside a masked ID only for holders of residents.reveal (the search oracle, docs/security.md).
    return { ...view, members: members.map(({ age, ...m }) => ({ ...m, ...ageView(actor, age) })), hiddenMembers, moves, capabilities: { canEdit } };
  }

  /**
   * Every resident a change touches must lie in the actor's write scope for residents: the household's
   * scope is not enough, because a member may be registered in another grid than the household (a grid
   * worker must not take over a resident of the next grid by moving them). 403 naming the field.
   */
  private async assertMembersWritable(actor: Actor, people: { id: string; communityId: string; gridId: string | null; path: string }[]) {
    if (people.length === 0) return;
    const scope = await this.regions.scopeFor(actor, 'residents.write');
    const outside = people.find((p) => !scopeCovers(scope, p));
    if (outside) throw new AppError('OUT_OF_SCOPE', [{ path: outside.path, residentId: outside.id }]);
  }

  private async checkNumber(householdNumber: string | null | undefined, exceptId?: string, field = 'householdNumber') {
    if (householdNumber && (await this.repo.byNumber(householdNumber, exceptId))) throw new AppError('DUPLICATE', [{ path: field }], { field });
  }

  /** Where a new household goes: a building (read scope, else 404) or a grid. */
  private async placeOf(actor: Actor, input: { buildingId?: string; gridId?: string }, field: string): Promise<Place> {
    if (input.buildingId) {
      const b = await this.buildings.readable(actor, input.buildingId);
      if (input.gridId && input.gridId !== b.gridId)
        throw validationError([{ path: 'gridId', code: 'building_grid', message: '楼栋不在该网格内', messageEn: 'the building is not in this grid' }]);
      return { communityId: b.communityId, gridId: b.gridId, buildingId: b.id };
    }
    return { ...(await this.buildings.gridPlace(input.gridId!, field)), buildingId: null };
  }

  async create(ctx: RequestContext, input: CreateHouseholdRequest) {
    const actor = actorOf(ctx);
    const place = await this.placeOf(actor, input, 'gridId');
    await this.regions.assertCovers(actor, 'households.write', place);
    await this.checkNumber(input.householdNumber);
    const id = await transaction(this.db, async () => {
      const row = await this.repo.insert({
        ...place,
        householdNumber: input.householdNumber ?? null,
        room: input.room ?? null,
        address: input.address,
        householdType: input.householdType,
      });
      await this.audit.record(ctx, {
        action: 'households.create',
        objectType: 'household',
        objectId: row.id,
        communityId: row.communityId,
        details: { address: row.address, householdNumber: row.householdNumber },
      });
      return row.id;
    });
    return this.get(actor, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateHouseholdRequest) {
    const actor = actorOf(ctx);
    const current = await this.writable(actor, id);
    if (input.householdNumber !== undefined) await this.checkNumber(input.householdNumber, id);
    const { version, headResidentId, formerHeadRelation, ...fields } = input;
    await transaction(this.db, async () => {
      const patch: Partial<HouseholdRow> = { ...fields };
      let formerHead: string | null = null;
      if (headResidentId && headResidentId !== current.headResidentId) {
        const members = await this.repo.lockMembers(id);
        const head = members.find((m) => m.id === headResidentId);
        if (!head)
          throw validationError([
            { path: 'headResidentId', code: 'not_member', message: '户主须为本户在册成员', messageEn: 'the head must be an active member of this household' },
          ]);
        // Both the new head and the former head (whose relation changes) are touched.
        const former =
          members.find((m) => m.id === current.headResidentId) ?? (current.headResidentId ? await this.repo.resident(current.headResidentId) : undefined);
        await this.assertMembersWritable(actor, [{ ...head, path: 'headResidentId' }, ...(former ? [{ ...former, path: 'formerHeadRelation' }] : [])]);
        patch.headResidentId = headResidentId;
        formerHead = current.headResidentId;
      }
      const row = await this.repo.update(id, version, patch);
      if (!row) throw versionConflict((await this.repo.byId(id))?.version ?? current.version);
      if (patch.headResidentId) {
        await this.residents.setRelation(patch.headResidentId, 'head');
        if (formerHead) await this.residents.setRelation(formerHead, formerHeadRelation ?? 'other');
      }
      const changed = Object.keys(input).filter((k) => k !== 'version' && input[k as keyof typeof input] !== undefined);
      await this.audit.record(ctx, {
        action: 'households.update',
        objectType: 'household',
        objectId: id,
        communityId: row.communityId,
        details: { fields: changed, headResidentId: patch.headResidentId },
      });
    });
    return this.get(actor, id);
  }

  /** Locks both households and checks that they are still active. */
  private async lockActive(ids: string[]) {
    const rows = await this.repo.lock(ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) throw notFound('household');
      if (!householdIsActive(r.status)) throw conflict('household_not_active', { householdId: id, status: r.status });
    }
    return ids.map((id) => byId.get(id)!);
  }

  /** Moves one member to another household; their community and grid follow the new household. */
  async moveMember(ctx: RequestContext, id: string, input: MoveMemberRequest) {
    const actor = actorOf(ctx);
    await this.writable(actor, id);
    if (input.toHouseholdId === id)
      throw validationError([{ path: 'toHouseholdId', code: 'same_household', message: '目标户与原户相同', messageEn: 'the target is the same household' }]);
    await this.target(actor, input.toHouseholdId);
    await transaction(this.db, async () => {
      const [source, target] = await this.lockActive([id, input.toHouseholdId]);
      const members = await this.repo.lockMembers(id);
      const person = members.find((m) => m.id === input.residentId);
      if (!person)
        throw validationError([
          { path: 'residentId', code: 'not_member', message: '该居民不是本户在册成员', messageEn: 'not an active member of this household' },
        ]);
      await this.assertMembersWritable(actor, [{ ...person, path: 'residentId' }]);
      if (!relationsOnArrival(!!target.headResidentId).includes(input.relationToHead))
        throw conflict('target_has_head', { headResidentId: target.headResidentId });
      if (!mayMoveOut(person, source.headResidentId, members.length)) throw conflict('head_has_members');
      const isHead = source.headResidentId === person.id;
      await this.residents.moveIntoHousehold(ctx, target, [{ ...person, relationToHead: input.relationToHead }], {
        type: 'transfer',
        effectiveDate: input.effectiveDate,
        reason: input.reason,
      });
      await this.repo.update(source.id, undefined, isHead ? { headResidentId: null } : {});
      await this.repo.update(target.id, undefined, input.relationToHead === 'head' ? { headResidentId: person.id } : {});
      await this.audit.record(ctx, {
        action: 'households.move_member',
        objectType: 'household',
        objectId: source.id,
        communityId: source.communityId,
        details: {
          residentId: person.id,
          toHouseholdId: target.id,
          fromCommunityId: person.communityId,
          toCommunityId: target.communityId,
          effectiveDate: input.effectiveDate,
        },
      });
    });
    return { household: await this.get(actor, id), other: await this.get(actor, input.toHouseholdId) };
  }

  /** 分户: the listed members form a new household; the old one keeps its head and at least one member. */
  async split(ctx: RequestContext, id: string, input: SplitHouseholdRequest) {
    const actor = actorOf(ctx);
    await this.writable(actor, id);
    const ids = [...new Set(input.residentIds)];
    if (!ids.includes(input.newHeadId))
      throw validationError([
        { path: 'newHeadId', code: 'not_listed', message: '新户主须在分出的成员中', messageEn: 'the new head must be one of residentIds' },
      ]);
    const current = await this.repo.byId(id);
    const place = input.newHousehold.buildingId
      ? await this.placeOf(actor, { buildingId: input.newHousehold.buildingId }, 'newHousehold.buildingId')
      : { communityId: current!.communityId, gridId: current!.gridId, buildingId: null };
    await this.regions.assertCovers(actor, 'households.write', place);
    await this.checkNumber(input.newHousehold.householdNumber, undefined, 'newHousehold.householdNumber');
    const newId = await transaction(this.db, async () => {
      const [source] = await this.lockActive([id]);
      const members = await this.repo.lockMembers(id);
      const byId = new Map(members.map((m) => [m.id, m]));
      ids.forEach((rid, i) => {
        if (!byId.has(rid))
          throw validationError([
            { path: `residentIds.${i}`, code: 'not_member', message: '该居民不是本户在册成员', messageEn: 'not an active member of this household' },
          ]);
      });
      await this.assertMembersWritable(
        actor,
        ids.map((rid, i) => ({ ...byId.get(rid)!, path: `residentIds.${i}` })),
      );
      const refusal = splitRefusal(
        ids,
        members.map((m) => m.id),
        source.headResidentId,
      );
      if (refusal) throw conflict(refusal);
      const created = await this.repo.insert({
        ...place,
        householdNumber: input.newHousehold.householdNumber ?? null,
        room: input.newHousehold.room ?? null,
        address: input.newHousehold.address,
        householdType: input.newHousehold.householdType,
        headResidentId: input.newHeadId,
      });
      const people = ids.map((rid) => ({ ...byId.get(rid)!, relationToHead: rid === input.newHeadId ? 'head' : input.relations?.[rid] }));
      await this.residents.moveIntoHousehold(ctx, created, people, { type: 'split', effectiveDate: input.effectiveDate, reason: input.reason });
      await this.repo.update(source.id, undefined, {});
      await this.audit.record(ctx, {
        action: 'households.split',
        objectType: 'household',
        objectId: source.id,
        communityId: source.communityId,
        details: { newHouseholdId: created.id, residentIds: ids, newHeadId: input.newHeadId, effectiveDate: input.effectiveDate },
      });
      return created.id;
    });
    return { household: await this.get(actor, id), other: await this.get(actor, newId) };
  }

  /** 并户: every active member joins another household, whose head stays; this household becomes `merged`. */
  async merge(ctx: RequestContext, id: string, input: MergeHouseholdRequest) {
    const actor = actorOf(ctx);
    await this.writable(actor, id);
    if (input.intoHouseholdId === id)
      throw validationError([{ path: 'intoHouseholdId', code: 'same_household', message: '目标户与原户相同', messageEn: 'the target is the same household' }]);
    await this.target(actor, input.intoHouseholdId);
    await transaction(this.db, async () => {
      const [source, target] = await this.lockActive([id, input.intoHouseholdId]);
      const members = await this.repo.lockMembers(id);
      // Every member moves: the merge is refused if one of them lies outside the actor's scope.
      await this.assertMembersWritable(
        actor,
        members.map((m) => ({ ...m, path: 'intoHouseholdId' })),
      );
      // The absorbing household keeps its head: nobody arrives as `head`.
      const people = members.map((m) => ({ ...m, relationToHead: relationOnMerge(m, source.headResidentId, input.relations) }));
      await this.residents.moveIntoHousehold(ctx, target, people, { type: 'merge', effectiveDate: input.effectiveDate, reason: input.reason });
      await this.repo.update(source.id, undefined, { status: 'merged' });
      await this.repo.update(target.id, undefined, {});
      await this.audit.record(ctx, {
        action: 'households.merge',
        objectType: 'household',
        objectId: source.id,
        communityId: source.communityId,
        details: { intoHouseholdId: target.id, residentIds: members.map((m) => m.id), effectiveDate: input.effectiveDate },
      });
    });
    return { household: await this.get(actor, id), other: await this.get(actor, input.intoHouseholdId) };
  }
}
