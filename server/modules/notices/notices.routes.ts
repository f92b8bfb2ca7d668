import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams, Ok } from '../../../shared/contracts/common';
import { CreateNoticeRequest, NoticeDetail, NoticesPage, NoticesQuery, UpdateNoticeRequest, WithdrawNoticeRequest } from '../../../shared/contracts/notices';
import { actorOf } from '../../lib/context';
import type { NoticesService } from './notices.service';

/** 通知公告: the list, one notice, publishing, editing and withdrawing. */
export async function noticesRoutes(app: FastifyInstance, opts: { notices: NoticesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = opts.notices;
  const tags = ['notices'];
  const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/notices',
    {
      config: { policy: 'notices.read' },
      schema: {
        tags,
        summary: '通知公告 / Notices',
        description:
          'The notices reaching the caller: staff those of their regions, above and below; residents the published ones of their community, street and city for residents or all. Writers also see scheduled, expired and withdrawn notices of their scope.',
        querystring: NoticesQuery,
        response: { 200: NoticesPage, ...errors },
      },
    },
    async (request) => s.list(actorOf(request.ctx), request.query),
  );
  r.get(
    '/api/notices/:id',
    {
      config: { policy: 'notices.read' },
      schema: { tags, summary: '通知详情 / One notice', params: IdParams, response: { 200: NoticeDetail, ...errors } },
    },
    async (request) => s.get(actorOf(request.ctx), request.params.id),
  );
  r.post(
    '/api/notices/:id/read',
    {
      config: { policy: 'notices.read' },
      schema: {
        tags,
        summary: '标记已读 / Mark a notice read',
        description: 'Records that the caller has opened the notice (once; repeating it changes nothing). 404 out of reach.',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => s.markRead(actorOf(request.ctx), request.params.id),
  );
  r.post(
    '/api/notices',
    {
      config: { policy: 'notices.write' },
      schema: {
        tags,
        summary: '发布通知 / Publish a notice',
        description: 'Addressed to a region within the caller’s scope (403 elsewhere); a later publishFrom schedules it.',
        body: CreateNoticeRequest,
        response: { 201: NoticeDetail, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await s.create(request.ctx, request.body)),
  );
  r.patch(
    '/api/notices/:id',
    {
      config: { policy: 'notices.write' },
      schema: {
        tags,
        summary: '修改通知 / Edit a notice',
        description: '409 VERSION_CONFLICT naming `version` when someone changed it since it was read.',
        params: IdParams,
        body: UpdateNoticeRequest,
        response: { 200: NoticeDetail, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => s.update(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/notices/:id/withdraw',
    {
      config: { policy: 'notices.write' },
      schema: {
        tags,
        summary: '撤回通知 / Withdraw a notice',
        description: 'With a reason; the notice reaches no reader any more. 409 on a stale version or when already withdrawn.',
        params: IdParams,
        body: WithdrawNoticeRequest,
        response: { 200: NoticeDetail, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => s.withdraw(request.ctx, request.params.id, request.body),
  );
}
