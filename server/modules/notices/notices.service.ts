import type {
  CreateNoticeRequest,
  NoticeDetail,
  NoticeListItem,
  NoticesQuery,
  UpdateNoticeRequest,
  WithdrawNoticeRequest,
} from '../../../shared/contracts/notices';
import { noticeReaches, noticeStatus, publishWindowProblem, type NoticeAudience, type NoticeImportance } from '../../../shared/domain/notices';
import { permissionsOf, type Role } from '../../../shared/domain/permissions';
import { transaction, type Db } from '../../db/client';
import { today } from '../../lib/clock';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, outOfScopeNotFound, validationError } from '../../lib/errors';
import { grantPathsFor, isUnderPath } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { WorkbenchContribution } from '../module';
import type { NoticeReader, NoticeRow, NoticesRepository, NoticeViewRow } from './notices.repository';

const field = (path: string, code: string, message: string, messageEn: string) => validationError([{ path, code, message, messageEn }]);
const rolePermissions = (role: string, domain: string | null) => permissionsOf(role as Role, domain);
/** How many current notices the 工作台 lists (the card counts them all). */
const WORKBENCH_SHOWN = 8;

/**
 * 通知公告: notices addressed to a region (city, street, community, grid). Reading follows the reach rule of
 * shared/domain/notices.ts (staff: at, above and below their grants; residents: published ones at or above
 * their place, for residents or all); a notice out of reach is answered 404. Writing (notices.write) needs the
 * region under one's write grant: creating or moving a notice elsewhere is 403, editing one that is only
 * readable (the city's notice for a community worker) is 403 too.
 */
export class NoticesService {
  constructor(
    private readonly db: Db,
    private readonly repo: NoticesRepository,
    private readonly audit: AuditService,
  ) {}

  /** The actor's grants as the queries need them. */
  private reader(actor: Actor): NoticeReader {
    const read = actor.grants.filter((g) => rolePermissions(g.role, g.domain).includes('notices.read'));
    return {
      staffPaths: read.filter((g) => g.role !== 'resident').map((g) => g.regionPath),
      residentPaths: read.filter((g) => g.role === 'resident').map((g) => g.regionPath),
      writePaths: grantPathsFor(actor, 'notices.write', rolePermissions),
      userId: actor.userId,
    };
  }

  private manages(reader: NoticeReader, regionPath: string) {
    return reader.writePaths.some((p) => isUnderPath(regionPath, p));
  }

  /** Whether the reader sees the notice (the rule of visibleSql, for one row). */
  private sees(reader: NoticeReader, n: NoticeViewRow, day: string) {
    if (this.manages(reader, n.regionPath) || n.authorId === reader.userId) return true;
    if (noticeStatus(n, day) !== 'current') return false;
    if (reader.staffPaths.some((p) => noticeReaches(n.regionPath, p, false))) return true;
    return n.audience !== 'staff' && reader.residentPaths.some((p) => noticeReaches(n.regionPath, p, true));
  }

  private listItem(n: NoticeViewRow, reader: NoticeReader, day: string): NoticeListItem {
    return {
      id: n.id,
      regionId: n.regionId,
      regionName: n.regionName,
      regionLevel: n.regionLevel,
      communityId: n.communityId,
      title: n.title,
      audience: n.audience as NoticeAudience,
      importance: n.importance as NoticeImportance,
      publishFrom: n.publishFrom,
      publishUntil: n.publishUntil,
      pinned: n.pinned,
      authorName: n.authorName,
      status: noticeStatus(n, day),
      canEdit: this.manages(reader, n.regionPath),
      read: n.read,
      version: n.version,
      updatedAt: new Date(n.updatedAt).toISOString(),
    };
  }

