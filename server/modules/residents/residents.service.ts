import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type {
  CreateResidentRequest,
  ResidentDetail,
  ResidentListItem,
  ResidentsFilter,
  ResidentsPage,
  PlaceResidentRequest,
  ResidentsQuery,
  UpdateResidentRequest,
} from '../../../shared/contracts/residents';
import { RESIDENTS_EXPORT_CAP, RESIDENTS_TOTAL_CAP } from '../../../shared/contracts/residents';
import { permissionsOf, type Permission, type Role } from '../../../shared/domain/permissions';
import {
  CARE_GROUP_LABELS,
  CARE_GROUPS,
  POLITICAL_STATUSES,
  RELATION_LABELS,
  RESIDENCE_TYPE_LABELS,
  RESIDENT_STATUS_LABELS,
  type CareGroup,
  type Relation,
  type ResidenceType,
  type ResidentStatus,
} from '../../../shared/domain/registry';
import { transaction, type Db } from '../../db/client';
import { isUniqueViolation } from '../../db/sql';
import type { FieldCrypto } from '../../lib/crypto';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict } from '../../lib/errors';
import { ageBand, ageView, identityColumns, normaliseIdNumber, redactIdentifiers } from '../../lib/identity';
import { nameColumns } from '../../lib/pinyin';
import { grantPathsFor, scopeCovers, type DataScope, type SelfScope } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { CareService, CareVisibility } from '../care/care.service';
import type { RegionsService } from '../regions/regions.service';
import { addDays } from '../../../shared/domain/workbench';
import type { TodoItem, WorkbenchCard, WorkbenchContribution } from '../module';
import type { MyHousehold, MyResident } from '../../../shared/contracts/me';
import { LookupGuard, type LookupLimits } from './residents.lookups';
import type { ProcessGroup } from '../../lib/process-group';
import {
  sortValue,
  type BulkUpsertResult,
  type MoveRow,
  type NewResident,
  type PreparedResident,
  type ResidentHit,
  type ResidentRow,
  type ResidentSearch,
  type ResidentsRepository,
} from './residents.repository';
import type { ImportColumnKey } from '../../../shared/domain/resident-row';

export type { BulkUpsertResult, ImportedHead, PreparedResident } from './residents.repository';
import { ageOn, birthRange, classifyQuery, decodeCursor, encodeCursor, escapeCell, exportTooLarge, maskPhone, today, type QueryKind } from './residents.search';

/** Fields compared and copied by create, update and upsert. */
const PLAIN_FIELDS = [
  'ethnicity',
  'phone',
  'education',
  'politicalStatus',
  'maritalStatus',
  'employmentStatus',
  'residenceType',
  'relationToHead',
  'notes',
] as const;

const EXPORT_BATCH = 2000;
const NO_MATCH = '00000000-0000-0000-0000-000000000000';

const rolePermissions = (role: string, domain: string | null) => permissionsOf(role as Role, domain);

/**
 * 403 unless one of the actor's residents.write grants covers the grid's region path. The same rule as
 * RegionsService.scopeFor (a grant covers its subtree), decided without a query so that it is safe inside
 * a caller's transaction.
 */
function assertWritablePath(actor: Actor, gridPath: string) {
  const ok = grantPathsFor(actor, 'residents.write', rolePermissions).some((p) => gridPath === p || gridPath.startsWith(`${p}.`));
  if (!ok) throw new AppError('OUT_OF_SCOPE');
}

/** 400 naming a filter that a caller without residents.reveal may not use: it would narrow down the hidden birth date. */
function needsReveal(path: string, message: string, messageEn: string): AppError {
  return validationError([{ path, code: 'needs_reveal', message, messageEn }]);
}

/** An exact look-up waiting for its result (see LookupGuard). */
interface PendingLookup {
  kind: 'id_number' | 'phone';
  value: string;
}

function duplicateId(existingId?: string): AppError {
  return new AppError(
    'DUPLICATE',
    [{ path: 'idNumber', message: '该身份证号已登记', messageEn: 'This ID number is already registered', ...(existingId ? { existingId } : {}) }],
    { field: 'idNumber' },
  );
}

/**
 * The population registry: search, detail, edits with optimistic locking, reveal of the full identity
 * and export — each limited to the actor's data scope and audited.
 */
export class ResidentsService {
  /** Caps (contract defaults); tests lower them. */
  readonly limits = { totalCap: RESIDENTS_TOTAL_CAP, exportCap: RESIDENTS_EXPORT_CAP };

  /** Exact ID-number and phone look-ups: limits, misses, audit. */
  readonly lookups: LookupGuard;

  constructor(
    private readonly db: Db,
    private readonly repo: ResidentsRepository,
    private readonly crypto: FieldCrypto,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly care: CareService,
    lookupLimits: LookupLimits = { perHour: 60, missesPerHour: 10 },
    group?: ProcessGroup,
  ) {
    this.lookups = new LookupGuard(lookupLimits, crypto, audit, group);
  }

