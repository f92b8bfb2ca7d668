import type { FieldCrypto } from '../../lib/crypto';
import { actorOf, type RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { singleProcess, type ProcessGroup, type SharedWindow } from '../../lib/process-group';
import type { AuditService } from '../audit/audit.service';

/** What was looked up: a full ID number, a full mobile number, or an ID number typed into the registration form. */
export type LookupKind = 'id_number' | 'phone' | 'create';

/** Per-user limits of the look-ups (config LOOKUP_LIMIT_PER_HOUR, LOOKUP_MISSES_PER_HOUR). */
export interface LookupLimits {
  perHour: number;
  missesPerHour: number;
}

/**
 * Exact look-ups by ID number or phone — the window worker's search (a person hands over a card) and the
 * search oracle's tool (confirming guesses of the hidden birth-date digits). Each look-up is audited as
 * `residents.lookup` with the number as an HMAC (never the number), at most `perHour` per user and hour;
 * `missesPerHour` look-ups that find nobody lock the look-up for the rest of the hour. Reaching either
 * limit writes a `security.alert` entry, which the security administrator lists.
 */
export class LookupGuard {
  private readonly all: SharedWindow;
  private readonly misses: SharedWindow;

  constructor(
    readonly limits: LookupLimits,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
    /** The server processes: the limits count across them. */
    group: ProcessGroup = singleProcess(),
  ) {
    this.all = group.window('lookups');
    this.misses = group.window('lookup-misses');
  }

  /** The HMAC the audit log keeps instead of the number (its own domain: not the residents' blind index). */
  hash(value: string): string {
    return this.crypto.blindIndex(`lookup:${value}`);
  }

  /** 429 when the caller's look-ups are locked (misses) or used up for the hour; the refusal is audited. */
  async admit(ctx: RequestContext, kind: LookupKind, value: string): Promise<void> {
    const userId = actorOf(ctx).userId;
    let error: AppError | null = null;
    if ((await this.misses.count(userId)) >= this.limits.missesPerHour) {
      error = new AppError('LOOKUP_LOCKED', { limit: this.limits.missesPerHour }, { minutes: await this.misses.minutesUntilFree(userId) });
    } else if ((await this.all.count(userId)) >= this.limits.perHour) {
      error = new AppError('LOOKUP_LIMIT', { limit: this.limits.perHour }, { limit: this.limits.perHour, minutes: await this.all.minutesUntilFree(userId) });
    }
    if (!error) return;
    throw await this.refuse(ctx, kind, value, error);
  }

  /** Audits a refused look-up (limits, or a caller without residents.lookup) and returns the error to throw. */
  async refuse(ctx: RequestContext, kind: LookupKind, value: string, error: AppError): Promise<AppError> {
    await this.audit.record(ctx, {
      action: 'residents.lookup',
      objectType: 'resident',
      outcome: 'denied',
      details: { kind, hash: this.hash(value), code: error.code },
    });
    return error;
  }

  /** Counts and audits a look-up that ran; `found` residents matched (in the caller's scope). */
  async settle(ctx: RequestContext, kind: LookupKind, value: string, found: number, first?: { id: string; communityId: string }): Promise<void> {
    const userId = actorOf(ctx).userId;
    const total = await this.all.add(userId);
    await this.audit.record(ctx, {
      action: 'residents.lookup',
      objectType: 'resident',
      objectId: found === 1 ? first?.id : undefined,
      communityId: found === 1 ? (first?.communityId ?? null) : null,
      outcome: found > 0 ? 'success' : 'failure',
      details: { kind, hash: this.hash(value), found },
    });
    if (found === 0) await this.miss(ctx, kind);
    else if (total === this.limits.perHour) await this.alert(ctx, 'lookup_limit', { lookups: total, limit: this.limits.perHour });
  }

  /** A look-up that found nobody (or an ID that cannot be registered here): counts towards the lock. */
  async miss(ctx: RequestContext, kind: LookupKind): Promise<void> {
    const misses = await this.misses.add(actorOf(ctx).userId);
    if (misses === this.limits.missesPerHour) await this.alert(ctx, 'lookup_locked', { kind, misses, limit: this.limits.missesPerHour });
  }

  private alert(ctx: RequestContext, reason: string, details: Record<string, unknown>) {
    return this.audit.record(ctx, {
      action: 'security.alert',
      objectType: 'user',
      objectId: actorOf(ctx).userId,
      outcome: 'denied',
      details: { reason, ...details },
    });
  }
}
