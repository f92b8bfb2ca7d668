import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import type {
  AddHonourRequest,
  AddMemberRequest,
  CreateOrganisationRequest,
  EndMemberRequest,
  OrganisationCounts,
  OrganisationDetail,
  OrganisationMember,
  OrganisationsExportQuery,
  OrganisationsQuery,
  UpdateOrganisationRequest,
} from '../../../shared/contracts/organisations';
import {
  GROUP_REPRESENTATIVES,
  groupRepresentativesOk,
  MEMBER_ROLE_LABELS,
  ORGANISATION_TYPE_LABELS,
  PARENT_TYPES,
  requiredPoliticalStatus,
  ROLE_TYPES,
  type MemberRole,
  type OrganisationType,
} from '../../../shared/domain/organisations';
import { transaction, type Db } from '../../db/client';
import { today } from '../../lib/clock';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict } from '../../lib/errors';
import { scopeCovers } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { RegionsService } from '../regions/regions.service';
import { escapeCell } from '../../lib/xlsx';
import type { ResidentsService } from '../residents/residents.service';
import type { MemberRow, OrganisationRow, OrganisationsRepository } from './organisations.repository';

/** The most rows one export writes. */
export const ORGANISATIONS_EXPORT_CAP = 20_000;

const field = (path: string, code: string, message: string, messageEn: string) => validationError([{ path, code, message, messageEn }]);

/**
 * Organisations of communities with their members and honours. Each object belongs to one community:
 * reading needs orgs.read over it (a 404 outside), writing orgs.write (403 into a foreign community).
 * A member of a party organisation is a party member: adding one sets the resident's political status
 * through the residents service, in the same transaction.
 */
export class OrganisationsService {
  constructor(
    private readonly db: Db,
    private readonly repo: OrganisationsRepository,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: OrganisationsQuery) {
    const scope = await this.regions.scopeFor(actor, 'orgs.read');
    const { page, pageSize, ...filter } = query;
    const { items, total } = await this.repo.page({ ...filter, q: filter.q || undefined, scope }, pageSize, (page - 1) * pageSize);
    return { items: items.map(listItem), total };
  }

  /** Current organisations per community and type, for the communities the actor reads. */
  async counts(actor: Actor): Promise<OrganisationCounts> {
    const scope = await this.regions.scopeFor(actor, 'orgs.read');
    const rows = await this.repo.counts(scope);
    const byCommunity = new Map<string, OrganisationCounts['items'][number]>();
    for (const r of rows) {
      const entry = byCommunity.get(r.communityId) ?? { communityId: r.communityId, communityName: r.communityName, counts: {}, total: 0 };
      if (r.type) {
        entry.counts[r.type] = r.count;
        entry.total += r.count;
      }
      byCommunity.set(r.communityId, entry);
    }
    return { items: [...byCommunity.values()] };
  }

