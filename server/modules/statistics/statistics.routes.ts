import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import { CommunityStatsResponse, OverviewQuery, OverviewResponse } from '../../../shared/contracts/statistics';
import type { StatisticsService } from './statistics.service';
import { actorOf } from '../../lib/context';
import { sendXlsx, XLSX } from '../../lib/xlsx';
import { z } from 'zod';

export async function statisticsRoutes(app: FastifyInstance, opts: { statistics: StatisticsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { statistics } = opts;
  const tags = ['statistics'];
  const config = { policy: 'stats.read' as const };

  r.get(
    '/api/statistics/overview',
    {
      config,
      schema: {
        tags,
        summary: '人口统计总览 / Registry overview',
        querystring: OverviewQuery,
        response: { 200: OverviewResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => statistics.overview(actorOf(request.ctx), request.query.regionId),
  );
  r.get(
    '/api/statistics/export',
    {
      config,
      schema: {
        tags,
        summary: '导出人口统计 (.xlsx) / Export the overview by community',
        description: `The overview's table by community with totals and the date (截至). Responds with ${XLSX}.`,
        querystring: OverviewQuery,
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const file = await statistics.exportXlsx(actorOf(request.ctx), request.query.regionId);
      return sendXlsx(reply, file, file.stream);
    },
  );
  r.get(
    '/api/statistics/communities/:id',
    { config, schema: { tags, summary: '社区统计 / Community numbers', params: IdParams, response: { 200: CommunityStatsResponse, 404: ErrorResponse } } },
    async (request) => statistics.community(actorOf(request.ctx), request.params.id),
  );
}
