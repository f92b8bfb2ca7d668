import type { Preferences } from '../../../shared/contracts/auth';
import { TEXT_SIZES, type TextSize } from '../../../shared/domain/text-size';
import { createHash, randomBytes } from 'node:crypto';
import { checkPassword } from '../../../shared/domain/password-policy';
import { ADMIN_ROLES, grantIsCityWide, permissionsOf, type Permission, type Role } from '../../../shared/domain/permissions';
import type { Config } from '../../config';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import type { FieldCrypto } from '../../lib/crypto';
import { AppError, notFound, validationError } from '../../lib/errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../lib/password';
import { matchTotp, newTotpSecret, otpauthUri } from '../../lib/totp';
import type { AuditService } from '../audit/audit.service';
import type { CredentialsService } from '../accounts/credentials.service';
import { AuthRepository, type UserRow } from './auth.repository';
import { SessionCache } from './session-cache';
import { singleProcess, type ProcessGroup } from '../../lib/process-group';
import type { SecurityPolicy } from '../security/security-settings.service';
import { redactIdentifiers } from '../../lib/identity';

/** Events to the other server processes: evict a session (its token's hash) or every session of a user. */
const FORGET_TOKEN = 'auth.forget-token';
const FORGET_USER = 'auth.forget-user';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Sign-in, sessions, lockout and passwords. */
export class AuthService {
  /** Don't write last_seen more often than this; idle checks stay accurate to the minute. */
  private static readonly TOUCH_EVERY_MS = 30_000;
  /** Sign-ins being checked, per account: each waits for the one before (see login). */
  private readonly signingIn = new Map<string, Promise<void>>();
  /** Resolved sessions, for SESSION_CACHE_SECONDS. */
  private readonly sessions: SessionCache;

  constructor(
    private readonly repo: AuthRepository,
    /** Writes the sign-in state of `users` (the accounts module owns the table). */
    private readonly credentials: CredentialsService,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    config: Pick<Config, 'session'>,
    /** The security settings in force (stored by the security administrator; the environment's as defaults). */
    private readonly settings: { policy(): Promise<SecurityPolicy> },
    /** The other server processes: what this one evicts, they evict too. */
    private readonly group: ProcessGroup = singleProcess(),
  ) {
    this.sessions = new SessionCache(config.session.cacheSeconds * 1000);
    group.subscribe(FORGET_TOKEN, (tokenHash) => this.sessions.forgetToken(tokenHash as string));
    group.subscribe(FORGET_USER, (userId) => this.sessions.forgetUser(userId as string));
  }

  /** The password, lockout, session and second-factor rules in force now. */
  policy(): Promise<SecurityPolicy> {
    return this.settings.policy();
  }

  /**
   * Checks the password (and the TOTP code, for accounts with a second factor) and opens a session;
   * locks the account after too many failures of either.
   */
  async login(ctx: RequestContext, username: string, password: string, userAgent?: string, totpCode?: string) {
    // One check at a time per account in this process: a burst of concurrent guesses meets the lock after
    // the fifth failure instead of every request passing the lock check before any failure is counted.
    return this.oneAtATime(username, () => this.checkAndOpen(ctx, username, password, userAgent, totpCode));
  }

