import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors';
import { errorsPlugin } from './errors';

describe('error handler', () => {
  it('keeps a library’s message (an AppError’s cause) out of the answer and writes it to the request log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = Fastify({ logger: { level: 'warn', stream } });
    await app.register(errorsPlugin);
    app.get('/refuse', async () => {
      const err = new AppError('IMPORT_UNSAFE_FILE', { reason: 'unreadable workbook' }, { reason: 'unreadable workbook' });
      err.cause = new Error('2:302: undefined entity.');
      throw err;
    });
    const res = await app.inject({ method: 'GET', url: '/refuse' });
    await app.close();
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_UNSAFE_FILE', details: { reason: 'unreadable workbook' } });
    expect(res.body).not.toContain('undefined entity');
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; code?: string; cause?: string; reqId?: string });
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'request refused', code: 'IMPORT_UNSAFE_FILE', cause: '2:302: undefined entity.' }));
    expect(logged.find((l) => l.msg === 'request refused')?.reqId).toBeDefined();
  });
});
