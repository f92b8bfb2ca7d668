import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams, Ok } from '../../../shared/contracts/common';
import {
  AddHonourRequest,
  AddMemberRequest,
  CreateOrganisationRequest,
  DeleteOrganisationQuery,
  EndMemberRequest,
  MemberParams,
  OrganisationCounts,
  OrganisationDetail,
  OrganisationHonour,
  OrganisationMember,
  OrganisationsExportQuery,
  OrganisationsPage,
  OrganisationsQuery,
  UpdateOrganisationRequest,
} from '../../../shared/contracts/organisations';
import type { OrganisationsService } from './organisations.service';
import { actorOf } from '../../lib/context';
import { sendXlsx, XLSX } from '../../lib/xlsx';

/** Organisations of communities, their members and honours. */
export async function organisationsRoutes(app: FastifyInstance, opts: { organisations: OrganisationsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { organisations } = opts;
  const tags = ['organisations'];

  r.get(
    '/api/organisations',
    {
      config: { policy: 'orgs.read' },
      schema: { tags, summary: '社区组织列表 / Organisations', querystring: OrganisationsQuery, response: { 200: OrganisationsPage } },
    },
    async (request) => organisations.list(actorOf(request.ctx), request.query),
  );
  r.get(
    '/api/organisations/counts',
    {
      config: { policy: 'orgs.read' },
      schema: { tags, summary: '各社区组织数（按类型） / Organisations per community and type', response: { 200: OrganisationCounts } },
    },
    async (request) => organisations.counts(actorOf(request.ctx)),
  );
  r.get(
    '/api/organisations/export',
    {
      config: { policy: 'orgs.read' },
      schema: {
        tags,
        summary: '导出社区组织名册 (.xlsx) / Export organisations',
        description: `Same filters as GET /api/organisations. Responds with ${XLSX}.`,
        querystring: OrganisationsExportQuery,
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await organisations.exportXlsx(request.ctx, request.query);
      return sendXlsx(reply, { ...result, fallback: 'organisations.xlsx' }, result.stream);
    },
  );
  r.get(
    '/api/organisations/:id',
    {
      config: { policy: 'orgs.read', personalRead: true },
      schema: {
        tags,
        summary: '组织详情（成员、荣誉） / Organisation with members and honours',
        params: IdParams,
        response: { 200: OrganisationDetail, 404: ErrorResponse },
      },
    },
    async (request) => organisations.get(actorOf(request.ctx), request.params.id),
  );
  r.post(
    '/api/organisations',
    {
      config: { policy: 'orgs.write' },
      schema: {
        tags,
        summary: '登记组织 / Register an organisation',
        body: CreateOrganisationRequest,
        response: { 201: OrganisationDetail, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await organisations.create(request.ctx, request.body)),
  );
  r.patch(
    '/api/organisations/:id',
    {
      config: { policy: 'orgs.write' },
      schema: {
        tags,
        summary: '修改组织 / Update an organisation',
        params: IdParams,
        body: UpdateOrganisationRequest,
        response: { 200: OrganisationDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => organisations.update(request.ctx, request.params.id, request.body),
  );
  r.delete(
    '/api/organisations/:id',
    {
      config: { policy: 'orgs.write' },
      schema: {
        tags,
        summary: '删除组织（连同成员与荣誉记录） / Delete an organisation with its members and honours',
        params: IdParams,
        querystring: DeleteOrganisationQuery,
        response: { 200: Ok, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      await organisations.remove(request.ctx, request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/organisations/:id/members',
    {
      config: { policy: 'orgs.write' },
      schema: {
        tags,
        summary: '增加成员 / Add a member',
        params: IdParams,
        body: AddMemberRequest,
        response: { 201: OrganisationMember, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await organisations.addMember(request.ctx, request.params.id, request.body)),
  );
  r.post(
    '/api/organisations/:id/members/:memberId/end',
    {
      config: { policy: 'orgs.write' },
      schema: {
        tags,
        summary: '成员离开（结束任职） / End a membership',
        params: MemberParams,
        body: EndMemberRequest,
        response: { 200: OrganisationMember, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => organisations.endMember(request.ctx, request.params.id, request.params.memberId, request.body),
  );
  r.post(
    '/api/organisations/:id/honours',
    {
      config: { policy: 'orgs.write' },
      schema: {
        tags,
        summary: '记录荣誉 / Record an honour',
        params: IdParams,
        body: AddHonourRequest,
        response: { 201: OrganisationHonour, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await organisations.addHonour(request.ctx, request.params.id, request.body)),
  );
}