  /**
   * The sign-in checks on the account as it is now, then the new session. Until the password is right every
   * failure answers the same (unknown user, wrong password, locked, disabled): nothing tells accounts apart,
   * and a locked account gives no hint that a guess was right. The reasons go to the audit log.
   */
  private async checkAndOpen(ctx: RequestContext, username: string, password: string, userAgent?: string, totpCode?: string) {
    const user = await this.repo.userByUsername(username);
    const { lockout } = await this.policy();
    const invalid = () => new AppError('AUTH_INVALID_CREDENTIALS', { lockoutThreshold: lockout.threshold, lockoutMinutes: lockout.minutes });
    if (!user) {
      await verifyPassword(password, DUMMY_HASH);
      // People type an ID number or phone into the username box: the audit keeps it masked (issue 11 #9).
      await this.audit.record(ctx, { action: 'auth.login', outcome: 'failure', username: redactIdentifiers(username), details: { reason: 'unknown_user' } });
      throw invalid();
    }
    const now = Date.now();
    // The password is hashed whatever the state, so that timing does not tell either.
    const right = await verifyPassword(password, user.passwordHash);
    if (user.lockedUntil && user.lockedUntil.getTime() > now) {
      // No answer to a guess during a lock, right or wrong: the lock is what stops guessing.
      await this.audit.record(ctx, { action: 'auth.login', outcome: 'denied', userId: user.id, username, details: { reason: 'locked', passwordRight: right } });
      throw invalid();
    }
    if (!right) {
      await this.failure(ctx, user, 'wrong_password');
      throw invalid();
    }
    if (user.disabled) {
      await this.audit.record(ctx, { action: 'auth.login', outcome: 'denied', userId: user.id, username, details: { reason: 'disabled' } });
      throw new AppError('AUTH_ACCOUNT_DISABLED');
    }
    if (user.totpEnabledAt) await this.checkSecondFactor(ctx, user, totpCode);
    await this.credentials.clearFailures(user.id);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.repo.createSession({ tokenHash: sha256(token), userId: user.id, csrfToken, ip: ctx.ip, userAgent: userAgent?.slice(0, 300) });
    await this.audit.record(ctx, { action: 'auth.login', outcome: 'success', userId: user.id, username });
    const actor = await this.actorFor(user.id, sha256(token), csrfToken);
    // The session was created just above; a missing actor would mean the account vanished in between.
    if (!actor) throw new AppError('AUTH_REQUIRED');
    return { token, csrfToken, actor };
  }

  /** Runs sign-in checks of one account (by username) one after another; the chain is dropped when it empties. */
  private oneAtATime<T>(username: string, work: () => Promise<T>): Promise<T> {
    const previous = this.signingIn.get(username) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.signingIn.set(username, tail);
    void tail.then(() => {
      if (this.signingIn.get(username) === tail) this.signingIn.delete(username);
    });
    return run;
  }

  /**
   * Counts a failure towards the lockout (a sign-in, or a signed-in user re-entering the password or code)
   * and audits it under `action`; returns the attempts left and whether it locked the account.
   */
  private async failure(
    ctx: RequestContext,
    user: UserRow,
    reason: 'wrong_password' | 'wrong_totp',
    action: 'auth.login' | 'auth.password.change' | 'auth.totp.setup' = 'auth.login',
  ) {
    // A lock that has expired starts a fresh count.
    if (user.lockedUntil) await this.credentials.clearFailures(user.id);
    const { lockout } = await this.policy();
    const after = await this.credentials.recordFailure(user.id, lockout.threshold, lockout.minutes);
    const locked = after.lockedUntil !== null && after.lockedUntil.getTime() > Date.now();
    const username = user.username;
    await this.audit.record(ctx, {
      action,
      outcome: 'failure',
      userId: user.id,
      username,
      ...(action === 'auth.login' ? {} : { objectType: 'user', objectId: user.id }),
      details: { reason, failedAttempts: after.failedAttempts, locked },
    });
    if (locked) await this.audit.record(ctx, { action: 'auth.lockout', outcome: 'success', userId: user.id, username, objectType: 'user', objectId: user.id });
    return { remainingAttempts: Math.max(0, lockout.threshold - after.failedAttempts), locked };
  }

  /**
   * The second step of signing in, after a right password: no code asks for one (nothing counted);
   * a wrong or replayed code counts towards the lockout like a wrong password.
   */
  private async checkSecondFactor(ctx: RequestContext, user: UserRow, code: string | undefined) {
    if (!code) {
      await this.audit.record(ctx, { action: 'auth.login', outcome: 'denied', userId: user.id, username: user.username, details: { reason: 'totp_required' } });
      throw new AppError('AUTH_TOTP_REQUIRED', { path: 'totpCode' });
    }
    const step = matchTotp(this.crypto.decrypt(user.totpCipher!), code);
    // Claiming the step is one conditional UPDATE: two requests with the same code cannot both win.
    if (step === null || !(await this.credentials.claimTotpStep(user.id, step))) {
      const { remainingAttempts } = await this.failure(ctx, user, 'wrong_totp');
      throw new AppError('AUTH_TOTP_INVALID', { path: 'totpCode', remainingAttempts });
    }
  }

