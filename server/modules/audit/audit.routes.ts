import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditExportQuery, AuditLabelsResponse, AuditPage, AuditQuery, AuditVerifyResponse } from '../../../shared/contracts/audit';
import { ErrorResponse } from '../../../shared/contracts/common';
import type { Services } from '../../services';
import { actionsMatching, type AuditCatalogue } from './audit.labels';
import type { AuditFilter } from './audit.repository';
import type { AuditNames, AuditService } from './audit.service';
import { sendXlsx, XLSX } from '../../lib/xlsx';

export async function auditRoutes(app: FastifyInstance, opts: { audit: AuditService; services: Services; catalogue: AuditCatalogue }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { audit, catalogue, services } = opts;
  const labels = {
    actions: catalogue.actions,
    objects: Object.fromEntries(Object.entries(catalogue.objects).map(([type, o]) => [type, o.label])),
  };
  const names: AuditNames = async (type, ids) => (await catalogue.objects[type]?.names?.(services, ids)) ?? new Map();
  const filterOf = (q: z.infer<typeof AuditExportQuery>): AuditFilter => {
    const { from, to, actionText, ...rest } = q;
    return {
      ...rest,
      actions: actionText ? actionsMatching(catalogue.actions, actionText) : undefined,
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
    };
  };

  r.get(
    '/api/audit',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志 / Audit log',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const { page, pageSize, ...q } = request.query;
      return audit.list(filterOf(q), pageSize, (page - 1) * pageSize, names);
    },
  );

  r.get(
    '/api/audit/labels',
    {
      // The security administrator's alerts and the audit administrator's log both show them; no data in them.
      config: { policy: 'authenticated' },
      schema: { tags: ['audit'], summary: '审计操作与对象的名称 / Labels of audit actions and objects', response: { 200: AuditLabelsResponse } },
    },
    async () => labels,
  );

  r.get(
    '/api/audit/export',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '导出审计日志 (.xlsx) / Export the audit log',
        description: `Same filters as GET /api/audit. Responds with ${XLSX}; the export is audited (audit.export).`,
        querystring: AuditExportQuery,
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await audit.exportXlsx(request.ctx, filterOf(request.query), labels, names);
      return sendXlsx(reply, { ...result, fallback: 'audit.xlsx' }, result.data);
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
