import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangePasswordRequest,
  LoginRequest,
  Preferences,
  SessionResponse,
  TotpEnableRequest,
  TotpSetupRequest,
  TotpSetupResponse,
} from '../../../shared/contracts/auth';
import { ErrorResponse, Ok } from '../../../shared/contracts/common';
import type { Config } from '../../config';
import { actorOf, type Actor } from '../../lib/context';
import { SESSION_COOKIE } from '../../plugins/auth';
import type { AuthService } from './auth.service';

/** The session view of an actor. */
export function sessionView(actor: Actor) {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      mustChangePassword: actor.mustChangePassword,
      totpEnabled: actor.totpEnabled,
      totpSetupRequired: actor.totpSetupRequired,
      grants: actor.grants.map((g) => ({ role: g.role, regionId: g.regionId, regionName: g.regionName, regionLevel: g.regionLevel, domain: g.domain })),
      permissions: [...actor.permissions].sort(),
    },
    csrfToken: actor.csrfToken,
  };
}

export async function authRoutes(app: FastifyInstance, opts: { auth: AuthService; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auth, config } = opts;

  r.post(
    '/api/auth/login',
    {
      config: { policy: 'public', rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录 / Sign in',
        body: LoginRequest,
        response: { 200: SessionResponse, 401: ErrorResponse, 423: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { username, password, totpCode } = request.body;
      const { token, actor } = await auth.login(request.ctx, username, password, request.headers['user-agent'], totpCode);
      const secure = config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure === 'true';
      const { session: limits } = await auth.policy();
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: limits.absoluteHours * 3600 });
      return sessionView(actor);
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['auth'], summary: '当前用户 / Current user', response: { 200: SessionResponse, 401: ErrorResponse } },
    },
    async (request) => sessionView(actorOf(request.ctx)),
  );

  r.post(
    '/api/auth/logout',
    { config: { policy: 'authenticated' }, schema: { tags: ['auth'], summary: '退出 / Sign out', response: { 200: Ok } } },
    async (request, reply) => {
      await auth.logout(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '修改密码 / Change password',
        body: ChangePasswordRequest,
        response: { 200: Ok, 400: ErrorResponse, 423: ErrorResponse },
      },
    },
    async (request) => {
      await auth.changePassword(request.ctx, request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/totp/setup',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '生成动态口令密钥 / Start authenticator setup',
        body: TotpSetupRequest,
        response: { 200: TotpSetupResponse, 400: ErrorResponse, 423: ErrorResponse },
      },
    },
    async (request) => auth.setupTotp(request.ctx, request.body.password, request.body.currentCode),
  );

  r.post(
    '/api/auth/totp/enable',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '启用动态口令 / Turn on the authenticator',
        body: TotpEnableRequest,
        response: { 200: Ok, 400: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      await auth.enableTotp(request.ctx, request.body.code);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/preferences',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['auth'], summary: '我的显示设置 / My display preferences', response: { 200: Preferences, 401: ErrorResponse } },
    },
    async (request) => auth.preferences(request.ctx),
  );

  r.put(
    '/api/auth/preferences',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: '保存显示设置（字号） / Save display preferences (text size)',
        body: Preferences,
        response: { 200: Preferences, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => auth.setPreferences(request.ctx, request.body),
  );
}