  private async detailOf(n: NoticeViewRow, reader: NoticeReader, day: string): Promise<NoticeDetail> {
    const item = this.listItem(n, reader, day);
    return {
      ...item,
      readCount: item.canEdit ? await this.repo.readCount(n.id) : null,
      body: n.body,
      withdrawnAt: n.withdrawnAt ? new Date(n.withdrawnAt).toISOString() : null,
      withdrawnReason: n.withdrawnReason,
      createdAt: new Date(n.createdAt).toISOString(),
    };
  }

  // ---------------------------------------------------------------- reads

  async list(actor: Actor, query: NoticesQuery) {
    const reader = this.reader(actor);
    const day = today();
    const { page, pageSize, q, ...filters } = query;
    const { items, total } = await this.repo.page({ reader, day, q: q || undefined, ...filters }, pageSize, (page - 1) * pageSize);
    return { items: items.map((n) => this.listItem(n, reader, day)), total };
  }

  /** A notice the actor sees: 404 when missing or out of reach (withdrawn or scheduled ones included, for readers). */
  private async visible(actor: Actor, id: string): Promise<NoticeViewRow> {
    const n = await this.repo.view(id, actor.userId);
    if (!n) throw notFound('notice');
    if (!this.sees(this.reader(actor), n, today())) throw outOfScopeNotFound('notice');
    return n;
  }

  async get(actor: Actor, id: string): Promise<NoticeDetail> {
    const n = await this.visible(actor, id);
    return this.detailOf(n, this.reader(actor), today());
  }

  /** Records that the actor has read a notice they see (idempotent; 404 out of reach). */
  async markRead(actor: Actor, id: string) {
    await this.visible(actor, id);
    await this.repo.markRead(id, actor.userId);
    return { ok: true as const };
  }

  /** A notice the actor may change: 404 when out of sight, 403 when only readable. */
  private async writable(actor: Actor, id: string): Promise<NoticeViewRow> {
    const n = await this.visible(actor, id);
    if (!this.manages(this.reader(actor), n.regionPath)) throw new AppError('OUT_OF_SCOPE');
    return n;
  }

  /** The region a notice is addressed to: it must exist (400 naming regionId) and lie in the write scope (403). */
  private async addressable(actor: Actor, regionId: string) {
    const region = await this.repo.region(regionId);
    if (!region) throw field('regionId', 'no_region', '区域不存在', 'no such region');
    if (!this.manages(this.reader(actor), region.path)) throw new AppError('OUT_OF_SCOPE');
    return region;
  }

  private checkWindow(publishFrom: string, publishUntil: string | null) {
    const problem = publishWindowProblem(publishFrom, publishUntil);
    if (problem) throw field(problem.path, problem.code, '截止日期不能早于发布日期', 'the last day is before the first day');
  }

  // ---------------------------------------------------------------- writes

