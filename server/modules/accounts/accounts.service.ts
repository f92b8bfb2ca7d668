import type { z } from 'zod';
import type { CreateAccountRequest, GrantInput, UpdateAccountRequest } from '../../../shared/contracts/accounts';
import { ADMIN_ROLES, grantNeedsApproval, permissionsOf, ROLE_REGION_LEVEL, type Role } from '../../../shared/domain/permissions';
import { transaction, type Db } from '../../db/client';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, validationError, versionConflict } from '../../lib/errors';
import { hashPassword } from '../../lib/password';
import { isUnderPath } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { AuthService } from '../auth/auth.service';
import type { AccountsRepository } from './accounts.repository';

type Grant = z.infer<typeof GrantInput>;

const LEVEL_ZH = { city: '市', street: '街道', community: '社区', grid: '网格' } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Account administration (the system administrator's job; no personal data involved). 三员: a grant that
 * carries personal data or makes an administrator waits for the security administrator's approval; no
 * administrator account (nor one's own) is changed, disabled, reset or re-granted here.
 */
export class AccountsService {
  constructor(
    private readonly db: Db,
    private readonly repo: AccountsRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async list(q: string | undefined, page: number, pageSize: number) {
    const { items, total } = await this.repo.page(q, pageSize, (page - 1) * pageSize);
    const grants = await this.repo.grantsOf(items.map((u) => u.id));
    return {
      total,
      items: items.map((u) =>
        this.view(
          u,
          grants.filter((g) => g.userId === u.id),
        ),
      ),
    };
  }

  async get(id: string) {
    const u = await this.repo.byId(id);
    if (!u) throw notFound('account');
    return this.view(u, await this.repo.grantsOf([id]));
  }

  private view(
    u: Awaited<ReturnType<AccountsRepository['byId']>> & object,
    grants: { role: string; regionId: string; regionName: string; domain: string | null; pending: boolean }[],
  ) {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      disabled: u.disabled,
      locked: !!u.lockedUntil && u.lockedUntil.getTime() > Date.now(),
      mustChangePassword: u.mustChangePassword,
      totpEnabled: u.totpEnabledAt !== null,
      grants: grants.map((g) => ({ role: g.role as never, regionId: g.regionId, regionName: g.regionName, domain: g.domain, pending: g.pending })),
      version: u.version,
      createdAt: u.createdAt.toISOString(),
    };
  }

  /** Grants may only name regions inside the administrator's own grants; department roles need a domain. */
  private async checkGrants(actor: Actor, grants: Grant[]) {
    const regionRows = await this.repo.regionsByIds([...new Set(grants.map((g) => g.regionId))]);
    const mine = actor.grants.filter((g) => g.role === 'sysadmin').map((g) => g.regionPath);
    grants.forEach((g, i) => {
      const region = regionRows.find((r) => r.id === g.regionId);
      if (!region) throw validationError([{ path: `grants.${i}.regionId`, code: 'not_found', message: '区域不存在', messageEn: 'no such region' }]);
      if (!mine.some((p) => isUnderPath(region.path, p))) throw new AppError('OUT_OF_SCOPE', [{ path: `grants.${i}.regionId` }]);
      const level = ROLE_REGION_LEVEL[g.role];
      if (level && region.level !== level)
        throw validationError([
          {
            path: `grants.${i}.regionId`,
            code: 'wrong_level',
            message: `该角色只能授予${LEVEL_ZH[level]}`,
            messageEn: `this role is granted on a ${level} only`,
          },
        ]);
      if (g.role === 'department' && !g.domain)
        throw validationError([
          { path: `grants.${i}.domain`, code: 'required', message: '职能部门须指定业务领域', messageEn: 'department grants need a domain' },
        ]);
    });
  }

  async create(ctx: RequestContext, input: z.infer<typeof CreateAccountRequest>) {
    if (await this.repo.byUsername(input.username)) throw new AppError('DUPLICATE', [{ path: 'username' }], { field: 'username' });
    await this.auth.assertStrong(input.password, input.username, 'password');
    await this.checkGrants(actorOf(ctx), input.grants);
    const passwordHash = await hashPassword(input.password);
    const id = await transaction(this.db, async () => {
      const u = await this.repo.insert({ username: input.username, displayName: input.displayName, passwordHash, mustChangePassword: true });
      const added = await this.repo.replaceGrants(u.id, input.grants, this.approvalOf(ctx));
      await this.audit.record(ctx, { action: 'accounts.create', objectType: 'user', objectId: u.id, details: { username: u.username, grants: added } });
      return u.id;
    });
    return this.get(id);
  }

  /** New grants that need a second person's approval are written pending, with who asked. */
  private approvalOf(ctx: RequestContext) {
    return { requestedBy: actorOf(ctx).userId, needsApproval: (g: { role: string; domain?: string | null }) => grantNeedsApproval(g.role as Role, g.domain) };
  }

  /** The account an administrator may change here: not its own, not an administrator's (三员). */
  private async changeable(ctx: RequestContext, id: string) {
    const u = await this.repo.byId(id);
    if (!u) throw notFound('account');
    if (id === actorOf(ctx).userId) throw new AppError('ACCOUNT_OWN');
    const roles = await this.repo.rolesOf(id);
    if (roles.some((r) => ADMIN_ROLES.includes(r as Role))) throw new AppError('ACCOUNT_ADMIN_PROTECTED');
    return u;
  }

  async update(ctx: RequestContext, id: string, input: z.infer<typeof UpdateAccountRequest>) {
    const current = await this.changeable(ctx, id);
    if (input.grants) await this.checkGrants(actorOf(ctx), input.grants);
    await transaction(this.db, async () => {
      const row = await this.repo.update(id, input.version, { displayName: input.displayName, disabled: input.disabled });
      if (!row) throw versionConflict(current.version);
      const added = input.grants ? await this.repo.replaceGrants(id, input.grants, this.approvalOf(ctx)) : undefined;
      await this.audit.record(ctx, {
        action: 'accounts.update',
        objectType: 'user',
        objectId: id,
        details: { fields: Object.keys(input).filter((k) => k !== 'version'), grants: input.grants, added },
      });
    });
    if (input.disabled || input.grants) await this.auth.endSessionsOf(id);
    else this.auth.forgetUser(id);
    return this.get(id);
  }

  /** Sets a one-time password the user must change; never one's own (that needs the old one: /api/auth/password). */
  async resetPassword(ctx: RequestContext, id: string, newPassword: string) {
    const u = await this.changeable(ctx, id);
    await this.auth.assertStrong(newPassword, u.username);
    const suspended = await this.suspendPersonalDataGrants(ctx, id);
    await this.auth.storePassword(id, newPassword, true);
    await this.auth.endSessionsOf(id);
    await this.audit.record(ctx, { action: 'accounts.reset_password', objectType: 'user', objectId: id, details: { grantsSuspended: suspended } });
  }

  /**
   * A reset by an administrator hands the account to whoever gets the new password or enrols a new phone:
   * its grants that carry personal data go back to the security administrator for approval, so that the
   * system administrator alone cannot take over an account that reads residents (三员, issue 11 #2).
   */
  private suspendPersonalDataGrants(ctx: RequestContext, id: string) {
    const { requestedBy, needsApproval } = this.approvalOf(ctx);
    return transaction(this.db, async () => this.repo.suspendGrants(id, requestedBy, needsApproval));
  }

  /** Removes an account's second factor (a lost phone); it sets up a new one at its next sign-in. */
  async resetTotp(ctx: RequestContext, id: string) {
    await this.changeable(ctx, id);
    const suspended = await this.suspendPersonalDataGrants(ctx, id);
    await this.auth.clearTotp(id);
    await this.audit.record(ctx, { action: 'accounts.reset_totp', objectType: 'user', objectId: id, details: { grantsSuspended: suspended } });
  }

  /** Accounts locked by failed attempts now (the security administrator's list). */
  async lockedAccounts() {
    const rows = await this.repo.locked();
    return rows.map((r) => ({ ...r, lockedUntil: r.lockedUntil!.toISOString() }));
  }

  /** `username（display name）` by id, for the audit log. */
  async auditNames(ids: string[]): Promise<Map<string, string>> {
    const uuids = ids.filter((id) => UUID.test(id));
    return new Map((await this.repo.names(uuids)).map((u) => [u.id, `${u.username}（${u.displayName}）`]));
  }

  async unlock(ctx: RequestContext, id: string) {
    const u = await this.repo.byId(id);
    if (!u) throw notFound('account');
    await this.auth.clearFailures(id);
    await this.audit.record(ctx, { action: 'accounts.unlock', objectType: 'user', objectId: id });
  }

  /** Grants waiting for the actor's approval: those on regions its accounts.approve grants cover. */
  async pendingGrants(actor: Actor) {
    const rows = await this.repo.pendingGrants();
    return { items: rows.filter((r) => this.approves(actor, r.regionPath)).map((r) => this.pendingView(r)) };
  }

  /** Puts a pending grant in force: by a second person, in scope, never for oneself nor one's own request. */
  async approveGrant(ctx: RequestContext, grantId: string) {
    const grant = await this.pendingFor(ctx, grantId);
    await transaction(this.db, async () => {
      if (!(await this.repo.approveGrant(grantId, actorOf(ctx).userId))) throw new AppError('CONFLICT', { reason: 'grant_not_pending' });
      await this.audit.record(ctx, { action: 'accounts.grant.approve', objectType: 'user', objectId: grant.userId, details: this.grantDetails(grant) });
    });
    // The new permission applies from the next request (cached sessions are dropped).
    this.auth.forgetUser(grant.userId);
    return this.pendingView(grant);
  }

  /** Drops a pending grant; the account keeps its other grants. */
  async rejectGrant(ctx: RequestContext, grantId: string) {
    const grant = await this.pendingFor(ctx, grantId);
    await transaction(this.db, async () => {
      if (!(await this.repo.rejectGrant(grantId))) throw new AppError('CONFLICT', { reason: 'grant_not_pending' });
      await this.audit.record(ctx, { action: 'accounts.grant.reject', objectType: 'user', objectId: grant.userId, details: this.grantDetails(grant) });
    });
  }

  private async pendingFor(ctx: RequestContext, grantId: string) {
    const actor = actorOf(ctx);
    const [grant] = await this.repo.pendingGrants(grantId);
    if (!grant) throw notFound('grant');
    if (!this.approves(actor, grant.regionPath)) throw new AppError('OUT_OF_SCOPE');
    if (grant.userId === actor.userId || grant.requestedBy === actor.userId) throw new AppError('GRANT_SELF_APPROVAL');
    return grant;
  }

  private approves(actor: Actor, path: string) {
    const mine = actor.grants.filter((g) => permissionsOfGrant(g).includes('accounts.approve')).map((g) => g.regionPath);
    return mine.some((p) => isUnderPath(path, p));
  }

  private grantDetails(g: PendingRow) {
    return { grantId: g.id, username: g.username, role: g.role, regionId: g.regionId, domain: g.domain, requestedBy: g.requestedBy };
  }

  private pendingView(g: PendingRow) {
    return {
      id: g.id,
      userId: g.userId,
      username: g.username,
      displayName: g.displayName,
      role: g.role as Role,
      regionId: g.regionId,
      regionName: g.regionName,
      domain: g.domain,
      requestedBy: g.requestedByUsername,
      requestedAt: g.requestedAt.toISOString(),
    };
  }
}

type PendingRow = Awaited<ReturnType<AccountsRepository['pendingGrants']>>[number];
const permissionsOfGrant = (g: Actor['grants'][number]) => permissionsOf(g.role, g.domain);
