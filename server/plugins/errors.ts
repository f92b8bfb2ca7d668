import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_MESSAGES, formatMessage, type ErrorCode } from '../../shared/errors';
import { AppError, type FieldIssue } from '../lib/errors';
import { pickLang, type Lang } from '../lib/i18n';

/** Describes one zod issue in both languages. Custom messages are written "中文 | English". */
export function describeIssue(code: string, params: Record<string, unknown>, message: string): { zh: string; en: string } {
  if (code === 'custom' || (message && message.includes(' | '))) {
    const [zh, en] = message.split(' | ');
    return { zh, en: en ?? zh };
  }
  switch (code) {
    case 'invalid_type':
      return params.input === undefined ? { zh: '必填', en: 'is required' } : { zh: `类型应为 ${params.expected}`, en: `should be ${params.expected}` };
    case 'too_small':
      return params.origin === 'string'
        ? { zh: `至少 ${params.minimum} 个字符`, en: `must have at least ${params.minimum} characters` }
        : { zh: `不能小于 ${params.minimum}`, en: `must be at least ${params.minimum}` };
    case 'too_big':
      return params.origin === 'string'
        ? { zh: `最多 ${params.maximum} 个字符`, en: `must have at most ${params.maximum} characters` }
        : { zh: `不能大于 ${params.maximum}`, en: `must be at most ${params.maximum}` };
    case 'invalid_format':
      return { zh: `格式不正确（${params.format}）`, en: `has an invalid format (${params.format})` };
    case 'invalid_value':
      return {
        zh: `取值无效，可选：${(params.values as unknown[] | undefined)?.join('、') ?? ''}`,
        en: `must be one of: ${(params.values as unknown[] | undefined)?.join(', ') ?? ''}`,
      };
    case 'unrecognized_keys':
      return {
        zh: `不允许的字段：${(params.keys as string[] | undefined)?.join('、')}`,
        en: `unknown fields: ${(params.keys as string[] | undefined)?.join(', ')}`,
      };
    default:
      return { zh: '无效', en: message || 'is invalid' };
  }
}

/**
 * A field issue's message in one language: `messageEn` when given, else the "中文 | English" halves of
 * `message` (the form zod refinements use), so a user never sees both languages joined.
 */
export function inLang(issue: Pick<FieldIssue, 'message' | 'messageEn'>, lang: Lang): string {
  const [zh, en] = issue.message.includes(' | ') ? issue.message.split(' | ') : [issue.message, undefined];
  return lang === 'en' ? (issue.messageEn ?? en ?? zh!) : zh!;
}

/** Sends a coded error in the given language. */
export function sendError(reply: FastifyReply, lang: Lang, code: ErrorCode, details?: unknown, params: Record<string, unknown> = {}) {
  const entry = ERROR_MESSAGES[code];
  return reply.status(entry.status).send({ error: { code, message: formatMessage(entry[lang], params), details } });
}

/** Turns every error into `{ error: { code, message, details } }` in the caller's language; internals never leak. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = pickLang(request.headers['accept-language']);
    if (err instanceof AppError) {
      // A library's own message (a parser's position, an archive's fault) is for the server log, not the caller.
      if (err.cause !== undefined)
        request.log.warn({ code: err.code, cause: err.cause instanceof Error ? err.cause.message : String(err.cause) }, 'request refused');
      let details = err.details;
      if (err.code === 'VALIDATION_FAILED' && Array.isArray(details)) {
        details = (details as FieldIssue[]).map((d) => ({ path: d.path, code: d.code, message: inLang(d, lang) }));
      }
      return sendError(reply, lang, err.code, details, err.params);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (err.validationContext ?? 'body');
        const text = describeIssue(v.keyword, v.params as Record<string, unknown>, v.message ?? '');
        return { path, in: err.validationContext, code: v.keyword, message: lang === 'en' ? `${path} ${text.en}` : `${path}：${text.zh}` };
      });
      return sendError(reply, lang, 'VALIDATION_FAILED', issues, { fields: issues.map((i) => i.path).join(', ') });
    }
    // Values the database cannot take (out-of-range numbers, untranslatable characters) are the caller's error.
    const pgCode = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (pgCode === '22003' || pgCode === '22021' || pgCode === '22P05' || pgCode === '22P02') {
      return sendError(reply, lang, 'BAD_REQUEST', [
        { path: 'body', code: `db_${pgCode}`, message: lang === 'en' ? 'a value is out of range or malformed' : '某个值超出范围或格式不正确' },
      ]);
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT' || status === 413) {
      return sendError(reply, lang, 'PAYLOAD_TOO_LARGE', undefined, { limit: `${Math.round((app.initialConfig.bodyLimit ?? 0) / 1024 / 1024) || '?'} MB` });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return sendError(reply, lang, 'UNSUPPORTED_MEDIA_TYPE');
    if (status === 429) return sendError(reply, lang, 'RATE_LIMITED');
    if (status >= 400 && status < 500) {
      return sendError(reply, lang, 'BAD_REQUEST', [{ path: err.validationContext ?? 'body', code: err.code, message: err.message }]);
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, lang, 'INTERNAL');
  });
});