  async create(ctx: RequestContext, input: CreateNoticeRequest): Promise<NoticeDetail> {
    const actor = actorOf(ctx);
    const region = await this.addressable(actor, input.regionId);
    const publishFrom = input.publishFrom ?? today();
    const publishUntil = input.publishUntil ?? null;
    this.checkWindow(publishFrom, publishUntil);
    const row = await transaction(this.db, async () => {
      const n = await this.repo.insert({
        regionId: region.id,
        communityId: region.level === 'community' ? region.id : null,
        title: input.title,
        body: input.body,
        audience: input.audience,
        importance: input.importance,
        publishFrom,
        publishUntil,
        pinned: input.pinned,
        authorId: actor.userId,
        authorName: actor.displayName,
      });
      await this.audit.record(ctx, {
        action: 'notices.create',
        objectType: 'notice',
        objectId: n.id,
        communityId: n.communityId,
        details: { title: n.title, regionId: n.regionId, audience: n.audience, publishFrom, publishUntil },
      });
      return n;
    });
    return this.get(actor, row.id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateNoticeRequest): Promise<NoticeDetail> {
    const actor = actorOf(ctx);
    const current = await this.writable(actor, id);
    if (current.withdrawnAt) throw field('id', 'withdrawn', '已撤回的通知不能再修改', 'a withdrawn notice cannot be changed');
    const { version, ...rest } = input;
    const patch: Partial<NoticeRow> = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
    if (Object.keys(patch).length === 0) throw new AppError('BAD_REQUEST', { reason: 'nothing_to_change' });
    if (input.regionId && input.regionId !== current.regionId) {
      const region = await this.addressable(actor, input.regionId);
      patch.communityId = region.level === 'community' ? region.id : null;
    }
    this.checkWindow(input.publishFrom ?? current.publishFrom, input.publishUntil !== undefined ? input.publishUntil : current.publishUntil);
    const row = await transaction(this.db, async () => {
      const r = await this.repo.update(id, version, patch);
      if (!r) return null;
      await this.audit.record(ctx, {
        action: 'notices.update',
        objectType: 'notice',
        objectId: id,
        communityId: r.communityId,
        details: { fields: Object.keys(rest).filter((k) => k in patch) },
      });
      return r;
    });
    if (!row) throw await this.stale(id, current.version);
    return this.get(actor, id);
  }

  /** Withdraws a notice (撤回): it reaches no reader any more; the reason is kept. */
  async withdraw(ctx: RequestContext, id: string, input: WithdrawNoticeRequest): Promise<NoticeDetail> {
    const actor = actorOf(ctx);
    const current = await this.writable(actor, id);
    if (current.withdrawnAt) throw new AppError('CONFLICT', { reason: 'already_withdrawn', withdrawnAt: new Date(current.withdrawnAt).toISOString() });
    const row = await transaction(this.db, async () => {
      const r = await this.repo.update(id, input.version, { withdrawnAt: new Date(), withdrawnReason: input.reason, withdrawnBy: actor.userId });
      if (!r) return null;
      await this.audit.record(ctx, {
        action: 'notices.withdraw',
        objectType: 'notice',
        objectId: id,
        communityId: r.communityId,
        details: { title: r.title, reason: input.reason },
      });
      return r;
    });
    if (!row) throw await this.stale(id, current.version);
    return this.get(actor, id);
  }

  /** 409 naming the stale field (the version) and the current one, read after the transaction. */
  private async stale(id: string, fallback: number): Promise<AppError> {
    const currentVersion = (await this.repo.byId(id))?.version ?? fallback;
    return new AppError('VERSION_CONFLICT', { field: 'version', currentVersion });
  }

  // ---------------------------------------------------------------- audit and workbench

  /** Titles for the audit log (public notices, nobody's personal data). */
  async auditNames(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.repo.titles(ids)).map((r) => [r.id, r.title]));
  }

  /**
   * The 工作台: the notices published today that reach the actor (staff: a card with their number, residents:
   * none, their home shows the list only) and the first of them, pinned and important first.
   */
  async workbench(ctx: RequestContext, day: string): Promise<WorkbenchContribution> {
    const actor = ctx.actor;
    if (!actor || !actor.permissions.has('notices.read')) return {};
    const reader = this.reader(actor);
    const { items, total, unread } = await this.repo.current(reader, day, WORKBENCH_SHOWN);
    const staff = reader.staffPaths.length > 0 || reader.writePaths.length > 0;
    return {
      cards: staff
        ? [
            {
              key: 'notices.current',
              label: { zh: '通知公告', en: 'Notices' },
              value: total,
              unit: { zh: '条', en: '' },
              link: '/notices?status=current',
              // Amber while some are not read yet.
              tone: unread > 0 ? 'warning' : 'normal',
              order: 90,
            },
          ]
        : [],
      notices: items.map((n) => ({
        id: n.id,
        title: n.title,
        importance: n.importance as NoticeImportance,
        audience: n.audience as NoticeAudience,
        pinned: n.pinned,
        read: n.read,
        publishFrom: n.publishFrom,
        regionName: n.regionName,
        link: `/notices/${n.id}`,
      })),
    };
  }
}
