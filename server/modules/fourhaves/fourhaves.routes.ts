import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams, Ok } from '../../../shared/contracts/common';
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
  PremisesFilesList,
  PremisesFileView,
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
import { AppError, validationError } from '../../lib/errors';
import { pickLang } from '../../lib/i18n';
import type { FourHavesService } from './fourhaves.service';
import { actorOf } from '../../lib/context';
import { attachment, sendXlsx, XLSX } from '../../lib/xlsx';

export async function fourHavesRoutes(app: FastifyInstance, opts: { fourHaves: FourHavesService; maxFileBytes: number }) {
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
    async (request) => s.status(actorOf(request.ctx), lang(request.headers['accept-language']), request.query.year),
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
    async (request) => s.detail(actorOf(request.ctx), request.params.id, lang(request.headers['accept-language']), request.query.year),
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
      schema: {
        tags,
        summary: '修改四有标准 / Change the standards',
        description:
          'Only the fields sent change. premisesTiers (the developer-premises tier table) must ascend, the last tier open-ended (maxFloorAreaM2 null), every area positive; 400 names the field (premisesTiers.<i>.<field>). The housing projects are judged against it at once.',
        body: UpdateStandardsRequest,
        response: { 200: FourHavesStandardsSchema, ...errors },
      },
    },
    async (request) => s.updateStandards(request.ctx, request.body),
  );

  r.get(
    '/api/premises',
    {
      config: { policy: 'fourhaves.read' },
      schema: { tags, summary: '社区用房 / Premises', querystring: PremisesQuery, response: { 200: PremisesList, ...errors } },
    },
    async (request) => s.listPremises(actorOf(request.ctx), request.query.communityId),
  );
  r.get(
    '/api/premises/:id',
    {
      config: { policy: 'fourhaves.read' },
      schema: { tags, summary: '社区用房详情 / One premises', params: IdParams, response: { 200: PremisesView, ...errors } },
    },
    async (request) => s.getPremises(actorOf(request.ctx), request.params.id),
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
    async (request) => s.listHousingProjects(actorOf(request.ctx), lang(request.headers['accept-language']), request.query.communityId),
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
    async (request) => s.listRules(actorOf(request.ctx), request.query.communityId),
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
    async (request) => s.ledger(actorOf(request.ctx), request.query),
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
      const { buffer, rows } = await s.exportLedger(actorOf(request.ctx), request.query);
      return sendXlsx(reply, { filename: '社区经费台账.xlsx', fallback: 'funding.xlsx', rows }, buffer);
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

  // Photos and documents of premises. Multipart is registered in this child context only, with its own
  // limit, so no other four-haves route accepts files.
  await app.register(async (files) => {
    await files.register(multipart, { limits: { fileSize: opts.maxFileBytes, files: 1, fields: 4, parts: 6, fieldSize: 1024 } });
    const f = files.withTypeProvider<ZodTypeProvider>();
    const limit = opts.maxFileBytes;
    const shown = limit >= 1024 * 1024 ? `${Math.round((limit / 1024 / 1024) * 10) / 10} MB` : `${Math.round(limit / 1024)} KB`;
    // 413 naming the field, in the caller's language (the handler translates validation details only).
    const tooLarge = (l: string | undefined) =>
      new AppError(
        'PAYLOAD_TOO_LARGE',
        [
          lang(l) === 'en'
            ? { path: 'file', code: 'too_large', message: `The file (field "file") is larger than ${shown}` }
            : { path: 'file', code: 'too_large', message: `文件（字段 file）超过 ${shown}` },
        ],
        { limit: shown },
      );

    f.get(
      '/api/premises/:id/files',
      {
        config: { policy: 'fourhaves.read' },
        schema: { tags, summary: '用房照片与文件 / Photos and documents of premises', params: IdParams, response: { 200: PremisesFilesList, ...errors } },
      },
      async (request) => ({ items: await s.listFiles(actorOf(request.ctx), request.params.id), maxBytes: limit }),
    );
    f.post(
      '/api/premises/:id/files',
      {
        config: { policy: 'fourhaves.write' },
        schema: {
          tags,
          summary: '上传用房照片或文件（字段 file）/ Upload a photo or document of premises (multipart field "file")',
          description:
            'JPEG, PNG, PDF, DOCX or XLSX, recognised by content (the name and the declared type are not trusted): 400 naming `file` otherwise; 413 above PREMISES_FILE_MAX_BYTES.',
          params: IdParams,
          response: { 201: PremisesFileView, ...errors, 413: ErrorResponse, 415: ErrorResponse },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { expected: 'multipart/form-data' });
        let data: Buffer | undefined;
        let fileName = 'file';
        try {
          for await (const part of request.parts()) {
            if (part.type !== 'file') continue;
            if (part.fieldname !== 'file' || data) {
              await part.toBuffer().catch(() => undefined);
              continue;
            }
            data = await part.toBuffer();
            if (part.file.truncated) throw tooLarge(request.headers['accept-language']);
            fileName = part.filename || 'file';
          }
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(request.headers['accept-language']);
          if (code === 'FST_FILES_LIMIT')
            throw validationError([{ path: 'file', code: 'one_file', message: '一次只能上传一个文件', messageEn: 'Upload one file at a time' }]);
          if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PART_FIELD_SIZE_LIMIT' || code === 'FST_FIELD_SIZE_LIMIT')
            throw validationError([{ path: 'file', code: 'too_big', message: '表单字段过多或过长', messageEn: 'Too many or too long form fields' }]);
          throw err;
        }
        if (!data)
          throw validationError([
            { path: 'file', code: 'required', message: '请选择要上传的文件（字段 file）', messageEn: 'The multipart field "file" is required' },
          ]);
        return reply.status(201).send(await s.uploadFile(request.ctx, request.params.id, { fileName, data }));
      },
    );
    f.get(
      '/api/premises-files/:id',
      {
        config: { policy: 'fourhaves.read' },
        schema: {
          tags,
          summary: '下载用房照片或文件 / Download a photo or document of premises',
          description: 'The bytes, with the type recognised at upload and an attachment filename.',
          params: IdParams,
          response: { 200: z.unknown().describe('image/jpeg, image/png, application/pdf, .docx or .xlsx (binary)'), ...errors },
        },
      },
      async (request, reply) => {
        const file = await s.downloadFile(actorOf(request.ctx), request.params.id);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', attachment(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );
    f.delete(
      '/api/premises-files/:id',
      {
        config: { policy: 'fourhaves.write' },
        schema: { tags, summary: '删除用房照片或文件 / Delete a photo or document of premises', params: IdParams, response: { 200: Ok, ...errors } },
      },
      async (request) => s.deleteFile(request.ctx, request.params.id),
    );
  });
}
