import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/contracts/common';
import { MoveBuildingRequest, MoveGridRequest, RedivisionHistory, RedivisionHistoryQuery, RedivisionResult } from '../../../shared/contracts/redivision';
import type { RedivisionService } from './redivision.service';
import { actorOf } from '../../lib/context';

export async function redivisionRoutes(app: FastifyInstance, opts: { redivision: RedivisionService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { redivision } = opts;
  const tags = ['redivision'];
  const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

  r.post(
    '/api/redivision/move-grid',
    {
      config: { policy: 'regions.redivide' },
      schema: { tags, summary: '网格调整至其他社区 / Move a grid to another community', body: MoveGridRequest, response: { 200: RedivisionResult, ...errors } },
    },
    async (request) => redivision.moveGrid(request.ctx, request.body),
  );
  r.post(
    '/api/redivision/move-building',
    {
      config: { policy: 'regions.redivide' },
      schema: {
        tags,
        summary: '楼栋调整至其他网格 / Move a building to another grid',
        body: MoveBuildingRequest,
        response: { 200: RedivisionResult, ...errors },
      },
    },
    async (request) => redivision.moveBuilding(request.ctx, request.body),
  );
  r.get(
    '/api/redivision/history',
    {
      config: { policy: 'regions.read' },
      schema: {
        tags,
        summary: '区划调整记录 / Re-division history',
        querystring: RedivisionHistoryQuery,
        response: { 200: RedivisionHistory, 404: ErrorResponse },
      },
    },
    async (request) => redivision.history(actorOf(request.ctx), request.query),
  );
}
