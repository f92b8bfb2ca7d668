import type { z } from 'zod';
import type { CreateAccountRequest, GrantInput, UpdateAccountRequest } from '../../../shared/contracts/accounts';
import type { Db } from '../../db/client';
import type { Actor, RequestContext } from '../../lib/context';
import { AppError, notFound, validationError, versionConflict } from '../../lib/errors';
import { hashPassword } from '../../lib/password';
import type { AuditService } from '../audit/audit.service';
import type { AuthRepository } from '../auth/auth.repository';
import type { AuthService } from '../auth/auth.service';
import type { AccountsRepository } from './accounts.repository';

type Grant = z.infer<typeof GrantInput>;

/** Account administration (the system administrator's job; no personal data involved). */
export class AccountsService {
  constructor(
    private readonly db: Db,
    private readonly repo: AccountsRepository,
    private readonly authRepo: AuthRepository,
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
    grants: { role: string; regionId: string; regionName: string; domain: string | null }[],
  ) {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      disabled: u.disabled,
      locked: !!u.lockedUntil && u.lockedUntil.getTime() > Date.now(),
      mustChangePassword: u.mustChangePassword,
      totpEnabled: u.totpEnabledAt !== null,
      grants: grants.map((g) => ({ role: g.role as never, regionId: g.regionId, regionName: g.regionName, domain: g.domain })),
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
      if (!mine.some((p) => region.path === p || region.path.startsWith(`${p}.`))) throw new AppError('OUT_OF_SCOPE', [{ path: `grants.${i}.regionId` }]);
      if (g.role === 'department' && !g.domain)
        throw validationError([
          { path: `grants.${i}.domain`, code: 'required', message: '职能部门须指定业务领域', messageEn: 'department grants need a domain' },
        ]);
    });
  }

  async create(ctx: RequestContext, input: z.infer<typeof CreateAccountRequest>) {
    if (await this.repo.byUsername(input.username)) throw new AppError('DUPLICATE', [{ path: 'username' }], { field: 'username' });
    this.auth.assertStrong(input.password, input.username, 'password');
    await this.checkGrants(ctx.actor!, input.grants);
    const passwordHash = await hashPassword(input.password);
    const id = await this.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const u = await this.repo.insert(tx, { username: input.username, displayName: input.displayName, passwordHash, mustChangePassword: true });
      await this.repo.replaceGrants(tx, u.id, input.grants);
      await this.audit.record(
        ctx,
        { action: 'accounts.create', objectType: 'user', objectId: u.id, details: { username: u.username, grants: input.grants } },
        tx,
      );
      return u.id;
    });
    return this.get(id);
  }

  async update(ctx: RequestContext, id: string, input: z.infer<typeof UpdateAccountRequest>) {
    const current = await this.repo.byId(id);
    if (!current) throw notFound('account');
    if (input.grants) await this.checkGrants(ctx.actor!, input.grants);
    if (id === ctx.actor!.userId && (input.disabled || input.grants)) throw new AppError('CONFLICT', { reason: 'cannot_change_own_access' });
    await this.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const row = await this.repo.update(tx, id, input.version, { displayName: input.displayName, disabled: input.disabled });
      if (!row) throw versionConflict(current.version);
      if (input.grants) await this.repo.replaceGrants(tx, id, input.grants);
      await this.audit.record(
        ctx,
        {
          action: 'accounts.update',
          objectType: 'user',
          objectId: id,
          details: { fields: Object.keys(input).filter((k) => k !== 'version'), grants: input.grants },
        },
        tx,
      );
    });
    if (input.disabled || input.grants) await this.auth.endSessionsOf(id);
    else this.auth.forgetUser(id);
    return this.get(id);
  }

  async resetPassword(ctx: RequestContext, id: string, newPassword: string) {
    const u = await this.repo.byId(id);
    if (!u) throw notFound('account');
    this.auth.assertStrong(newPassword, u.username);
    await this.authRepo.setPassword(id, await hashPassword(newPassword), true);
    await this.auth.endSessionsOf(id);
    await this.audit.record(ctx, { action: 'accounts.reset_password', objectType: 'user', objectId: id });
  }

  /** Removes an account's second factor (a lost phone); it sets up a new one at its next sign-in. */
  async resetTotp(ctx: RequestContext, id: string) {
    const u = await this.repo.byId(id);
    if (!u) throw notFound('account');
    if (id === ctx.actor!.userId) throw new AppError('CONFLICT', { reason: 'cannot_change_own_access' });
    await this.authRepo.clearTotp(id);
    await this.auth.endSessionsOf(id);
    await this.audit.record(ctx, { action: 'accounts.reset_totp', objectType: 'user', objectId: id });
  }

  async unlock(ctx: RequestContext, id: string) {
    const u = await this.repo.byId(id);
    if (!u) throw notFound('account');
    await this.authRepo.clearFailures(id);
    await this.audit.record(ctx, { action: 'accounts.unlock', objectType: 'user', objectId: id });
  }
}
