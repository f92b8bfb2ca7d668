import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AccountsPage,
  AccountsQuery,
  AccountView,
  CreateAccountRequest,
  PendingGrant,
  PendingGrants,
  ResetPasswordRequest,
  UpdateAccountRequest,
} from '../../../shared/contracts/accounts';
import { ErrorResponse, IdParams, Ok } from '../../../shared/contracts/common';
import type { AccountsService } from './accounts.service';
import { actorOf } from '../../lib/context';

export async function accountsRoutes(app: FastifyInstance, opts: { accounts: AccountsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { accounts } = opts;
  const tags = ['accounts'];
  const config = { policy: 'accounts.manage' as const };

  r.get(
    '/api/accounts',
    { config, schema: { tags, summary: '账户列表 / Accounts', querystring: AccountsQuery, response: { 200: AccountsPage, 403: ErrorResponse } } },
    async (request) => accounts.list(request.query.q, request.query.page, request.query.pageSize),
  );
  r.get(
    '/api/accounts/:id',
    { config, schema: { tags, summary: '账户 / Account', params: IdParams, response: { 200: AccountView, 404: ErrorResponse } } },
    async (request) => accounts.get(request.params.id),
  );
  r.post(
    '/api/accounts',
    {
      config,
      schema: {
        tags,
        summary: '新建账户 / Create account',
        body: CreateAccountRequest,
        response: { 201: AccountView, 400: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await accounts.create(request.ctx, request.body)),
  );
  r.patch(
    '/api/accounts/:id',
    {
      config,
      schema: {
        tags,
        summary: '修改账户 / Update account',
        params: IdParams,
        body: UpdateAccountRequest,
        response: { 200: AccountView, 403: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => accounts.update(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/accounts/:id/reset-password',
    {
      config,
      schema: {
        tags,
        summary: '重置密码 / Reset password',
        params: IdParams,
        body: ResetPasswordRequest,
        response: { 200: Ok, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      await accounts.resetPassword(request.ctx, request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/accounts/:id/reset-totp',
    {
      config,
      schema: { tags, summary: '重置动态口令 / Reset authenticator', params: IdParams, response: { 200: Ok, 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (request) => {
      await accounts.resetTotp(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
  r.post('/api/accounts/:id/unlock', { config, schema: { tags, summary: '解除锁定 / Unlock', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await accounts.unlock(request.ctx, request.params.id);
    return { ok: true as const };
  });

  // 三员: the security administrator approves (or rejects) grants that carry personal data or make an administrator.
  const approve = { policy: 'accounts.approve' as const };
  r.get(
    '/api/accounts/pending-grants',
    { config: approve, schema: { tags, summary: '待审批授权 / Grants awaiting approval', response: { 200: PendingGrants, 403: ErrorResponse } } },
    async (request) => accounts.pendingGrants(actorOf(request.ctx)),
  );
  r.post(
    '/api/accounts/pending-grants/:id/approve',
    {
      config: approve,
      schema: {
        tags,
        summary: '批准授权 / Approve a grant',
        params: IdParams,
        response: { 200: PendingGrant, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => accounts.approveGrant(request.ctx, request.params.id),
  );
  r.post(
    '/api/accounts/pending-grants/:id/reject',
    {
      config: approve,
      schema: {
        tags,
        summary: '驳回授权 / Reject a grant',
        params: IdParams,
        response: { 200: Ok, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      await accounts.rejectGrant(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
}
