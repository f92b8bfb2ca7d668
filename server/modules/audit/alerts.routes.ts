import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage } from '../../../shared/contracts/audit';
import { ErrorResponse, PageQuery } from '../../../shared/contracts/common';
import type { AuditService } from './audit.service';

/**
 * The security administrator's list of security alerts (`security.alert` audit entries: a user over the
 * personal-read budget, look-ups locked by misses or used up), newest first.
 */
export async function alertsRoutes(app: FastifyInstance, opts: { audit: AuditService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/security/alerts',
    {
      config: { policy: 'security.manage' },
      schema: { tags: ['audit'], summary: '安全告警 / Security alerts', querystring: PageQuery, response: { 200: AuditPage, 403: ErrorResponse } },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return opts.audit.list({ action: 'security.alert' }, pageSize, (page - 1) * pageSize);
    },
  );
}
