import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApproveAwardRoundRequest,
  AwardExportQuery,
  AwardLine,
  AwardRoundDetail,
  AwardRoundList,
  AwardScoreParams,
  CreateAwardRoundRequest,
  RecordAwardPaymentRequest,
  SetAwardScoreRequest,
  UpdateAwardRoundRequest,
} from '../../../shared/contracts/awards';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import { pickLang } from '../../lib/i18n';
import type { AwardsService } from './awards.service';
import { actorOf } from '../../lib/context';
import { sendXlsx, XLSX } from '../../lib/xlsx';

export async function awardsRoutes(app: FastifyInstance, opts: { awards: AwardsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = opts.awards;
  const tags = ['awards'];
  const lang = (h: string | undefined) => pickLang(h);
  const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
  const conflict = { 409: ErrorResponse };

  r.get(
    '/api/award-rounds',
    {
      config: { policy: 'awards.read' },
      schema: { tags, summary: '以奖代补年度方案 / The 以奖代补 rounds', response: { 200: AwardRoundList, ...errors } },
    },
    async (request) => s.list(actorOf(request.ctx)),
  );
  r.post(
    '/api/award-rounds',
    {
      config: { policy: 'awards.manage' },
      schema: {
        tags,
        summary: '新建年度奖补方案 / Open a year’s round',
        description: 'The pot defaults to 300,000 yuan, the floor score to 60, the cap to 20% of the pot. One round a year (409 on a second).',
        body: CreateAwardRoundRequest,
        response: { 201: AwardRoundDetail, ...errors, ...conflict },
      },
    },
    async (request, reply) => reply.status(201).send(await s.create(request.ctx, request.body, lang(request.headers['accept-language']))),
  );
  r.get(
    '/api/award-rounds/:id',
    {
      config: { policy: 'awards.read' },
      schema: {
        tags,
        summary: '年度奖补方案及各社区金额 / A round with every community’s amount and why',
        description: 'Lists the caller’s communities only. A draft’s amounts are computed from the scores now; an approved round’s are frozen.',
        params: IdParams,
        response: { 200: AwardRoundDetail, ...errors },
      },
    },
    async (request) => s.detail(actorOf(request.ctx), request.params.id, lang(request.headers['accept-language'])),
  );
  r.patch(
    '/api/award-rounds/:id',
    {
      config: { policy: 'awards.manage' },
      schema: {
        tags,
        summary: '修改奖补方案（草案） / Change a draft round’s pot or formula',
        params: IdParams,
        body: UpdateAwardRoundRequest,
        response: { 200: AwardRoundDetail, ...errors, ...conflict },
      },
    },
    async (request) => s.update(request.ctx, request.params.id, request.body, lang(request.headers['accept-language'])),
  );
  r.put(
    '/api/award-rounds/:id/scores/:communityId',
    {
      config: { policy: 'awards.write' },
      schema: {
        tags,
        summary: '录入社区考评得分 / Enter a community’s inspection score',
        description: '409 when the round is approved (scores are frozen) or the version is stale.',
        params: AwardScoreParams,
        body: SetAwardScoreRequest,
        response: { 200: AwardLine, ...errors, ...conflict },
      },
    },
    async (request) => s.setScore(request.ctx, request.params.id, request.params.communityId, request.body, lang(request.headers['accept-language'])),
  );
  r.post(
    '/api/award-rounds/:id/approve',
    {
      config: { policy: 'awards.approve' },
      schema: {
        tags,
        summary: '审批奖补方案 / Approve a round (freezes the amounts)',
        params: IdParams,
        body: ApproveAwardRoundRequest,
        response: { 200: AwardRoundDetail, ...errors, ...conflict },
      },
    },
    async (request) => s.approve(request.ctx, request.params.id, request.body.version, lang(request.headers['accept-language'])),
  );
  r.post(
    '/api/award-rounds/:id/payments',
    {
      config: { policy: 'awards.manage' },
      schema: {
        tags,
        summary: '登记奖补资金拨付 / Record a payment (also enters the 以奖代补 allocation in the funding ledger)',
        params: IdParams,
        body: RecordAwardPaymentRequest,
        response: { 201: AwardRoundDetail, ...errors, ...conflict },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await s.recordPayment(request.ctx, request.params.id, request.body, lang(request.headers['accept-language']))),
  );
  r.get(
    '/api/award-rounds/:id/export',
    {
      config: { policy: 'awards.read' },
      schema: {
        tags,
        summary: '导出奖补分配表 (.xlsx) / Export the distribution',
        params: IdParams,
        querystring: AwardExportQuery,
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), ...errors },
      },
    },
    async (request, reply) => {
      const { buffer, rows, year } = await s.export(
        actorOf(request.ctx),
        request.params.id,
        lang(request.headers['accept-language']),
        request.query.communityId,
      );
      return sendXlsx(reply, { filename: `${year}年度以奖代补分配表.xlsx`, fallback: `awards-${year}.xlsx`, rows }, buffer);
    },
  );
}
