import type { z } from 'zod';
import { SecuritySettings, type SecuritySettingsT, type UpdateSecuritySettingsRequest } from '../../../shared/contracts/security';
import type { Config } from '../../config';
import { transaction, type Db } from '../../db/client';
import { actorOf, type RequestContext } from '../../lib/context';
import { versionConflict } from '../../lib/errors';
import type { AuditService } from '../audit/audit.service';
import { SecurityRepository } from './security.repository';
import { singleProcess, type ProcessGroup } from '../../lib/process-group';

/** Event to the other server processes: the stored settings changed, read them again. */
const SETTINGS_CHANGED = 'security.settings-changed';

/** The rules sign-in and sessions apply, in the shape of the environment's config. */
export interface SecurityPolicy {
  password: { minLength: number; minClasses: number; maxAgeDays: number; history: number };
  lockout: { threshold: number; minutes: number };
  session: { idleMinutes: number; absoluteHours: number };
  adminTotp: 'required' | 'off';
  sensitiveTotp: 'required' | 'off';
}

/** The environment's values as settings: the defaults until the security administrator changes them. */
export function settingsFromConfig(c: Pick<Config, 'password' | 'lockout' | 'session' | 'adminTotp' | 'sensitiveTotp'>): SecuritySettingsT {
  return {
    passwordMinLength: c.password.minLength,
    passwordMinClasses: c.password.minClasses,
    passwordMaxAgeDays: c.password.maxAgeDays,
    passwordHistory: c.password.history,
    lockoutThreshold: c.lockout.threshold,
    lockoutMinutes: c.lockout.minutes,
    sessionIdleMinutes: c.session.idleMinutes,
    sessionAbsoluteHours: c.session.absoluteHours,
    adminTotp: c.adminTotp,
    sensitiveTotp: c.sensitiveTotp,
  };
}

/** Settings as the policy the services apply. */
export function policyOf(s: SecuritySettingsT): SecurityPolicy {
  return {
    password: { minLength: s.passwordMinLength, minClasses: s.passwordMinClasses, maxAgeDays: s.passwordMaxAgeDays, history: s.passwordHistory },
    lockout: { threshold: s.lockoutThreshold, minutes: s.lockoutMinutes },
    session: { idleMinutes: s.sessionIdleMinutes, absoluteHours: s.sessionAbsoluteHours },
    adminTotp: s.adminTotp,
    sensitiveTotp: s.sensitiveTotp,
  };
}

/**
 * The security settings: stored in security_settings, the environment's values as defaults. Read on every
 * sign-in and session check through a short cache (SESSION_CACHE_SECONDS; this process forgets it on its
 * own change), so a change takes effect without a restart: at once here, within seconds in other processes.
 */
export class SecuritySettingsService {
  private readonly repo: SecurityRepository;
  private cached: { at: number; settings: SecuritySettingsT } | null = null;
  private readonly defaults: SecuritySettingsT;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    config: Pick<Config, 'password' | 'lockout' | 'session' | 'adminTotp' | 'sensitiveTotp'>,
    private readonly cacheMs = config.session.cacheSeconds * 1000,
    private readonly group: ProcessGroup = singleProcess(),
  ) {
    this.repo = new SecurityRepository(db);
    group.subscribe(SETTINGS_CHANGED, () => this.forget());
    this.defaults = settingsFromConfig(config);
  }

  /** The settings in force (stored fields over the defaults; a stored field that no longer parses falls back). */
  async settings(): Promise<SecuritySettingsT> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.settings;
    const row = await this.repo.current();
    const settings = this.merge(row?.settings);
    this.cached = { at: now, settings };
    return settings;
  }

  /** Forgets the cached settings (after a change made outside this service, e.g. a test restoring them). */
  forget() {
    this.cached = null;
  }

  /** The policy the services apply now. */
  async policy(): Promise<SecurityPolicy> {
    return policyOf(await this.settings());
  }

  private merge(stored: unknown): SecuritySettingsT {
    const partial = SecuritySettings.partial().safeParse(stored ?? {});
    const merged = { ...this.defaults, ...(partial.success ? partial.data : {}) };
    return SecuritySettings.safeParse(merged).success ? merged : this.defaults;
  }

  /** What the security administrator's page shows. */
  async view() {
    const row = await this.repo.current();
    return {
      settings: this.merge(row?.settings),
      defaults: this.defaults,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedBy: row?.updatedByName ?? null,
      version: row?.version ?? 0,
    };
  }

  /** Replaces the settings (optimistic version), audited with each changed field's old and new value. */
  async update(ctx: RequestContext, input: z.infer<typeof UpdateSecuritySettingsRequest>) {
    const { version, ...next } = input;
    const actor = actorOf(ctx);
    await transaction(this.db, async () => {
      const row = await this.repo.current();
      const before = this.merge(row?.settings);
      if ((row?.version ?? 0) !== version) throw versionConflict(row?.version ?? 0);
      const saved = await this.repo.save(version, next, { userId: actor.userId, username: actor.username });
      if (!saved) throw versionConflict((await this.repo.current())?.version ?? 0);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const k of Object.keys(next) as (keyof SecuritySettingsT)[]) if (before[k] !== next[k]) changes[k] = { from: before[k], to: next[k] };
      await this.audit.record(ctx, { action: 'security.settings.update', objectType: 'security_settings', objectId: 'settings', details: changes });
    });
    this.cached = null;
    this.group.publish(SETTINGS_CHANGED, null);
    return this.view();
  }
}
