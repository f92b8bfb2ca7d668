import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BuildingDetail,
  BuildingsExportQuery,
  BuildingsPage,
  BuildingsQuery,
  CreateBuildingRequest,
  UpdateBuildingRequest,
} from '../../../shared/contracts/buildings';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import type { BuildingsService } from './buildings.service';
import { actorOf } from '../../lib/context';
import { sendXlsx, XLSX } from '../../lib/xlsx';

export async function buildingsRoutes(app: FastifyInstance, opts: { buildings: BuildingsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { buildings } = opts;
  const tags = ['buildings'];

  r.get(
    '/api/buildings/export',
    {
      config: { policy: 'buildings.read' },
      schema: {
        tags,
        summary: '导出楼栋 (.xlsx) / Export buildings',
        description: `Same filters as GET /api/buildings, no paging. Responds with ${XLSX}; 400 past the cap.`,
        querystring: BuildingsExportQuery,
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const file = await buildings.exportXlsx(request.ctx, request.query);
      return sendXlsx(reply, file, file.stream);
    },
  );
  r.get(
    '/api/buildings',
    {
      config: { policy: 'buildings.read' },
      schema: { tags, summary: '楼栋列表 / Buildings', querystring: BuildingsQuery, response: { 200: BuildingsPage, 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (request) => buildings.list(actorOf(request.ctx), request.query),
  );
  r.get(
    '/api/buildings/:id',
    {
      config: { policy: 'buildings.read', personalRead: true },
      schema: { tags, summary: '楼栋详情（含住户） / Building with its households', params: IdParams, response: { 200: BuildingDetail, 404: ErrorResponse } },
    },
    async (request) => buildings.get(actorOf(request.ctx), request.params.id),
  );
  r.post(
    '/api/buildings',
    {
      config: { policy: 'buildings.write' },
      schema: {
        tags,
        summary: '新建楼栋 / Create building',
        body: CreateBuildingRequest,
        response: { 201: BuildingDetail, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await buildings.create(request.ctx, request.body)),
  );
  r.patch(
    '/api/buildings/:id',
    {
      config: { policy: 'buildings.write' },
      schema: {
        tags,
        summary: '修改楼栋 / Update building',
        params: IdParams,
        body: UpdateBuildingRequest,
        response: { 200: BuildingDetail, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => buildings.update(request.ctx, request.params.id, request.body),
  );
}
