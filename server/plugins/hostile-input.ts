import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { validationError } from '../lib/errors';

// NUL cannot be stored in PostgreSQL text; a lone surrogate is not valid UTF-8. Both are refused up front.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (or key) holding a character no text column can store, or null. */
export function findBadText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return BAD.test(value) ? path.join('.') || 'body' : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (BAD.test(k)) return [...path, '(key)'].join('.');
    const found = findBadText(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Refuses NUL bytes and lone surrogates in the query, params and JSON body with a 400 naming the field. */
export const hostileInputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    for (const part of [request.params, request.query, request.body]) {
      const path = findBadText(part);
      if (path)
        throw validationError([
          { path, code: 'invalid_characters', message: '包含无法保存的字符（如空字符）', messageEn: 'contains characters that cannot be stored (such as NUL)' },
        ]);
    }
  });
});
