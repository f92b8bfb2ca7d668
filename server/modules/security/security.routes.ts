import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams, Ok } from '../../../shared/contracts/common';
import {
  ActiveSessionsResponse,
  LockedAccountsResponse,
  SecuritySettingsView,
  SessionParams,
  UpdateSecuritySettingsRequest,
} from '../../../shared/contracts/security';
import type { AccountsService } from '../accounts/accounts.service';
import type { AuthService } from '../auth/auth.service';
import type { SecuritySettingsService } from './security-settings.service';
import { actorOf } from '../../lib/context';

/** The security administrator's pages: settings, locked accounts, active sessions (三员: security.manage). */
export async function securityRoutes(app: FastifyInstance, opts: { settings: SecuritySettingsService; auth: AuthService; accounts: AccountsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { policy: 'security.manage' as const };
  const tags = ['security'];

  r.get(
    '/api/security/settings',
    { config, schema: { tags, summary: '安全设置 / Security settings', response: { 200: SecuritySettingsView, 403: ErrorResponse } } },
    async () => opts.settings.view(),
  );

  r.put(
    '/api/security/settings',
    {
      config,
      schema: {
        tags,
        summary: '修改安全设置 / Change the security settings',
        description: 'Takes effect at once in this process, within SESSION_CACHE_SECONDS in others; audited with each changed field.',
        body: UpdateSecuritySettingsRequest,
        response: { 200: SecuritySettingsView, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => opts.settings.update(request.ctx, request.body),
  );

  r.get(
    '/api/security/locked-accounts',
    { config, schema: { tags, summary: '被锁定的账户 / Locked accounts', response: { 200: LockedAccountsResponse, 403: ErrorResponse } } },
    async () => ({ items: await opts.accounts.lockedAccounts() }),
  );

  r.post(
    '/api/security/locked-accounts/:id/unlock',
    { config, schema: { tags, summary: '解除锁定 / Unlock', params: IdParams, response: { 200: Ok, 403: ErrorResponse, 404: ErrorResponse } } },
    async (request) => {
      await opts.accounts.unlock(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/security/sessions',
    { config, schema: { tags, summary: '在线会话 / Active sessions', response: { 200: ActiveSessionsResponse, 403: ErrorResponse } } },
    async (request) => ({ items: await opts.auth.activeSessions(actorOf(request.ctx)) }),
  );

  r.delete(
    '/api/security/sessions/:id',
    {
      config,
      schema: {
        tags,
        summary: '结束会话 / End a session',
        params: SessionParams,
        response: { 200: Ok, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      await opts.auth.endSession(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
}
