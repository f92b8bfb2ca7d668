import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import {
  CreateHouseholdRequest,
  HouseholdChangeResponse,
  HouseholdDetail,
  HouseholdsExportQuery,
  HouseholdsPage,
  HouseholdsQuery,
  MergeHouseholdRequest,
  MoveMemberRequest,
  SplitHouseholdRequest,
  UpdateHouseholdRequest,
} from '../../../shared/contracts/households';
import type { HouseholdsService } from './households.service';
import { sendXlsx, XLSX } from '../../lib/xlsx';
import { z } from 'zod';
import { actorOf } from '../../lib/context';

export async function householdsRoutes(app: FastifyInstance, opts: { households: HouseholdsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { households } = opts;
  const tags = ['households'];
  const read = { policy: 'households.read' as const };
  // Household lists and pages name their members: reads of personal data, counted by the budget.
  const readPersonal = { ...read, personalRead: true };
  const write = { policy: 'households.write' as const };
  const changeErrors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

  r.get(
    '/api/households/export',
    {
      config: readPersonal,
      schema: {
        tags,
        summary: '导出家庭户 (.xlsx) / Export households',
        description: `Same filters as GET /api/households, no paging. Responds with ${XLSX}; 400 past the cap.`,
        querystring: HouseholdsExportQuery,
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const file = await households.exportXlsx(request.ctx, request.query);
      return sendXlsx(reply, file, file.stream);
    },
  );
  r.get(
    '/api/households',
    {
      config: readPersonal,
      schema: { tags, summary: '住户列表 / Households', querystring: HouseholdsQuery, response: { 200: HouseholdsPage, 404: ErrorResponse } },
    },
    async (request) => households.list(actorOf(request.ctx), request.query),
  );
  r.get(
    '/api/households/:id',
    {
      config: readPersonal,
      schema: {
        tags,
        summary: '住户详情（成员、迁移记录） / Household with members and moves',
        params: IdParams,
        response: { 200: HouseholdDetail, 404: ErrorResponse },
      },
    },
    async (request) => households.get(actorOf(request.ctx), request.params.id),
  );
  r.post(
    '/api/households',
    {
      config: write,
      schema: {
        tags,
        summary: '新建住户 / Create household',
        body: CreateHouseholdRequest,
        response: { 201: HouseholdDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await households.create(request.ctx, request.body)),
  );
  r.patch(
    '/api/households/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改住户 / Update household',
        params: IdParams,
        body: UpdateHouseholdRequest,
        response: { 200: HouseholdDetail, ...changeErrors },
      },
    },
    async (request) => households.update(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/households/:id/move-member',
    {
      config: write,
      schema: {
        tags,
        summary: '成员迁入他户 / Move a member to another household',
        params: IdParams,
        body: MoveMemberRequest,
        response: { 200: HouseholdChangeResponse, ...changeErrors },
      },
    },
    async (request) => households.moveMember(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/households/:id/split',
    {
      config: write,
      schema: {
        tags,
        summary: '分户 / Split household',
        params: IdParams,
        body: SplitHouseholdRequest,
        response: { 200: HouseholdChangeResponse, ...changeErrors },
      },
    },
    async (request) => households.split(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/households/:id/merge',
    {
      config: write,
      schema: {
        tags,
        summary: '并户 / Merge into another household',
        params: IdParams,
        body: MergeHouseholdRequest,
        response: { 200: HouseholdChangeResponse, ...changeErrors },
      },
    },
    async (request) => households.merge(request.ctx, request.params.id, request.body),
  );
}
