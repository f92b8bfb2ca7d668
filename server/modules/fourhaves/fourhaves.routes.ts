import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import {
  AwardPreviewRequest,
  AwardPreviewResponse,
  CreateFundingEntryRequest,
  CreateHousingProjectRequest,
  CreatePremisesRequest,
  CreateRuleRequest,
  FourHavesDetail,
  FourHavesQuery,
  FourHavesResponse,
  FourHavesStandardsSchema,
  FundingEntryView,
  FundingLedger,
  FundingQuery,
  HousingProjectsList,
  HousingProjectView,
  PremisesList,
  PremisesQuery,
  PremisesView,
  RulesList,
  RulesQuery,
  RuleView,
  SetStaffingRequest,
  StaffingView,
  UpdateHousingProjectRequest,
  UpdatePremisesRequest,
  UpdateStandardsRequest,
} from '../../../shared/contracts/fourhaves';
import { pickLang } from '../../lib/i18n';
import type { FourHavesService } from './fourhaves.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function fourHavesRoutes(app: FastifyInstance, opts: { fourHaves: FourHavesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = opts.fourHaves;
  const tags = ['four-haves'];
  const lang = (h: string | undefined) => pickLang(h);
  const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.post(
    '/api/awards/preview',
    {
      config: { policy: 'fourhaves.read' },
      schema: {
        tags,
        summary: '以奖代补分配预览 / Preview the 以奖代补 distribution',
        description:
          'Communities below floorScore get 0; the others share the pot in proportion to their scores, nobody above maxShare of the pot (the excess goes to the others). Amounts in yuan with two decimals always add up to the pot (largest-remainder rounding, fen by fen; ties: higher score, then id). 400 names the field on nonsense.',
        body: AwardPreviewRequest,
        response: { 200: AwardPreviewResponse, ...errors },
      },
    },
    async (request) => s.preview(request.body, lang(request.headers['accept-language'])),
  );

  r.get(
    '/api/four-haves',
    {
      config: { policy: 'fourhaves.read' },
      schema: { tags, summary: '四有达标情况 / The four haves per community', querystring: FourHavesQuery, response: { 200: FourHavesResponse, ...errors } },
    },
    async (request) => s.status(request.actor!, lang(request.headers['accept-language']), request.query.year),
  );
  r.get(
    '/api/four-haves/communities/:id',
    {
      config: { policy: 'fourhaves.read' },
      schema: {
        tags,
        summary: '社区四有明细 / One community’s four haves with the records behind them',
        params: IdParams,
        querystring: FourHavesQuery,
        response: { 200: FourHavesDetail, ...errors },
      },
    },
    async (request) => s.detail(request.actor!, request.params.id, lang(request.headers['accept-language']), request.query.year),
  );
  r.put(
    '/api/four-haves/communities/:id/staffing',
    {
      config: { policy: 'fourhaves.write' },
      schema: {
        tags,
        summary: '登记社区人员配备 / Record a community’s head-count',
        params: IdParams,
        body: SetStaffingRequest,
        response: { 200: StaffingView, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => s.setStaffing(request.ctx, request.params.id, request.body),
  );
  r.get(
    '/api/four-haves/standards',
    {
      config: { policy: 'fourhaves.read' },
      schema: { tags, summary: '四有标准 / The standards', response: { 200: FourHavesStandardsSchema, ...errors } },
    },
    async () => s.standards(),
  );
  r.patch(
    '/api/four-haves/standards',
    {
      config: { policy: 'fourhaves.settings' },
      schema: { tags, summary: '修改四有标准 / Change the standards', body: UpdateStandardsRequest, response: { 200: FourHavesStandardsSchema, ...errors } },
    },
    async (request) => s.updateStandards(request.ctx, request.body),
  );

  r.get(
    '/api/premises',
    {
      config: { policy: 'fourhaves.read' },
      schema: { tags, summary: '社区用房 / Premises', querystring: PremisesQuery, response: { 200: PremisesList, ...errors } },
    },
    async (request) => s.listPremises(request.actor!, request.query.communityId),
  );
  r.get(
    '/api/premises/:id',
    {
      config: { policy: 'fourhaves.read' },
      schema: { tags, summary: '社区用房详情 / One premises', params: IdParams, response: { 200: PremisesView, ...errors } },
    },
    async (request) => s.getPremises(request.actor!, request.params.id),
  );
  r.post(
    '/api/premises',
    {
      config: { policy: 'fourhaves.write' },
      schema: { tags, summary: '登记社区用房 / Record premises', body: CreatePremisesRequest, response: { 201: PremisesView, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await s.createPremises(request.ctx, request.body)),
  );
  r.patch(
    '/api/premises/:id',
    {
      config: { policy: 'fourhaves.write' },
      schema: {
        tags,
        summary: '修改社区用房（含移交投入使用） / Edit premises (hand-over included)',
        params: IdParams,
        body: UpdatePremisesRequest,
        response: { 200: PremisesView, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => s.updatePremises(request.ctx, request.params.id, request.body),
  );

  r.get(
    '/api/housing-projects',
    {
      config: { policy: 'fourhaves.read' },
      schema: {
        tags,
        summary: '开发商配建社区用房项目 / Housing projects with developer-provided premises',
        description: 'Each with the premises the tier table requires and the alert (red) when a stage has passed without them in the plan.',
        querystring: PremisesQuery,
        response: { 200: HousingProjectsList, ...errors },
      },
    },
    async (request) => s.listHousingProjects(request.actor!, lang(request.headers['accept-language']), request.query.communityId),
  );
  r.post(
    '/api/housing-projects',
    {
      config: { policy: 'fourhaves.write' },
      schema: {
        tags,
        summary: '登记住宅项目 / Register a housing project',
        body: CreateHousingProjectRequest,
        response: { 201: HousingProjectView, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await s.createHousingProject(request.ctx, request.body, lang(request.headers['accept-language']))),
  );
  r.patch(
    '/api/housing-projects/:id',
    {
      config: { policy: 'fourhaves.write' },
      schema: {
        tags,
        summary: '修改住宅项目（阶段日期、配建面积） / Edit a housing project',
        params: IdParams,
        body: UpdateHousingProjectRequest,
        response: { 200: HousingProjectView, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => s.updateHousingProject(request.ctx, request.params.id, request.body, lang(request.headers['accept-language'])),
  );

  r.get(
    '/api/community-rules',
    {
      config: { policy: 'fourhaves.read' },
      schema: { tags, summary: '社区制度 / Rules', querystring: RulesQuery, response: { 200: RulesList, ...errors } },
    },
    async (request) => s.listRules(request.actor!, request.query.communityId),
  );
  r.post(
    '/api/community-rules',
    {
      config: { policy: 'fourhaves.write' },
      schema: { tags, summary: '登记社区制度 / Register a rule', body: CreateRuleRequest, response: { 201: RuleView, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await s.createRule(request.ctx, request.body)),
  );

  r.get(
    '/api/funding',
    {
      config: { policy: 'fourhaves.read' },
      schema: { tags, summary: '经费台账 / Funding ledger', querystring: FundingQuery, response: { 200: FundingLedger, ...errors } },
    },
    async (request) => s.ledger(request.actor!, request.query),
  );
  r.get(
    '/api/funding/export',
    {
      config: { policy: 'fourhaves.read' },
      schema: {
        tags,
        summary: '导出经费台账 (.xlsx) / Export the funding ledger',
        querystring: FundingQuery,
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), ...errors },
      },
    },
    async (request, reply) => {
      const { buffer, rows } = await s.exportLedger(request.actor!, request.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="funding.xlsx"; filename*=UTF-8''${encodeURIComponent('社区经费台账.xlsx')}`)
        .header('cache-control', 'no-store')
        .header('x-row-count', String(rows))
        .send(buffer);
    },
  );
  r.post(
    '/api/funding',
    {
      config: { policy: 'funding.write' },
      schema: {
        tags,
        summary: '登记预算、到位资金或支出 / Record a budget, an allocation or a spending',
        body: CreateFundingEntryRequest,
        response: { 201: FundingEntryView, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await s.createFunding(request.ctx, request.body)),
  );
}