  /**
   * A signed-in user proves it again before a change to its own credentials: the password, and the current
   * authenticator code when a factor is in force. Wrong answers count towards the same lockout as sign-in
   * (the session stays, but nothing more is checked until the lock ends); checks of one account run one at a time.
   */
  private reauthenticate<T>(
    ctx: RequestContext,
    action: 'auth.password.change' | 'auth.totp.setup',
    proof: { password: string; passwordField: string; code?: string },
    work: (user: UserRow) => Promise<T>,
  ): Promise<T> {
    const actor = actorOf(ctx);
    return this.oneAtATime(actor.username, async () => {
      const user = await this.repo.userById(actor.userId);
      if (!user) throw new AppError('AUTH_REQUIRED');
      const now = Date.now();
      if (user.lockedUntil && user.lockedUntil.getTime() > now) {
        await this.audit.record(ctx, { action, outcome: 'denied', objectType: 'user', objectId: user.id, details: { reason: 'locked' } });
        throw new AppError(
          'AUTH_ACCOUNT_LOCKED',
          { lockedUntil: user.lockedUntil.toISOString() },
          { minutes: Math.ceil((user.lockedUntil.getTime() - now) / 60_000) },
        );
      }
      if (!(await verifyPassword(proof.password, user.passwordHash))) {
        const { remainingAttempts } = await this.failure(ctx, user, 'wrong_password', action);
        throw new AppError('AUTH_PASSWORD_WRONG', [
          { path: proof.passwordField, code: 'wrong', message: '密码不正确', messageEn: 'wrong password', remainingAttempts },
        ]);
      }
      if (user.totpEnabledAt) {
        if (!proof.code)
          throw validationError([
            { path: 'currentCode', code: 'required', message: '请输入当前的动态口令', messageEn: 'enter the current authenticator code' },
          ]);
        const step = matchTotp(this.crypto.decrypt(user.totpCipher!), proof.code);
        if (step === null || !(await this.credentials.claimTotpStep(user.id, step))) {
          await this.failure(ctx, user, 'wrong_totp', action);
          throw validationError([{ path: 'currentCode', code: 'wrong', message: '动态口令错误或已使用', messageEn: 'wrong or already used code' }]);
        }
      }
      if (user.failedAttempts > 0) await this.credentials.clearFailures(user.id);
      return work(user);
    });
  }

  /**
   * Starts enrolling a second factor: a new secret for the authenticator app, after the password again (and
   * the current code when a factor is in force: that one stays until the new one is enabled).
   */
  async setupTotp(ctx: RequestContext, password: string, currentCode?: string) {
    return this.reauthenticate(ctx, 'auth.totp.setup', { password, passwordField: 'password', code: currentCode }, async (user) => {
      const secret = newTotpSecret();
      await this.credentials.setPendingTotp(user.id, this.crypto.encrypt(secret));
      await this.audit.record(ctx, { action: 'auth.totp.setup', objectType: 'user', objectId: user.id, details: { replacing: user.totpEnabledAt !== null } });
      return { secret, otpauthUri: otpauthUri(secret, user.username) };
    });
  }

  /** Puts the enrolled secret in force once the app shows a matching code; other sessions are signed out. */
  async enableTotp(ctx: RequestContext, code: string) {
    const actor = actorOf(ctx);
    const user = await this.repo.userById(actor.userId);
    if (!user) throw new AppError('AUTH_REQUIRED');
    if (!user.totpPendingCipher) throw new AppError('CONFLICT', { reason: 'totp_not_set_up' });
    const step = matchTotp(this.crypto.decrypt(user.totpPendingCipher), code);
    if (step === null) {
      await this.audit.record(ctx, { action: 'auth.totp.enable', outcome: 'failure', objectType: 'user', objectId: user.id });
      throw validationError([{ path: 'code', code: 'wrong', message: '动态口令不正确，请核对手机时间后重试', messageEn: 'wrong code; check the phone clock' }]);
    }
    // Only the secret the code was checked against (a setup in another tab may have replaced it since).
    if (!(await this.credentials.enableTotp(user.id, step, user.totpPendingCipher))) throw new AppError('CONFLICT', { reason: 'totp_setup_changed' });
    await this.endSessionsOf(user.id, actor.sessionTokenHash);
    await this.audit.record(ctx, { action: 'auth.totp.enable', objectType: 'user', objectId: user.id });
  }

