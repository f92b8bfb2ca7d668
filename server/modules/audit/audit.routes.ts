import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, AuditVerifyResponse } from '../../../shared/contracts/audit';
import { ErrorResponse } from '../../../shared/contracts/common';
import type { AuditService } from './audit.service';

export async function auditRoutes(app: FastifyInstance, opts: { audit: AuditService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { audit } = opts;

  r.get(
    '/api/audit',
    {
      config: { policy: 'audit.read' },
      schema: { tags: ['audit'], summary: '审计日志 / Audit log', querystring: AuditQuery, response: { 200: AuditPage, 403: ErrorResponse } },
    },
    async (request) => {
      const { page, pageSize, from, to, ...filter } = request.query;
      return audit.list({ ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined }, pageSize, (page - 1) * pageSize);
    },
  );

  r.get(
    '/api/audit/verify',
    {
      config: { policy: 'audit.verify' },
      schema: { tags: ['audit'], summary: '校验审计链 / Verify the hash chain', response: { 200: AuditVerifyResponse, 403: ErrorResponse } },
    },
    async (request) => {
      const verdict = await audit.verify();
      await audit.record(request.ctx, { action: 'audit.verify', outcome: verdict.ok ? 'success' : 'failure', details: { checked: verdict.checked } });
      return verdict;
    },
  );
}