  /** An organisation inside the actor's scope for `permission`; 404 otherwise (no probing of ids). */
  async readable(actor: Actor, id: string): Promise<OrganisationRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('organisation');
    if (!scopeCovers(await this.regions.scopeFor(actor, 'orgs.read'), { communityId: row.communityId })) throw outOfScopeNotFound('organisation');
    return row;
  }

  private async writable(actor: Actor, id: string): Promise<OrganisationRow> {
    const row = await this.readable(actor, id);
    await this.regions.assertCovers(actor, 'orgs.write', { communityId: row.communityId });
    return row;
  }

  async get(actor: Actor, id: string): Promise<OrganisationDetail> {
    const row = await this.readable(actor, id);
    const [view, members, honours, children, canEdit] = await Promise.all([
      this.repo.view(id),
      this.repo.members(id),
      this.repo.honours(id),
      this.repo.children(id),
      this.regions.covers(actor, 'orgs.write', { communityId: row.communityId }),
    ]);
    if (!view) throw notFound('organisation');
    const memberList = members.map(memberView);
    const representatives = memberList.filter((m) => m.active && m.role === 'representative').length;
    return {
      ...listItem(view),
      address: view.address,
      contribution: view.contribution,
      description: view.description,
      createdAt: view.createdAt,
      updatedAt: view.updatedAt,
      memberList,
      honours,
      children: children.map((c) => ({ ...c, type: c.type as OrganisationType })),
      representatives:
        view.type === 'residents_group'
          ? { current: representatives, ...GROUP_REPRESENTATIVES, ok: groupRepresentativesOk(representatives, GROUP_REPRESENTATIVES) }
          : null,
      capabilities: { canEdit },
    };
  }

  async create(ctx: RequestContext, input: CreateOrganisationRequest): Promise<OrganisationDetail> {
    const actor = actorOf(ctx);
    const community = await this.repo.region(input.communityId);
    if (!community || community.level !== 'community') throw field('communityId', 'not_a_community', '社区不存在', 'no such community');
    await this.regions.assertCovers(actor, 'orgs.write', { communityId: input.communityId });
    await this.checkParent(input.parentId ?? null, input.communityId, input.type, null);
    const id = await transaction(this.db, async () => {
      const row = await this.repo.insert({
        communityId: input.communityId,
        type: input.type,
        name: input.name,
        parentId: input.parentId ?? null,
        foundedDate: input.foundedDate ?? null,
        address: input.address ?? null,
        contactPerson: input.contactPerson ?? null,
        contactPhone: input.contactPhone ?? null,
        contribution: input.contribution ?? null,
        description: input.description ?? null,
      });
      await this.audit.record(ctx, {
        action: 'organisations.create',
        objectType: 'organisation',
        objectId: row.id,
        communityId: row.communityId,
        details: { type: row.type, name: row.name },
      });
      return row.id;
    });
    return this.get(actor, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateOrganisationRequest): Promise<OrganisationDetail> {
    const actor = actorOf(ctx);
    const current = await this.writable(actor, id);
    const { version, ...rest } = input;
    const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<OrganisationRow>;
    const fields = Object.keys(patch);
    if (fields.length === 0) throw new AppError('BAD_REQUEST', { reason: 'nothing_to_change' });
    if (patch.parentId !== undefined || patch.type !== undefined)
      await this.checkParent(
        patch.parentId !== undefined ? patch.parentId : current.parentId,
        current.communityId,
        (patch.type ?? current.type) as OrganisationType,
        id,
      );
    await transaction(this.db, async () => {
      const row = await this.repo.update(id, version, patch);
      if (!row) throw versionConflict((await this.repo.byId(id))?.version ?? current.version);
      await this.audit.record(ctx, {
        action: 'organisations.update',
        objectType: 'organisation',
        objectId: id,
        communityId: row.communityId,
        details: { fields },
      });
    });
    return this.get(actor, id);
  }

  /** Deletes an organisation with its memberships and honours; one with sub-organisations is refused (409). */
  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    const actor = actorOf(ctx);
    const current = await this.writable(actor, id);
    if ((await this.repo.children(id)).length > 0) throw new AppError('CONFLICT', { reason: 'has_children' });
    await transaction(this.db, async () => {
      if (!(await this.repo.delete(id, version))) throw versionConflict((await this.repo.byId(id))?.version ?? current.version);
      await this.audit.record(ctx, {
        action: 'organisations.delete',
        objectType: 'organisation',
        objectId: id,
        communityId: current.communityId,
        details: { type: current.type, name: current.name },
      });
    });
  }

  /**
   * Adds a member. A resident must be one the actor reads (404 otherwise) and lives in the organisation's
   * community (400 naming residentId); in a party organisation their political status is brought in line.
   */
  async addMember(ctx: RequestContext, id: string, input: AddMemberRequest): Promise<OrganisationMember> {
    const actor = actorOf(ctx);
    const org = await this.writable(actor, id);
    const type = org.type as OrganisationType;
    let name = input.name ?? '';
    let change: ReturnType<typeof requiredPoliticalStatus> = null;
    const onlyIn = ROLE_TYPES[input.role];
    if (onlyIn && !onlyIn.includes(type)) {
      const label = MEMBER_ROLE_LABELS[input.role];
      const where = onlyIn.map((t) => ORGANISATION_TYPE_LABELS[t]);
      throw field(
        'role',
        'role_not_for_type',
        `${label.zh}只能是${where.map((w) => w.zh).join('、')}的成员`,
        `A ${label.en.toLowerCase()} can only be a member of a ${where.map((w) => w.en.toLowerCase()).join(' or ')}`,
      );
    }
    // A group's representative votes in the group-representative election: the roll needs them in the registry.
    if (input.role === 'representative' && !input.residentId)
      throw field(
        'residentId',
        'representative_registered',
        '居民小组代表须为登记在册的居民',
        "A residents'-group representative must be a registered resident",
      );
    if (input.residentId) {
      const resident = await this.residents.getForActor(actor, input.residentId);
      if (resident.communityId !== org.communityId)
        throw field('residentId', 'other_community', '该居民不属于本组织所在社区', "The resident does not live in the organisation's community");
      if (resident.status !== 'active') throw field('residentId', 'not_active', '该居民已不在册', 'The resident is no longer registered');
      name = resident.name;
      change = requiredPoliticalStatus(type, input.role, resident.politicalStatus);
      if (change) await this.regions.assertCovers(actor, 'residents.write', resident);
    } else if (input.role === 'probationary_member' || type === 'party_general_branch' || type === 'party_branch') {
      throw field('residentId', 'party_member_registered', '党组织成员须为登记在册的居民', 'A member of a party organisation must be a registered resident');
    }
    if (input.startDate > today()) throw field('startDate', 'future', '加入日期不能晚于今天', 'The start date cannot be in the future');
    const row = await transaction(this.db, async () => {
      if (input.residentId && (await this.repo.hasCurrentMember(id, input.residentId)))
        throw new AppError('DUPLICATE', [{ path: 'residentId', message: '该居民已是本组织成员', messageEn: 'The resident is already a member' }], {
          field: 'residentId',
        });
      const m = await this.repo.insertMember({
        communityId: org.communityId,
        organisationId: id,
        residentId: input.residentId ?? null,
        name,
        role: input.role,
        startDate: input.startDate,
        notes: input.notes ?? null,
      });
      if (change && input.residentId) await this.residents.setPoliticalStatus(ctx, input.residentId, change, 'organisations');
      await this.audit.record(ctx, {
        action: 'organisations.member.add',
        objectType: 'organisation',
        objectId: id,
        communityId: org.communityId,
        details: { memberId: m.id, residentId: m.residentId, role: m.role, ...(change ? { politicalStatus: change } : {}) },
      });
      return m;
    });
    return memberView(row);
  }

  /** Ends a membership (leaving a branch does not end party membership: the political status stays). */
  async endMember(ctx: RequestContext, id: string, memberId: string, input: EndMemberRequest): Promise<OrganisationMember> {
    const actor = actorOf(ctx);
    const org = await this.writable(actor, id);
    const member = await this.repo.member(memberId);
    if (!member || member.organisationId !== id) throw notFound('organisation_member');
    if (member.endDate !== null) throw new AppError('CONFLICT', { reason: 'already_ended' });
    if (input.endDate < member.startDate) throw field('endDate', 'before_start', '结束日期不能早于加入日期', 'The end date cannot be before the start date');
    const row = await transaction(this.db, async () => {
      const r = await this.repo.endMember(memberId, input.version, input.endDate);
      if (!r) throw versionConflict((await this.repo.member(memberId))?.version ?? member.version);
      await this.audit.record(ctx, {
        action: 'organisations.member.end',
        objectType: 'organisation',
        objectId: id,
        communityId: org.communityId,
        details: { memberId, endDate: input.endDate },
      });
      return r;
    });
    return memberView(row);
  }

  async addHonour(ctx: RequestContext, id: string, input: AddHonourRequest) {
    const actor = actorOf(ctx);
    const org = await this.writable(actor, id);
    return transaction(this.db, async () => {
      const h = await this.repo.insertHonour({ communityId: org.communityId, organisationId: id, ...input });
      await this.audit.record(ctx, {
        action: 'organisations.honour.add',
        objectType: 'organisation',
        objectId: id,
        communityId: org.communityId,
        details: { honourId: h.id, title: h.title, year: h.year },
      });
      return { id: h.id, title: h.title, year: h.year, issuer: h.issuer };
    });
  }

  /** The list's filter as an .xlsx sheet (official ledger 社区组织名册). */
  async exportXlsx(ctx: RequestContext, query: OrganisationsExportQuery): Promise<{ filename: string; rows: number; stream: Readable }> {
    const actor = actorOf(ctx);
    const scope = await this.regions.scopeFor(actor, 'orgs.read');
    const rows = await this.repo.all({ ...query, q: query.q || undefined, scope }, ORGANISATIONS_EXPORT_CAP);
    await this.audit.record(ctx, {
      action: 'organisations.export',
      objectType: 'organisation',
      communityId: query.communityId ?? null,
      details: { rows: rows.length, filter: query },
    });
    const out = new PassThrough();
    const write = async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const ws = wb.addWorksheet('社区组织');
      ws.columns = [
        { header: '社区', key: 'community', width: 12 },
        { header: '类型', key: 'type', width: 14 },
        { header: '名称', key: 'name', width: 30 },
        { header: '上级组织', key: 'parent', width: 24 },
        { header: '成立日期', key: 'founded', width: 12 },
        { header: '负责人/联系人', key: 'contact', width: 12 },
        { header: '联系电话', key: 'phone', width: 16 },
        { header: '现有成员', key: 'members', width: 10 },
        { header: '共建内容', key: 'contribution', width: 36 },
      ];
      const text = (v: string | null | undefined) => escapeCell(v ?? '');
      for (const o of rows) {
        ws.addRow([
          text(o.communityName),
          ORGANISATION_TYPE_LABELS[o.type].zh,
          text(o.name),
          text(o.parentName),
          o.foundedDate ?? '',
          text(o.contactPerson),
          text(o.contactPhone),
          o.members,
          text(o.contribution),
        ]).commit();
      }
      ws.commit();
      await wb.commit();
    };
    write().catch((err) => out.destroy(err as Error));
    return { filename: `社区组织名册_${today().replace(/-/g, '')}.xlsx`, rows: rows.length, stream: out };
  }

  /** A parent must exist in the same community, not be the organisation itself, and fit the type (a 党支部 under a 党总支). */
  private async checkParent(parentId: string | null, communityId: string, type: OrganisationType, selfId: string | null) {
    if (!parentId) return;
    const parent = await this.repo.byId(parentId);
    if (!parent || parent.communityId !== communityId || parent.id === selfId)
      throw field('parentId', 'bad_parent', '上级组织须为本社区的其他组织', 'The parent must be another organisation of the same community');
    // No cycle: walking up from the new parent must not reach the organisation itself.
    if (selfId) {
      const seen = new Set<string>([parent.id]);
      for (let up = parent.parentId; up;) {
        if (up === selfId || seen.has(up))
          throw field('parentId', 'parent_cycle', '上级组织不能是本组织的下级', 'The parent cannot be one of its own sub-organisations');
        seen.add(up);
        up = (await this.repo.byId(up))?.parentId ?? null;
      }
    }
    const allowed = PARENT_TYPES[type];
    if (allowed && !allowed.includes(parent.type as OrganisationType))
      throw field(
        'parentId',
        'parent_type',
        `上级组织类型应为：${allowed.map((t) => ORGANISATION_TYPE_LABELS[t].zh).join('、')}`,
        `The parent must be a ${allowed.map((t) => ORGANISATION_TYPE_LABELS[t].en).join(' or ')}`,
      );
  }
}

/** The list columns of a view (the response schema would drop the rest; this keeps the type honest). */
function listItem(v: {
  id: string;
  communityId: string;
  communityName: string;
  type: OrganisationType;
  name: string;
  parentId: string | null;
  parentName: string | null;
  foundedDate: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  members: number;
  version: number;
}) {
  const { id, communityId, communityName, type, name, parentId, parentName, foundedDate, contactPerson, contactPhone, members, version } = v;
  return { id, communityId, communityName, type, name, parentId, parentName, foundedDate, contactPerson, contactPhone, members, version };
}

function memberView(m: MemberRow): OrganisationMember {
  return {
    id: m.id,
    residentId: m.residentId,
    name: m.name,
    role: m.role as MemberRole,
    startDate: m.startDate,
    endDate: m.endDate,
    active: m.endDate === null || m.endDate >= today(),
    notes: m.notes,
    version: m.version,
  };
}
