import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment, XLSX } from '../../lib/xlsx';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import {
  ImportTargetsResponse,
  ImportAccepted,
  ImportJobsList,
  ImportJobView,
  ImportMappingProposal,
  ImportResidentsQuery,
  ImportUploadFields,
} from '../../../shared/contracts/imports';
import { AppError, validationError } from '../../lib/errors';
import type { ImportsService } from './imports.service';
import { buildTemplate } from './imports.workbook';
import { actorOf } from '../../lib/context';

/** A binary download (the schema documents it; the bytes bypass serialisation). */
const Xlsx = z.any().describe('.xlsx file');

/**
 * Resident imports. Multipart is registered here only, with the upload limits, so no other route
 * accepts files.
 */
export async function importsRoutes(app: FastifyInstance, opts: { imports: ImportsService; maxBytes: number }) {
  const { imports, maxBytes } = opts;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 8, parts: 12, fieldSize: 16 * 1024 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];
  const policy = 'residents.import' as const;
  const tooLarge = () =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      { limitBytes: maxBytes },
      { limit: maxBytes >= 1024 * 1024 ? `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(maxBytes / 1024)} KB` },
    );

  // Imports left by an earlier run whose runner job will not run again are failed with their progress.
  // (Running imports are stopped by the job runner's stop, which main.ts calls on close.)
  app.addHook('onReady', async () => {
    await imports.failOrphans().catch(() => undefined);
  });

  r.get(
    '/api/imports/targets',
    {
      config: { policy },
      schema: { tags, summary: '可导入的社区与网格 / Communities and grids to import into', response: { 200: ImportTargetsResponse, 403: ErrorResponse } },
    },
    async (request) => ({ items: await imports.targets(actorOf(request.ctx)) }),
  );

  r.get(
    '/api/imports/template',
    { config: { policy }, schema: { tags, summary: '下载居民导入模板 / Download the residents import template', response: { 200: Xlsx } } },
    async (_request, reply) => {
      const data = await buildTemplate();
      return reply.header('content-type', XLSX).header('content-disposition', attachment('居民信息导入模板.xlsx')).send(data);
    },
  );

  r.post(
    '/api/imports/residents',
    {
      config: { policy },
      schema: {
        tags,
        summary: '上传居民表格（.xlsx/.csv，字段 file）/ Upload residents (.xlsx or .csv, multipart field "file")',
        description: [
          'Multipart fields: file, and optionally communityId (or the query parameter), mapping, saveMapping, preview, defaultGridId (see ImportUploadFields).',
          'The header is found by itself (title rows, 填报 lines and grouped headers are skipped) and its columns are mapped by name.',
          '202 ImportAccepted: every column was recognised (or a saved mapping or `mapping` applied); poll GET /api/imports/{id}.',
          '200 ImportMappingProposal (status "mapping_required"): a column is unknown, guessed or repeated, or a required field is missing — nothing was imported;',
          're-send the file with `mapping` = JSON {column key: field | "ignore"} or `mapping=auto` to take the guess, and `saveMapping=true` to keep it for this layout.',
        ].join(' '),
        querystring: ImportResidentsQuery,
        response: { 200: ImportMappingProposal, 202: ImportAccepted, 400: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { expected: 'multipart/form-data' });
      let data: Buffer | undefined;
      let fileName = 'upload';
      const fields: Record<string, string> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || data) {
              await part.toBuffer().catch(() => undefined);
              continue;
            }
            data = await part.toBuffer();
            if (part.file.truncated) throw tooLarge();
            fileName = part.filename || 'upload';
          } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        }
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'FST_FILES_LIMIT')
          throw validationError([{ path: 'file', code: 'one_file', message: '一次只能上传一个文件', messageEn: 'Upload one file at a time' }]);
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PART_FIELD_SIZE_LIMIT' || code === 'FST_FIELD_SIZE_LIMIT')
          throw validationError([{ path: 'mapping', code: 'too_big', message: '表单字段过多或过长', messageEn: 'Too many or too long form fields' }]);
        throw err;
      }
      if (!data)
        throw validationError([
          { path: 'file', code: 'required', message: '请选择要上传的文件（字段 file）', messageEn: 'The multipart field "file" is required' },
        ]);
      const form = ImportUploadFields.safeParse(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')));
      if (!form.success) {
        const i = form.error.issues[0];
        const field = String(i.path[0] ?? 'form');
        throw validationError([{ path: field, code: 'invalid_format', message: `${field} 格式不正确`, messageEn: `${field} is invalid` }]);
      }
      const communityId = request.query.communityId ?? form.data.communityId;
      const result = await imports.startResidents(request.ctx, {
        communityId,
        fileName,
        data,
        mapping: form.data.mapping,
        saveMapping: form.data.saveMapping === 'true',
        preview: form.data.preview === 'true',
        defaultGridId: form.data.defaultGridId,
      });
      if ('status' in result) return reply.status(200).send(result);
      return reply.status(202).send(result);
    },
  );

  r.get(
    '/api/imports',
    { config: { policy }, schema: { tags, summary: '最近的导入任务 / Recent imports', response: { 200: ImportJobsList } } },
    async (request) => ({
      items: await imports.recent(actorOf(request.ctx)),
    }),
  );

  r.get(
    '/api/imports/:id',
    {
      config: { policy },
      schema: { tags, summary: '导入进度与结果 / Import progress and result', params: IdParams, response: { 200: ImportJobView, 404: ErrorResponse } },
    },
    async (request) => imports.detail(actorOf(request.ctx), request.params.id),
  );

  r.get(
    '/api/imports/:id/report',
    {
      config: { policy },
      schema: {
        tags,
        summary: '下载错误报告（原列 + 错误）/ Download the row report',
        params: IdParams,
        response: { 200: Xlsx, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { fileName, data } = await imports.report(request.ctx, request.params.id);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(fileName)).header('cache-control', 'no-store').send(data);
    },
  );
}