  /** The actor behind a session cookie, or why there is none (from this process's cache when it can). */
  async resolve(token: string): Promise<{ actor: Actor } | { expired: true } | null> {
    const tokenHash = sha256(token);
    const now = Date.now();
    const { session: limits } = await this.policy();
    let entry = this.sessions.get(tokenHash, now);
    if (!entry) {
      const generation = this.sessions.generation;
      const row = await this.repo.session(tokenHash);
      if (!row) return null;
      const times = { createdAt: row.createdAt.getTime(), lastSeenAt: row.lastSeenAt.getTime() };
      if (this.expired(times, now, limits)) return this.expire(tokenHash);
      const actor = await this.actorFor(row.userId, tokenHash, row.csrfToken);
      if (!actor) {
        await this.repo.deleteSession(tokenHash);
        return null;
      }
      entry = { actor, ...times };
      this.sessions.set(tokenHash, entry, now, generation);
    } else if (this.expired(entry, now, limits)) {
      return this.expire(tokenHash);
    }
    if (now - entry.lastSeenAt > AuthService.TOUCH_EVERY_MS) {
      entry.lastSeenAt = now;
      await this.repo.touchSession(tokenHash);
    }
    return { actor: entry.actor };
  }

  private async expire(tokenHash: string) {
    this.sessions.forgetToken(tokenHash);
    await this.repo.deleteSession(tokenHash);
    this.group.publish(FORGET_TOKEN, tokenHash);
    return { expired: true as const };
  }

  /** Past the idle or the absolute limit. */
  private expired(session: { createdAt: number; lastSeenAt: number }, now: number, limits: SecurityPolicy['session']) {
    return now - session.lastSeenAt > limits.idleMinutes * 60_000 || now - session.createdAt > limits.absoluteHours * 3_600_000;
  }

  /** Forgets a user's failed sign-ins, which unlocks the account. */
  clearFailures(userId: string) {
    return this.credentials.clearFailures(userId);
  }

  /** Removes a user's second factor and ends their sessions (they set up a new one at the next sign-in). */
  async clearTotp(userId: string) {
    await this.credentials.clearTotp(userId);
    await this.endSessionsOf(userId);
  }

  /** Ends a user's sessions (all, or all but one) and forgets what this process cached about them. */
  async endSessionsOf(userId: string, except?: string) {
    this.sessions.forgetUser(userId);
    await this.repo.deleteSessionsOf(userId, except);
    this.group.publish(FORGET_USER, userId);
  }

