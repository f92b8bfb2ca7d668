import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from '../../shared/domain/permissions';
import type { Actor, RequestContext } from '../lib/context';
import { AppError } from '../lib/errors';
import type { AuditService } from '../modules/audit/audit.service';
import type { AuthService } from '../modules/auth/auth.service';

/** The cookie that carries the session token. */
export const SESSION_COOKIE = 'shequ_sid';

/**
 * What a route requires: `public` (anyone), `authenticated` (any signed-in user), or a permission.
 * Every route must name one; see the route walker test.
 */
export type Policy = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionExpired: boolean;
    /** Who is acting and from where, for services. */
    ctx: RequestContext;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the session cookie, enforces CSRF on state-changing requests, and applies each route's policy. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService; audit: AuditService }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  // Runs before the body is parsed or validated: a caller without the right gets 401/403, never a validation error.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.ctx = { actor: null, ip: request.ip };
    // Static files and the SPA need no session look-up.
    if (request.url.startsWith('/api/')) {
      const token = request.cookies[SESSION_COOKIE];
      const resolved = token ? await opts.auth.resolve(token) : null;
      if (resolved && 'actor' in resolved) {
        request.actor = resolved.actor;
        request.ctx = { actor: resolved.actor, ip: request.ip };
      } else if (resolved && 'expired' in resolved) {
        request.sessionExpired = true;
      }
    }
    enforcePolicy(request);
  });

  // One place audits every refusal of a signed-in user (等保 安全审计 "重要安全事件"; ASVS 7.2.2): the route's
  // permission and CSRF checks above, and the scope and permission checks inside services. It runs after
  // the service's transaction has been rolled back, so the entry is a write of its own.
  app.addHook('onError', async (request: FastifyRequest, _reply, err: Error) => {
    if (!request.actor || !(err instanceof AppError)) return;
    if (!AUDITED_REFUSALS.has(err.code) && !err.hiddenByScope) return;
    const refused = err.details && typeof err.details === 'object' && !Array.isArray(err.details) ? (err.details as Record<string, unknown>) : {};
    const params = request.params && typeof request.params === 'object' && Object.keys(request.params).length ? request.params : undefined;
    await opts.audit
      .record(request.ctx, {
        action: 'security.denied',
        outcome: 'denied',
        objectType: 'route',
        objectId: `${request.method} ${request.routeOptions.url ?? ''}`,
        details: {
          code: err.code,
          // The permission the route or the service asked for.
          ...(err.code === 'FORBIDDEN' ? { required: typeof refused.permission === 'string' ? refused.permission : request.routeOptions.config?.policy } : {}),
          ...(err.hiddenByScope ? { outOfScope: true, object: refused.object } : {}),
          // What a service's refusal names (the community asked for, the members outside the scope).
          ...(err.code === 'OUT_OF_SCOPE' && err.details !== undefined ? { refused: err.details } : {}),
          ...(params ? { params } : {}),
        },
      })
      .catch((auditErr: unknown) => request.log.error({ err: auditErr }, 'could not audit a refusal'));
  });
});

/** Refusals of a signed-in user that are written to the audit log (besides 404s hiding an out-of-scope object). */
const AUDITED_REFUSALS = new Set(['FORBIDDEN', 'AUTH_CSRF_INVALID', 'OUT_OF_SCOPE']);

/** The routes an account that must change its password may still call. */
const WHILE_PASSWORD_CHANGE_REQUIRED = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/password']);

/** The routes an administrator without a second factor may still call (ADMIN_TOTP=required). */
const WHILE_TOTP_SETUP_REQUIRED = new Set([...WHILE_PASSWORD_CHANGE_REQUIRED, '/api/auth/totp/setup', '/api/auth/totp/enable']);

/** Deny by default: the route's policy decides, before anything else runs. */
function enforcePolicy(request: FastifyRequest) {
  const policy = request.routeOptions.config?.policy;
  if (!policy) {
    // Deny by default: a route that names no policy is a bug, refused rather than served.
    if (request.routeOptions.url === undefined) return; // 404 handler
    throw new AppError('FORBIDDEN', { reason: 'route_without_policy' });
  }
  if (policy === 'public') return;
  const actor = request.actor;
  if (!actor) throw new AppError(request.sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || header !== actor.csrfToken) throw new AppError('AUTH_CSRF_INVALID');
  }
  // An account whose password an administrator set, or whose password has expired, may only change it
  // (or sign out) until it does.
  const route = request.routeOptions.url ?? '';
  if (actor.mustChangePassword && !WHILE_PASSWORD_CHANGE_REQUIRED.has(route)) throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
  // An administrator signed in with a password alone may only add the second factor.
  if (actor.totpSetupRequired && !WHILE_TOTP_SETUP_REQUIRED.has(route)) throw new AppError('AUTH_TOTP_SETUP_REQUIRED');
  if (policy === 'authenticated') return;
  if (!actor.permissions.has(policy)) throw new AppError('FORBIDDEN', { permission: policy });
}
