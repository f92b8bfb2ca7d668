import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import { ImportAccepted, ImportJobsList, ImportJobView, ImportResidentsQuery } from '../../../shared/contracts/imports';
import { AppError, validationError } from '../../lib/errors';
import type { ImportsService } from './imports.service';
import { buildTemplate } from './imports.workbook';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A binary download (the schema documents it; the bytes bypass serialisation). */
const Xlsx = z.any().describe('.xlsx file');

/** RFC 5987 filename for Chinese names, with an ASCII fallback. */
function attachment(fileName: string) {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Resident imports. Multipart is registered here only, with the upload limits, so no other route
 * accepts files.
 */
export async function importsRoutes(app: FastifyInstance, opts: { imports: ImportsService; maxBytes: number }) {
  const { imports, maxBytes } = opts;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 10, fieldSize: 1024 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];
  const policy = 'residents.import' as const;
  const tooLarge = () =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      { limitBytes: maxBytes },
      { limit: maxBytes >= 1024 * 1024 ? `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(maxBytes / 1024)} KB` },
    );

  app.addHook('onReady', async () => {
    await imports.failStale().catch(() => undefined);
  });
  app.addHook('onClose', async () => {
    await imports.drain(true);
  });

  r.get(
    '/api/imports/template',
    { config: { policy }, schema: { tags, summary: '下载居民导入模板 / Download the residents import template', response: { 200: Xlsx } } },
    async (_request, reply) => {
      const data = await buildTemplate();
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('居民信息导入模板.xlsx')).send(data);
    },
  );

  r.post(
    '/api/imports/residents',
    {
      config: { policy },
      schema: {
        tags,
        summary: '上传居民表格（.xlsx/.csv，字段 file）/ Upload residents (.xlsx or .csv, multipart field "file")',
        description:
          'The default community is the query parameter communityId, or a form field communityId sent before the file. Answers 202 with the job id; poll GET /api/imports/{id}.',
        querystring: ImportResidentsQuery,
        response: { 202: ImportAccepted, 400: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { expected: 'multipart/form-data' });
      let part;
      try {
        part = await request.file();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_FILES_LIMIT')
          throw validationError([{ path: 'file', code: 'one_file', message: '一次只能上传一个文件', messageEn: 'Upload one file at a time' }]);
        throw err;
      }
      if (!part || part.fieldname !== 'file')
        throw validationError([
          { path: 'file', code: 'required', message: '请选择要上传的文件（字段 file）', messageEn: 'The multipart field "file" is required' },
        ]);
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw err;
      }
      if (part.file.truncated) throw tooLarge();
      const field = part.fields.communityId as { value?: unknown } | undefined;
      const fromForm = typeof field?.value === 'string' && field.value ? field.value : undefined;
      const communityId = request.query.communityId ?? fromForm;
      if (communityId !== undefined && !z.uuid().safeParse(communityId).success) {
        throw validationError([{ path: 'communityId', code: 'invalid_format', message: 'communityId 格式不正确', messageEn: 'communityId must be a UUID' }]);
      }
      const accepted = await imports.startResidents(request.ctx, { communityId, fileName: part.filename || 'upload', data });
      return reply.status(202).send(accepted);
    },
  );

  r.get(
    '/api/imports',
    { config: { policy }, schema: { tags, summary: '最近的导入任务 / Recent imports', response: { 200: ImportJobsList } } },
    async (request) => ({
      items: await imports.recent(request.actor!),
    }),
  );

  r.get(
    '/api/imports/:id',
    {
      config: { policy },
      schema: { tags, summary: '导入进度与结果 / Import progress and result', params: IdParams, response: { 200: ImportJobView, 404: ErrorResponse } },
    },
    async (request) => imports.detail(request.actor!, request.params.id),
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
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(fileName)).header('cache-control', 'no-store').send(data);
    },
  );
}
