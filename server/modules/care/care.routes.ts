import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CareRecordList, CareRecordParams, CareRecordView, CreateCareRecordRequest, UpdateCareRecordRequest } from '../../../shared/contracts/care';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import type { ResidentsService } from '../residents/residents.service';
import type { CareService } from './care.service';
import { actorOf } from '../../lib/context';

/** A resident's care-group records; groups the caller may not see are left out. */
export async function careRoutes(app: FastifyInstance, opts: { residents: ResidentsService; care: CareService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { residents, care } = opts;
  const tags = ['care'];

  r.get(
    '/api/residents/:id/care-records',
    {
      config: { policy: 'residents.read', personalRead: true },
      schema: { tags, summary: '关注群体记录 / Care records', params: IdParams, response: { 200: CareRecordList, 404: ErrorResponse } },
    },
    async (request) => {
      const resident = await residents.getForActor(actorOf(request.ctx), request.params.id);
      return { items: await care.listFor(actorOf(request.ctx), resident) };
    },
  );

  r.post(
    '/api/residents/:id/care-records',
    {
      config: { policy: 'care.write' },
      schema: {
        tags,
        summary: '新增关注群体记录 / Add a care record',
        params: IdParams,
        body: CreateCareRecordRequest,
        response: { 201: CareRecordView, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const resident = await residents.getForActor(actorOf(request.ctx), request.params.id);
      return reply.status(201).send(await care.create(request.ctx, resident, request.body));
    },
  );

  r.patch(
    '/api/residents/:id/care-records/:recordId',
    {
      config: { policy: 'care.write' },
      schema: {
        tags,
        summary: '修改或结束关注群体记录 / Change or end a care record',
        params: CareRecordParams,
        body: UpdateCareRecordRequest,
        response: { 200: CareRecordView, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      const resident = await residents.getForActor(actorOf(request.ctx), request.params.id);
      return care.update(request.ctx, resident, request.params.recordId, request.body);
    },
  );
}
