import type { Permission, Role } from '../../shared/domain/permissions';
import { AppError } from './errors';

/** One grant as the server holds it: the role, the region it covers (with its path), and a domain. */
export interface Grant {
  role: Role;
  regionId: string;
  regionPath: string;
  regionName: string;
  regionLevel: 'city' | 'street' | 'community' | 'grid';
  domain: string | null;
}

/** The signed-in user behind a request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  residentId: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  /** An administrator who has no second factor yet (ADMIN_TOTP=required). */
  totpSetupRequired: boolean;
  grants: Grant[];
  permissions: Set<Permission>;
  sessionTokenHash: string;
  csrfToken: string;
}

/** Who is acting and from where: what services need for checks and audit entries. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
}

/** A context for work the system does by itself (seeding, retention). */
export const systemContext: RequestContext = { actor: null, ip: null };

/**
 * The signed-in actor of a request's context. Every route behind a policy other than `public` has one
 * (plugins/auth.ts refuses the request before the handler otherwise); a call without one is refused, never
 * passed on as `null`.
 */
export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('AUTH_REQUIRED');
  return ctx.actor;
}