  // ---------------------------------------------------------------- API for other features

  /** The resident if it lies inside the actor's scope for `permission`; 404 otherwise (no probing of ids). */
  async getForActor(actor: Actor, id: string, permission: Permission = 'residents.read'): Promise<ResidentRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('resident');
    const scope = await this.regions.scopeFor(actor, permission);
    if (!scopeCovers(scope, row)) throw outOfScopeNotFound('resident');
    return row;
  }

  /** Exact look-up through the blind index (no scope check: the caller decides what to show). */
  async findByIdNumber(idNumber: string): Promise<ResidentRow | undefined> {
    const n = normaliseIdNumber(idNumber);
    if (!n) return undefined;
    return this.repo.byIdHash(this.crypto.blindIndex(n));
  }

  /**
   * The Excel import's bulk path (one statement per batch of rows, in the caller's transaction): inserts new
   * residents and updates registered ones (same ID hash) in the columns the file carries (`present`), never
   * touching one outside `scope`; the move history records new and moved residents. The rows come
   * validated, encrypted and placed by the import; the import audits the whole job. Returns the counts and
   * the new or changed heads of household, for `HouseholdsService.setImportedHeads`.
   */
  upsertImported(
    rows: (PreparedResident & { householdId: string | null })[],
    present: ReadonlySet<ImportColumnKey>,
    scope: DataScope,
    actorId: string,
  ): Promise<BulkUpsertResult> {
    return this.repo.upsertBulk(rows, present, scope, actorId);
  }

  /** Moves into or out of a household, newest first; a mover's name only where `people` covers them now. */
  householdMoves(householdId: string, people: DataScope): Promise<MoveRow[]> {
    return this.repo.moves({ householdId, people });
  }

  /** Marks registered residents as floating population (an import's 人员类别 流动人口 without 居住类型). */
  markFloating(ids: string[]): Promise<void> {
    return this.repo.setFloating(ids);
  }

  /**
   * Sets a resident's political status for another feature's rule (a member of a party organisation is a
   * party member), inside the caller's transaction: no version check against the caller (the caller has
   * just decided on the current row), the row's own version is bumped, and the change is audited as
   * `residents.update` with the source named. The caller has already authorised the resident.
   */
  async setPoliticalStatus(ctx: RequestContext, residentId: string, status: (typeof POLITICAL_STATUSES)[number], source: string): Promise<void> {
    const current = await this.repo.byId(residentId);
    if (!current) throw notFound('resident');
    if (current.politicalStatus === status) return;
    const row = await this.repo.update(residentId, current.version, { politicalStatus: status });
    if (!row) throw versionConflict(current.version);
    await this.audit.record(ctx, {
      action: 'residents.update',
      objectType: 'resident',
      objectId: residentId,
      communityId: current.communityId,
      details: { fields: ['politicalStatus'], from: current.politicalStatus, to: status, source },
    });
  }

  /**
   * Moves residents into a household for the households module (a member moving, 分户, 并户), inside the
   * caller's transaction, which has locked both households and the movers: each resident takes the
   * household's community and grid (and `relationToHead` when given), their care records follow them into
   * a new community, and each move is recorded in the history. The caller has authorised the movers and
   * audits the change.
   */
  async moveIntoHousehold(
    ctx: RequestContext,
    to: { id: string; communityId: string; gridId: string },
    people: { id: string; householdId: string | null; communityId: string; relationToHead?: string | null }[],
    move: { type: 'transfer' | 'split' | 'merge'; effectiveDate: string; reason?: string },
  ): Promise<void> {
    await this.repo.placeInHousehold({ householdId: to.id, communityId: to.communityId, gridId: to.gridId }, people);
    await this.care.followResidents(
      people.filter((p) => p.communityId !== to.communityId).map((p) => p.id),
      to.communityId,
    );
    await this.repo.insertMoves(
      people.map((p) => ({
        residentId: p.id,
        communityId: to.communityId,
        moveType: move.type,
        fromHouseholdId: p.householdId,
        toHouseholdId: to.id,
        fromCommunityId: p.communityId,
        toCommunityId: to.communityId,
        effectiveDate: move.effectiveDate,
        reason: move.reason ?? null,
        createdBy: ctx.actor?.userId ?? null,
      })),
    );
  }

  /** Sets a resident's relation to the head, inside the caller's transaction (a household's change of head). */
  setRelation(residentId: string, relation: string | null): Promise<void> {
    return this.repo.setRelation(residentId, relation);
  }

  /** Residents per community (status `active` by default), limited to the actor's residents.read scope when given. */
  async countByCommunity(actor?: Actor, status: ResidentStatus | 'all' = 'active'): Promise<{ communityId: string; count: number }[]> {
    const scope: DataScope = actor ? await this.regions.scopeFor(actor, 'residents.read') : { all: true, communityIds: [], gridIds: [] };
    return this.repo.countByCommunity(scope, status === 'all' ? undefined : status);
  }

  /**
   * The registry's cards on the 工作台: residents in the register (with the number 30 days ago) and those
   * without a household (未入户), inside the actor's residents.read scope; nothing without that permission.
   */
  async workbench(actor: Actor): Promise<WorkbenchContribution> {
    if (!actor.permissions.has('residents.read')) return {};
    const counts = await this.repo.workbenchCounts(await this.regions.scopeFor(actor, 'residents.read'));
    const cards: WorkbenchCard[] = [
      {
        key: 'registry.residents',
        label: { zh: '在册居民', en: 'Residents in the register' },
        value: counts.active,
        // A register that began within the last 30 days has no trend to show.
        previous: counts.previous > 0 ? counts.previous : undefined,
        unit: { zh: '人', en: 'people' },
        link: '/residents',
        order: 10,
      },
      {
        key: 'registry.homeless',
        label: { zh: '未入户居民', en: 'Residents without a household' },
        value: counts.homeless,
        unit: { zh: '人', en: 'people' },
        tone: counts.homeless > 0 ? 'warning' : 'normal',
        order: 40,
      },
    ];
    const todos: TodoItem[] = [];
    // Residents an import could not place: one card and one 待办 (a week from the oldest one's registration).
    if (counts.gridless > 0 && counts.gridlessSince) {
      cards.push({
        key: 'registry.gridless',
        label: { zh: '待分配网格', en: 'Waiting for a grid' },
        value: counts.gridless,
        unit: { zh: '人', en: 'people' },
        link: '/residents?unplaced=true',
        tone: 'warning',
        order: 41,
      });
      todos.push({
        id: 'residents:gridless:scope',
        module: 'residents',
        title: { zh: `${counts.gridless} 名居民待分配网格`, en: `${counts.gridless} residents waiting for a grid` },
        dueDate: addDays(counts.gridlessSince, 7),
        link: '/residents?unplaced=true',
      });
    }
    return { cards, todos };
  }

  /** Names of those residents among `ids` that the actor may read now (others are left out). */
  async namesFor(actor: Actor, ids: string[]): Promise<Map<string, string>> {
    if (!actor.permissions.has('residents.read') || ids.length === 0) return new Map();
    const rows = await this.repo.namesIn(ids, await this.regions.scopeFor(actor, 'residents.read'));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * The self scope of a resident account (server/lib/scope.ts): the resident it is linked to
   * (actor.residentId, never an id from the request), their household and place. 404 naming `what` when the
   * account is linked to nobody or the record is gone.
   */
  async selfScope(actor: Actor, what: 'resident' | 'household' = 'resident'): Promise<SelfScope> {
    const row = actor.residentId ? await this.repo.byId(actor.residentId) : undefined;
    if (!row) throw notFound(what);
    return { residentId: row.id, householdId: row.householdId, communityId: row.communityId, gridId: row.gridId };
  }

  /** The resident's own record (我的信息), masked. */
  async own(self: SelfScope): Promise<MyResident> {
    const row = await this.repo.byId(self.residentId);
    if (!row) throw notFound('resident');
    const [names, household] = await Promise.all([
      this.repo.regionNames(row.communityId, row.gridId),
      row.householdId ? this.repo.household(row.householdId) : Promise.resolve(undefined),
    ]);
    return {
      id: row.id,
      name: row.name,
      sex: row.sex,
      birthDate: row.birthDate,
      ethnicity: row.ethnicity,
      idMasked: row.idMasked,
      phoneMasked: maskPhone(row.phone),
      residenceType: row.residenceType,
      relationToHead: row.relationToHead,
      communityName: names.communityName,
      gridName: names.gridName,
      address: household?.address ?? null,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** The resident's own household (我的家庭) with its members in the register (names, relation, age band; no identity numbers). */
  async ownHousehold(self: SelfScope): Promise<MyHousehold> {
    if (!self.householdId) throw notFound('household');
    const household = await this.repo.household(self.householdId);
    if (!household) throw notFound('household');
    // The self scope's household, in the household's own community, whatever the actor's grants say.
    const members = await this.repo.ownHouseholdMembers(self, household.communityId);
    return {
      address: household.address,
      householdNumber: household.householdNumber,
      members: members
        .filter((m) => m.status === 'active')
        .map((m) => ({ name: m.name, sex: m.sex, relationToHead: m.relationToHead, ageBand: ageBand(ageOn(m.birthDate)), self: m.id === self.residentId })),
    };
  }

  // ---------------------------------------------------------------- HTTP use cases

  /** The list: search, filters, sort, offset or keyset pagination, capped total (alone with pageSize 0). */
  async list(ctx: RequestContext, query: ResidentsQuery): Promise<ResidentsPage> {
    const actor = actorOf(ctx);
    const scope = await this.regions.scopeFor(actor, 'residents.read');
    const { search, lookup } = await this.resolve(ctx, query, scope);
    const after = query.cursor ? decodeCursor(this.unsealCursor(query.cursor), query.sort, query.order) : undefined;
    const cap = this.limits.totalCap;
    // Two statements at once: on PostgreSQL they run on two pooled connections.
    const [rows, counted] = await Promise.all([
      query.pageSize === 0
        ? Promise.resolve([])
        : this.repo.search(search, {
            sort: query.sort,
            order: query.order,
            limit: query.pageSize + 1,
            offset: after ? 0 : (query.page - 1) * query.pageSize,
            after,
          }),
      this.repo.countCapped(search, cap),
    ]);
    if (lookup) await this.lookups.settle(ctx, lookup.kind, lookup.value, counted, rows[0]);
    const more = rows.length > query.pageSize;
    const page = rows.slice(0, query.pageSize);
    const visible = await this.care.visibility(actor);
    const groups = page.length ? await this.care.currentGroups(page.map((r) => r.id)) : new Map<string, CareGroup[]>();
    const last = page[page.length - 1];
    return {
      items: page.map((h) => this.toItem(actor, h, groups.get(h.id) ?? [], visible)),
      total: Math.min(counted, cap),
      totalCapped: counted > cap,
      nextCursor: more && last ? this.sealCursor(encodeCursor(query.sort, query.order, { value: sortValue(last, query.sort), id: last.id })) : null,
    };
  }

  /** Everything about one resident that the actor may see. */
  async detail(actor: Actor, id: string): Promise<ResidentDetail> {
    const row = await this.getForActor(actor, id);
    return this.detailOf(actor, row);
  }

  /** Registers a resident; birth date and sex come from the ID number. */
  async create(ctx: RequestContext, input: CreateResidentRequest): Promise<ResidentDetail> {
    const actor = actorOf(ctx);
    const identity = identityColumns(this.crypto, input.idNumber);
    const place = await this.placeFor(actor, input.gridId, input.householdId ?? null);
    const existing = await this.repo.byIdHash(identity.idHash);
    if (existing) throw await this.duplicate(ctx, existing, 'create');
    const row = await transaction(this.db, async () => this.insertResident(ctx, input, identity, place));
    return this.detailOf(actor, row);
  }

  /**
   * Places a resident who waits for a grid (an import could not tell it) in a grid of their own community.
   * A resident who has a grid moves through the household dialogs instead (409); a grid of another
   * community is a move between communities (400 naming `gridId`).
   */
  async place(ctx: RequestContext, id: string, input: PlaceResidentRequest): Promise<ResidentDetail> {
    const actor = actorOf(ctx);
    const current = await this.getForActor(actor, id);
    await this.assertWritable(actor, current);
    if (input.version !== current.version) throw versionConflict(current.version);
    if (current.gridId) throw new AppError('RESIDENT_ALREADY_PLACED', { field: 'gridId' });
    const place = await this.placeFor(actor, input.gridId, null);
    if (place.communityId !== current.communityId) {
      throw validationError([
        {
          path: 'gridId',
          code: 'grid_other_community',
          message: '该网格不属于居民所在社区；跨社区请办理迁移',
          messageEn: "The grid is not in the resident's community; use a move between communities",
        },
      ]);
    }
    const row = await transaction(this.db, async () => {
      const updated = await this.repo.update(id, input.version, { gridId: input.gridId });
      if (!updated) throw versionConflict((await this.repo.byId(id))?.version ?? current.version);
      await this.audit.record(ctx, {
        action: 'residents.place',
        objectType: 'resident',
        objectId: id,
        communityId: current.communityId,
        details: { gridId: input.gridId },
      });
      return updated;
    });
    return this.detailOf(actor, row);
  }

  /** Edits a resident (optimistic lock on `version`); a status change is recorded in the move history. */
  async update(ctx: RequestContext, id: string, input: UpdateResidentRequest): Promise<ResidentDetail> {
    const actor = actorOf(ctx);
    const current = await this.getForActor(actor, id);
    await this.assertWritable(actor, current);
    if (input.version !== current.version) throw versionConflict(current.version);
    const patch: Partial<NewResident> = {};
    if (input.name !== undefined && input.name !== current.name) Object.assign(patch, { name: input.name }, nameColumns(input.name));
    for (const f of PLAIN_FIELDS) {
      const v = input[f];
      if (v !== undefined && v !== current[f]) (patch as Record<string, unknown>)[f] = v;
    }
    if (input.idNumber !== undefined) {
      const identity = identityColumns(this.crypto, input.idNumber);
      if (identity.idHash !== current.idHash) {
        const other = await this.repo.byIdHash(identity.idHash);
        if (other) throw await this.duplicate(ctx, other, 'update');
        Object.assign(patch, identity);
      }
    }
    const statusChange = input.status !== undefined && input.status !== current.status ? input.status : undefined;
    if (statusChange) patch.status = statusChange;
    if (Object.keys(patch).length === 0) return this.detailOf(actor, current);
    const row = await transaction(this.db, async () => {
      const updated = await this.repo.update(id, input.version, patch);
      if (!updated) {
        const now = await this.repo.byId(id);
        throw versionConflict(now?.version ?? current.version);
      }
      if (statusChange) {
        const moveType = statusChange === 'moved_out' ? 'move_out' : statusChange === 'deceased' ? 'deceased' : 'reinstate';
        await this.repo.insertMove({
          residentId: id,
          communityId: current.communityId,
          moveType,
          fromHouseholdId: moveType === 'reinstate' ? null : current.householdId,
          toHouseholdId: moveType === 'reinstate' ? current.householdId : null,
          fromCommunityId: moveType === 'reinstate' ? null : current.communityId,
          toCommunityId: moveType === 'reinstate' ? current.communityId : null,
          effectiveDate: input.statusDate ?? today(),
          reason: input.statusReason ?? null,
          createdBy: actor.userId,
        });
      }
      const fields = Object.keys(patch).filter((k) => !['idCipher', 'idHash', 'idMasked', 'idTailRev', 'namePinyin', 'nameInitials'].includes(k));
      await this.audit.record(ctx, {
        action: 'residents.update',
        objectType: 'resident',
        objectId: id,
        communityId: current.communityId,
        details: { fields, ...(statusChange ? { status: statusChange } : {}) },
      });
      return updated;
    });
    return this.detailOf(actor, row);
  }

  /** The full ID number and phone; needs residents.reveal over the resident and is audited. */
  async reveal(ctx: RequestContext, id: string): Promise<{ idNumber: string; phone: string | null }> {
    const actor = actorOf(ctx);
    const row = await this.getForActor(actor, id);
    await this.regions.assertCovers(actor, 'residents.reveal', row);
    const idNumber = this.crypto.decrypt(row.idCipher);
    await this.audit.record(ctx, {
      action: 'residents.reveal',
      objectType: 'resident',
      objectId: id,
      communityId: row.communityId,
      details: { fields: ['idNumber', 'phone'] },
    });
    return { idNumber, phone: row.phone };
  }

  /**
   * The current filter as an .xlsx stream (exceljs streaming writer), at most RESIDENTS_EXPORT_CAP rows.
   * Masked unless `reveal` (needs residents.reveal; full values only for residents inside its scope).
   */
  async exportXlsx(ctx: RequestContext, query: ResidentsFilter & { reveal: boolean }): Promise<{ filename: string; rows: number; stream: Readable }> {
    const actor = actorOf(ctx);
    if (query.reveal && !actor.permissions.has('residents.reveal')) throw new AppError('FORBIDDEN', { permission: 'residents.reveal' });
    const scope = await this.regions.scopeFor(actor, 'residents.export');
    const { search, lookup } = await this.resolve(ctx, query, scope);
    const rows = await this.repo.countCapped(search, this.limits.exportCap);
    if (lookup) await this.lookups.settle(ctx, lookup.kind, lookup.value, rows);
    if (rows > this.limits.exportCap) throw exportTooLarge(rows, this.limits.exportCap);
    const revealScope = query.reveal ? await this.regions.scopeFor(actor, 'residents.reveal') : null;
    const visible = await this.care.visibility(actor);
    const { reveal: _reveal, ...rest } = query;
    // Search texts that look like ID numbers or phones are kept masked (issue 11 item 9).
    const filter = rest.q ? { ...rest, q: redactIdentifiers(rest.q) } : rest;
    const communityId = query.communityId ?? null;
    await this.audit.record(ctx, { action: 'residents.export', objectType: 'resident', communityId, details: { rows, reveal: query.reveal, filter } });
    if (query.reveal) await this.audit.record(ctx, { action: 'residents.export.reveal', objectType: 'resident', communityId, details: { rows, filter } });

    const out = new PassThrough();
    const write = async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const ws = wb.addWorksheet('居民');
      ws.columns = [
        { header: '姓名', key: 'name', width: 12 },
        { header: '性别', key: 'sex', width: 6 },
        { header: '年龄', key: 'age', width: 6 },
        { header: '身份证号', key: 'idNumber', width: 22 },
        { header: '联系电话', key: 'phone', width: 16 },
        { header: '民族', key: 'ethnicity', width: 8 },
        { header: '居住类型', key: 'residenceType', width: 10 },
        { header: '人员状态', key: 'status', width: 8 },
        { header: '与户主关系', key: 'relation', width: 10 },
        { header: '社区', key: 'community', width: 12 },
        { header: '网格', key: 'grid', width: 14 },
        { header: '住址', key: 'address', width: 36 },
        { header: '关注群体', key: 'careGroups', width: 24 },
      ];
      let after: { value: string; id: string } | undefined;
      for (;;) {
        const batch = await this.repo.search(search, { sort: query.sort, order: query.order, limit: EXPORT_BATCH, after, withCipher: query.reveal });
        if (batch.length === 0) break;
        const groups = await this.care.currentGroups(batch.map((h) => h.id));
        for (const h of batch) {
          const full = revealScope !== null && scopeCovers(revealScope, h);
          const age = ageView(actor, ageOn(h.birthDate));
          const text = (v: string | null | undefined) => escapeCell(v ?? '');
          ws.addRow([
            text(h.name),
            h.sex === 'M' ? '男' : '女',
            age.age ?? age.ageBand,
            text(full && h.idCipher ? this.crypto.decrypt(Buffer.from(h.idCipher)) : h.idMasked),
            text(full ? h.phone : maskPhone(h.phone)),
            text(h.ethnicity),
            text(RESIDENCE_TYPE_LABELS[h.residenceType as ResidenceType]?.zh ?? h.residenceType),
            text(RESIDENT_STATUS_LABELS[h.status as ResidentStatus]?.zh ?? h.status),
            text(h.relationToHead ? (RELATION_LABELS[h.relationToHead as Relation]?.zh ?? h.relationToHead) : ''),
            text(h.communityName),
            text(h.gridName),
            text(h.address),
            text(
              this.visibleGroups(groups.get(h.id) ?? [], visible, h)
                .map((g) => CARE_GROUP_LABELS[g].zh)
                .join('、'),
            ),
          ]).commit();
        }
        if (batch.length < EXPORT_BATCH) break;
        const last = batch[batch.length - 1];
        after = { value: sortValue(last, query.sort), id: last.id };
      }
      ws.commit();
      await wb.commit();
    };
    write().catch((err) => out.destroy(err as Error));
    const stamp = today().replace(/-/g, '');
    return { filename: `居民名册_${stamp}.xlsx`, rows, stream: out };
  }

  // ---------------------------------------------------------------- internals

  /** Turns the query's filters into a search, checking each against the actor. */
  private async resolve(ctx: RequestContext, q: ResidentsFilter, scope: DataScope): Promise<{ search: ResidentSearch; lookup: PendingLookup | null }> {
    const actor = actorOf(ctx);
    const mayReveal = actor.permissions.has('residents.reveal');
    let lookup: PendingLookup | null = null;
    const search: ResidentSearch = {
      scope,
      status: q.status === 'all' ? undefined : q.status,
      sex: q.sex,
      residenceType: q.residenceType,
      communityId: q.communityId,
      gridId: q.gridId,
      unplaced: q.unplaced === 'true' || undefined,
    };
    if (q.q) {
      const kind = classifyQuery(q.q);
      if (kind) {
        search.q = kind;
        this.assertSearchAllowed(kind, mayReveal);
        if (kind.kind === 'id_exact' || kind.kind === 'phone_exact') {
          const n = kind.kind === 'id_exact' ? normaliseIdNumber(kind.value) : kind.value;
          lookup = { kind: kind.kind === 'id_exact' ? 'id_number' : 'phone', value: n ?? kind.value };
          if (!actor.permissions.has('residents.lookup')) {
            throw await this.lookups.refuse(ctx, lookup.kind, lookup.value, new AppError('FORBIDDEN', { permission: 'residents.lookup', field: 'q' }));
          }
          await this.lookups.admit(ctx, lookup.kind, lookup.value);
          if (kind.kind === 'id_exact') search.idHash = n ? this.crypto.blindIndex(n) : undefined;
        }
      }
    }
    if (!mayReveal) this.assertBandsOnly(q);
    if (q.regionId) {
      // 404 for a region outside the actor's grants: no probing of ids.
      const region = await this.regions.get(actor, q.regionId);
      // A region that contradicts communityId/gridId matches nothing (NO_MATCH is no row's id).
      if (region.level === 'grid') search.gridId = search.gridId && search.gridId !== region.id ? NO_MATCH : region.id;
      else if (region.level === 'community') search.communityId = search.communityId && search.communityId !== region.id ? NO_MATCH : region.id;
      else if (region.level === 'street') search.regionPath = region.path;
    }
    if (q.ageMin !== undefined && q.ageMax !== undefined && q.ageMin > q.ageMax) {
      throw validationError([{ path: 'ageMax', code: 'too_small', message: '最大年龄不能小于最小年龄', messageEn: 'ageMax cannot be less than ageMin' }]);
    }
    Object.assign(search, birthRange(q.ageMin, q.ageMax));
    if (q.careGroup) {
      search.care = { group: q.careGroup, scope: await this.care.groupScope(actor, q.careGroup) };
    }
    return { search, lookup };
  }

  /**
   * Searches that would disclose hidden digits to a caller who may not reveal them: a phone prefix (walks
   * the hidden middle digits) and a 5–6 character ID suffix (the last one or two birth-date digits).
   */
  private assertSearchAllowed(kind: QueryKind, mayReveal: boolean) {
    if (mayReveal) return;
    if (kind.kind === 'phone') {
      throw needsReveal(
        'q',
        '按手机号前几位查询需要"查看完整信息"权限；请输入完整的11位手机号',
        'A phone prefix search needs residents.reveal; type the full 11-digit mobile number',
      );
    }
    if (kind.kind === 'id_suffix' && kind.value.length > 4) {
      throw needsReveal(
        'q',
        '按身份证号后5–6位查询需要"查看完整信息"权限；请输入后4位或完整号码',
        'A 5–6 character ID suffix search needs residents.reveal; type the last 4 characters or the full number',
      );
    }
  }

  /**
   * Without residents.reveal the age is shown as a 5-year band; filters and sorting must not be finer than
   * that: the age range is whole bands, and the list is not sorted by birth date (a rank among thousands
   * of people of the same band would locate the birth date within days).
   */
  private assertBandsOnly(q: ResidentsFilter) {
    if (q.sort === 'birthDate') {
      throw needsReveal('sort', '按出生日期排序需要"查看完整信息"权限', 'Sorting by birth date needs residents.reveal');
    }
    if (q.ageMin !== undefined && q.ageMin % 5 !== 0) {
      throw needsReveal('ageMin', '最小年龄须为5的倍数（按5岁年龄段筛选）', 'ageMin must be a multiple of 5 (whole 5-year bands)');
    }
    if (q.ageMax !== undefined && (q.ageMax + 1) % 5 !== 0) {
      throw needsReveal('ageMax', '最大年龄须为年龄段的末一岁（如 59、64）', 'ageMax must end a 5-year band (59, 64, …)');
    }
  }

  /** Cursors are sealed: a birth-date cursor would otherwise carry the last row's birth date in clear. */
  private sealCursor(cursor: string): string {
    return this.crypto.encrypt(cursor).toString('base64url');
  }

  private unsealCursor(sealed: string): string {
    try {
      return this.crypto.decrypt(Buffer.from(sealed, 'base64url'));
    } catch {
      return 'invalid';
    }
  }

  /**
   * A registration with an ID number that is already in the registry. Inside the caller's scope: the
   * helpful answer, with a link to the record. Outside it: only that it cannot be registered here (whether
   * the number exists elsewhere is not the caller's to know), audited with the record it hit, and counted as
   * a look-up miss.
   */
  private async duplicate(ctx: RequestContext, existing: ResidentRow, action: 'create' | 'update'): Promise<AppError> {
    const visible = await this.visibleId(actorOf(ctx), existing);
    if (visible) return duplicateId(visible);
    await this.audit.record(ctx, {
      action: `residents.${action}`,
      objectType: 'resident',
      objectId: existing.id,
      communityId: existing.communityId,
      outcome: 'denied',
      details: { code: 'ID_NOT_REGISTRABLE', reason: 'registered_out_of_scope' },
    });
    await this.lookups.miss(ctx, 'create');
    return new AppError(
      'ID_NOT_REGISTRABLE',
      [{ path: 'idNumber', message: '该身份证号无法在此登记', messageEn: 'This ID number cannot be registered here' }],
      {
        field: 'idNumber',
      },
    );
  }

  /**
   * Checks a grid (and household) for a new or moved resident; returns the community.
   */
  private async placeFor(
    actor: Actor | null,
    gridId: string,
    householdId: string | null,
  ): Promise<{ communityId: string; gridId: string; householdId: string | null }> {
    const grid = await this.repo.region(gridId);
    if (!grid || grid.level !== 'grid' || !grid.parentId) {
      throw validationError([{ path: 'gridId', code: 'not_a_grid', message: '网格不存在', messageEn: 'No such grid' }]);
    }
    const place = { communityId: grid.parentId, gridId, householdId };
    if (actor) assertWritablePath(actor, grid.path);
    if (householdId) {
      const h = await this.repo.household(householdId);
      if (!h || h.communityId !== place.communityId) {
        throw validationError([
          {
            path: 'householdId',
            code: 'household_mismatch',
            message: '户不存在或不在该网格所属社区',
            messageEn: 'No such household in the community of this grid',
          },
        ]);
      }
    }
    return place;
  }

  private async assertWritable(actor: Actor, row: { communityId: string; gridId: string | null }) {
    await this.regions.assertCovers(actor, 'residents.write', row);
  }

  /** The id of an existing resident when the actor may see it (to link to it), otherwise nothing. */
  private async visibleId(actor: Actor, row: ResidentRow): Promise<string | undefined> {
    return scopeCovers(await this.regions.scopeFor(actor, 'residents.read'), row) ? row.id : undefined;
  }

  private async insertResident(
    ctx: RequestContext,
    input: Omit<CreateResidentRequest, 'gridId' | 'householdId' | 'idNumber'>,
    identity: ReturnType<typeof identityColumns>,
    place: { communityId: string; gridId: string; householdId: string | null },
  ): Promise<ResidentRow> {
    const values: NewResident = { ...place, name: input.name, ...nameColumns(input.name), ...identity };
    for (const f of PLAIN_FIELDS) if (input[f] !== undefined) (values as Record<string, unknown>)[f] = input[f];
    let row: ResidentRow;
    try {
      row = await this.repo.insert(values);
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateId();
      throw err;
    }
    await this.repo.insertMove({
      residentId: row.id,
      communityId: row.communityId,
      moveType: 'register',
      toHouseholdId: row.householdId,
      toCommunityId: row.communityId,
      effectiveDate: today(),
      createdBy: ctx.actor?.userId ?? null,
    });
    await this.audit.record(ctx, {
      action: 'residents.create',
      objectType: 'resident',
      objectId: row.id,
      communityId: row.communityId,
      details: { gridId: row.gridId, householdId: row.householdId, source: 'form' },
    });
    return row;
  }

  private visibleGroups(groups: CareGroup[], visible: CareVisibility, where: { communityId: string; gridId: string | null }): CareGroup[] {
    const allowed = visible(where);
    return groups.filter((g) => allowed.has(g));
  }

  private toItem(actor: Actor, h: ResidentHit, groups: CareGroup[], visible: CareVisibility): ResidentListItem {
    return {
      id: h.id,
      name: h.name,
      idMasked: h.idMasked,
      phoneMasked: maskPhone(h.phone),
      ...ageView(actor, ageOn(h.birthDate)),
      sex: h.sex,
      residenceType: h.residenceType,
      status: h.status,
      communityId: h.communityId,
      communityName: h.communityName,
      gridId: h.gridId,
      gridName: h.gridName,
      householdId: h.householdId,
      address: h.address,
      relationToHead: h.relationToHead,
      careGroups: this.visibleGroups(groups, visible, h),
    };
  }

  private async detailOf(actor: Actor, row: ResidentRow): Promise<ResidentDetail> {
    // Scopes come from a cache: after the resident itself, one round of queries side by side.
    const [visible, scope, writeScope, revealScope, careScope] = await Promise.all([
      this.care.visibility(actor),
      this.regions.scopeFor(actor, 'residents.read'),
      this.regions.scopeFor(actor, 'residents.write'),
      this.regions.scopeFor(actor, 'residents.reveal'),
      this.regions.scopeFor(actor, 'care.write'),
    ]);
    const canEdit = scopeCovers(writeScope, row);
    const [names, household, members, moves, careRecords] = await Promise.all([
      this.repo.regionNames(row.communityId, row.gridId),
      row.householdId ? this.repo.household(row.householdId) : Promise.resolve(undefined),
      row.householdId ? this.repo.householdMembers(row.householdId, scope) : Promise.resolve([]),
      this.repo.moves({ residentId: row.id }),
      this.care.listFor(actor, row, visible),
    ]);
    // The groups the resident is in now, among those the actor may see (the records are filtered already).
    const careGroups = CARE_GROUPS.filter((g) => careRecords.some((r) => r.active && r.groupType === g));
    return {
      id: row.id,
      name: row.name,
      namePinyin: row.namePinyin,
      idMasked: row.idMasked,
      phoneMasked: maskPhone(row.phone),
      ...ageView(actor, ageOn(row.birthDate)),
      sex: row.sex,
      ethnicity: row.ethnicity,
      education: row.education,
      politicalStatus: row.politicalStatus,
      maritalStatus: row.maritalStatus,
      employmentStatus: row.employmentStatus,
      residenceType: row.residenceType,
      relationToHead: row.relationToHead,
      status: row.status,
      notes: row.notes,
      communityId: row.communityId,
      communityName: names.communityName,
      gridId: row.gridId,
      gridName: names.gridName,
      householdId: row.householdId,
      address: household?.address ?? null,
      careGroups,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      household: household
        ? {
            id: household.id,
            householdNumber: household.householdNumber,
            address: household.address,
            room: household.room,
            householdType: household.householdType,
            headResidentId: household.headResidentId,
            members: members.map((m) => ({
              id: m.id,
              name: m.name,
              sex: m.sex,
              ...ageView(actor, ageOn(m.birthDate)),
              relationToHead: m.relationToHead,
              status: m.status,
            })),
          }
        : null,
      careRecords,
      // The resident's own history: the mover is the resident.
      moves: moves.map(({ residentId: _residentId, residentName: _residentName, ...m }) => m),
      capabilities: {
        canEdit,
        // The ID number is corrected through the same edit (PATCH idNumber).
        canCorrectId: canEdit,
        canReveal: scopeCovers(revealScope, row),
        canWriteCare: scopeCovers(careScope, row),
      },
    };
  }
}