  /** The signed-in browsers within the idle and absolute limits (the security administrator's list). */
  async activeSessions(actor: Actor) {
    const now = Date.now();
    const { session: limits } = await this.policy();
    const rows = await this.repo.activeSessions(new Date(now - limits.idleMinutes * 60_000), new Date(now - limits.absoluteHours * 3_600_000));
    return rows.map(({ tokenHash, ...r }) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      current: tokenHash === actor.sessionTokenHash,
    }));
  }

  /** Ends one session (the security administrator's end-session), audited on the user it belonged to. */
  async endSession(ctx: RequestContext, id: string) {
    const s = await this.repo.sessionById(id);
    if (!s) throw notFound('session');
    this.sessions.forgetToken(s.tokenHash);
    await this.repo.deleteSession(s.tokenHash);
    this.group.publish(FORGET_TOKEN, s.tokenHash);
    await this.audit.record(ctx, { action: 'auth.session.end', objectType: 'user', objectId: s.userId, details: { username: s.username } });
  }

  /** Forgets the cached sessions of a user whose account changed (name, grants, second factor). */
  forgetUser(userId: string) {
    this.sessions.forgetUser(userId);
    this.group.publish(FORGET_USER, userId);
  }

  /**
   * The account as background work done for it acts (an import it queued): its grants and permissions as
   * they are now, without a session; null when the account is disabled or gone.
   */
  actorForJob(userId: string): Promise<Actor | null> {
    return this.actorFor(userId, '', '');
  }

  private async actorFor(userId: string, sessionTokenHash: string, csrfToken: string): Promise<Actor | null> {
    // Both at once: on PostgreSQL every request saves a round trip.
    const [user, grants, policy] = await Promise.all([this.repo.userById(userId), this.repo.grantsOf(userId), this.policy()]);
    if (!user || user.disabled) return null;
    const permissions = new Set<Permission>();
    for (const g of grants) for (const p of permissionsOf(g.role as Role, g.domain)) permissions.add(p);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      residentId: user.residentId,
      mustChangePassword: user.mustChangePassword || this.passwordExpired(user.passwordChangedAt, policy),
      totpEnabled: user.totpEnabledAt !== null,
      totpSetupRequired: user.totpEnabledAt === null && grants.some((g) => this.needsSecondFactor(g.role as Role, g.regionLevel, g.domain, policy)),
      grants: grants.map((g) => ({
        role: g.role as Role,
        regionId: g.regionId,
        regionPath: g.regionPath,
        regionName: g.regionName,
        regionLevel: g.regionLevel,
        domain: g.domain,
      })),
      permissions,
      sessionTokenHash,
      csrfToken,
    };
  }

  /** ADMIN_TOTP for the three administrators, SENSITIVE_TOTP for grants that read personal data city-wide. */
  private needsSecondFactor(role: Role, regionLevel: string, domain: string | null, policy: SecurityPolicy) {
    if (ADMIN_ROLES.includes(role)) return policy.adminTotp === 'required';
    return policy.sensitiveTotp === 'required' && grantIsCityWide(role, regionLevel, domain);
  }

  /** 等保 periodic change (ASVS 2.1.10 advises against it; 等保 level 3 requires it): PASSWORD_MAX_AGE_DAYS. */
  private passwordExpired(changedAt: Date, policy: SecurityPolicy): boolean {
    const days = policy.password.maxAgeDays;
    return days > 0 && Date.now() - changedAt.getTime() > days * 86_400_000;
  }

  async logout(ctx: RequestContext) {
    if (!ctx.actor) return;
    this.sessions.forgetToken(ctx.actor.sessionTokenHash);
    await this.repo.deleteSession(ctx.actor.sessionTokenHash);
    this.group.publish(FORGET_TOKEN, ctx.actor.sessionTokenHash);
    await this.audit.record(ctx, { action: 'auth.logout' });
  }

  /** Checks a new password against the policy; throws the policy's error naming the field. */
  async assertStrong(password: string, username: string, field = 'newPassword') {
    const { password: rule } = await this.policy();
    const problems = checkPassword(password, rule, username);
    if (problems.length) throw new AppError('AUTH_PASSWORD_WEAK', [{ path: field, code: problems.join(','), message: problems.join(',') }], rule);
  }

  /**
   * Refuses the current password and the last PASSWORD_HISTORY ones (等保 password history), naming the field.
   * Used by every change, the forced ones (first sign-in, reset, expiry) included.
   */
  async assertNotReused(user: Pick<UserRow, 'id' | 'passwordHash'>, password: string, field = 'newPassword') {
    const n = (await this.policy()).password.history;
    for (const hash of [user.passwordHash, ...(await this.repo.previousPasswords(user.id, n))])
      if (await verifyPassword(password, hash))
        throw validationError([
          {
            path: field,
            code: 'reused',
            message: n > 0 ? `新密码不能与当前密码或最近 ${n} 次用过的密码相同` : '新密码不能与当前密码相同',
            messageEn: n > 0 ? `the new password may not be the current one nor one of the last ${n}` : 'the new password may not be the current one',
          },
        ]);
  }

  /** Replaces a password (the old hash goes to the history). */
  async storePassword(userId: string, password: string, mustChange: boolean) {
    await this.credentials.setPassword(userId, await hashPassword(password), mustChange, (await this.policy()).password.history);
  }

  /** Changes one's own password: the current one first (wrong answers count towards the lockout), then the rules. */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string) {
    const actor = actorOf(ctx);
    await this.reauthenticate(ctx, 'auth.password.change', { password: currentPassword, passwordField: 'currentPassword' }, async (user) => {
      await this.assertStrong(newPassword, user.username);
      await this.assertNotReused(user, newPassword);
      await this.storePassword(user.id, newPassword, false);
      // Other browsers signed in with the old password are signed out.
      await this.endSessionsOf(user.id, actor.sessionTokenHash);
      await this.audit.record(ctx, { action: 'auth.password.change', objectType: 'user', objectId: actor.userId });
    });
  }

  /** One's own display preferences. */
  async preferences(ctx: RequestContext): Promise<Preferences> {
    const stored = await this.repo.textSize(actorOf(ctx).userId);
    return { textSize: (TEXT_SIZES as readonly string[]).includes(stored ?? '') ? (stored as TextSize) : 'standard' };
  }

  /** Keeps one's own display preferences with the account (not audited: they touch nobody's data). */
  async setPreferences(ctx: RequestContext, prefs: Preferences): Promise<Preferences> {
    await this.credentials.setTextSize(actorOf(ctx).userId, prefs.textSize);
    return prefs;
  }

  /** Removes expired sessions (run periodically). */
  async sweep() {
    const now = Date.now();
    const { session: limits } = await this.policy();
    await this.repo.deleteExpired(new Date(now - limits.idleMinutes * 60_000), new Date(now - limits.absoluteHours * 3_600_000));
  }
}
