import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import {
  CreateResidentRequest,
  PlaceResidentRequest,
  ResidentDetail,
  ResidentsExportQuery,
  ResidentsExportRequest,
  ResidentsPage,
  ResidentsQuery,
  RevealResponse,
  UpdateResidentRequest,
} from '../../../shared/contracts/residents';
import { perUserPerMinute } from '../../lib/rate-limit';
import type { ResidentsService } from './residents.service';
import { actorOf } from '../../lib/context';
import { sendXlsx, XLSX } from '../../lib/xlsx';

/** The population registry's HTTP API (DOMAIN.md §3.1). */
export async function residentsRoutes(app: FastifyInstance, opts: { residents: ResidentsService; searchRateLimit: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { residents } = opts;
  const tags = ['residents'];

  r.get(
    '/api/residents',
    {
      config: { policy: 'residents.read', rateLimit: perUserPerMinute(opts.searchRateLimit), personalRead: true },
      schema: {
        tags,
        summary: '居民查询 / Search residents',
        querystring: ResidentsQuery,
        response: { 200: ResidentsPage, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => residents.list(request.ctx, request.query),
  );

  const sendExport = async (reply: FastifyReply, file: { filename: string; rows: number; stream: Readable }) =>
    sendXlsx(reply, { ...file, fallback: 'residents.xlsx' }, file.stream);

  r.get(
    '/api/residents/export',
    {
      config: { policy: 'residents.export', rateLimit: perUserPerMinute(opts.searchRateLimit), personalRead: true },
      schema: {
        tags,
        summary: '导出居民名册（脱敏） (.xlsx) / Export residents, masked',
        description: `Same filters as GET /api/residents. Responds with ${XLSX}, ID numbers and phones masked. A full export is POST /api/residents/export (it needs the CSRF token); reveal=true here is refused.`,
        querystring: ResidentsExportQuery,
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => sendExport(reply, await residents.exportXlsx(request.ctx, request.query)),
  );

  r.post(
    '/api/residents/export',
    {
      config: { policy: 'residents.export', rateLimit: perUserPerMinute(opts.searchRateLimit), personalRead: true },
      schema: {
        tags,
        summary: '导出居民名册 (.xlsx)，可含完整身份证号（留痕） / Export residents, optionally with full identity (audited)',
        description: `The filters of GET /api/residents as a JSON body. Responds with ${XLSX}. reveal: true (needs residents.reveal) exports full ID numbers and phones and is audited as residents.export.reveal. A POST, so that it needs the CSRF token: a link on another site cannot start it.`,
        body: ResidentsExportRequest,
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => sendExport(reply, await residents.exportXlsx(request.ctx, request.body)),
  );

  r.get(
    '/api/residents/:id',
    {
      config: { policy: 'residents.read', personalRead: true },
      schema: { tags, summary: '居民详情 / Resident', params: IdParams, response: { 200: ResidentDetail, 404: ErrorResponse } },
    },
    async (request) => residents.detail(actorOf(request.ctx), request.params.id),
  );

  r.post(
    '/api/residents',
    {
      config: { policy: 'residents.write' },
      schema: {
        tags,
        summary: '登记居民 / Register a resident',
        body: CreateResidentRequest,
        response: { 201: ResidentDetail, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await residents.create(request.ctx, request.body)),
  );

  r.patch(
    '/api/residents/:id',
    {
      config: { policy: 'residents.write' },
      schema: {
        tags,
        summary: '修改居民信息 / Update a resident',
        params: IdParams,
        body: UpdateResidentRequest,
        response: { 200: ResidentDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => residents.update(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/residents/:id/place',
    {
      config: { policy: 'residents.write' },
      schema: {
        tags,
        summary: '为待分配网格的居民指定网格 / Place a resident who waits for a grid',
        params: IdParams,
        body: PlaceResidentRequest,
        response: { 200: ResidentDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => residents.place(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/api/residents/:id/reveal',
    {
      config: { policy: 'residents.reveal', personalRead: true },
      schema: {
        tags,
        summary: '查看完整身份证号和电话（留痕） / Reveal ID number and phone (audited)',
        params: IdParams,
        response: { 200: RevealResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => residents.reveal(request.ctx, request.params.id),
  );
}
