import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import {
  BoundariesQuery,
  CreateRegionRequest,
  FeatureCollection,
  RegionDetail,
  RegionTreeResponse,
  UpdateRegionRequest,
} from '../../../shared/contracts/regions';
import type { RegionRow } from './regions.repository';
import type { RegionsService } from './regions.service';
import { actorOf } from '../../lib/context';

const detail = (r: RegionRow) => ({
  id: r.id,
  parentId: r.parentId,
  level: r.level,
  code: r.code,
  name: r.name,
  nameEn: r.nameEn,
  boundary: r.boundary ?? null,
  version: r.version,
});

export async function regionsRoutes(app: FastifyInstance, opts: { regions: RegionsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { regions } = opts;
  const tags = ['regions'];

  r.get(
    '/api/regions/tree',
    {
      config: { policy: 'regions.read' },
      schema: { tags, summary: '区域树（本人管辖范围） / Region tree within scope', response: { 200: RegionTreeResponse, 403: ErrorResponse } },
    },
    async (request) => ({ roots: await regions.treeFor(actorOf(request.ctx)) }),
  );

  r.get(
    '/api/regions/boundaries',
    {
      config: { policy: 'regions.read' },
      schema: { tags, summary: '区域边界 GeoJSON / Boundaries', querystring: BoundariesQuery, response: { 200: FeatureCollection } },
    },
    async (request) => regions.boundaries(actorOf(request.ctx), request.query.level),
  );

  r.get(
    '/api/regions/:id',
    {
      config: { policy: 'regions.read' },
      schema: { tags, summary: '区域详情 / Region', params: IdParams, response: { 200: RegionDetail, 404: ErrorResponse } },
    },
    async (request) => detail(await regions.get(actorOf(request.ctx), request.params.id)),
  );

  r.post(
    '/api/regions',
    {
      config: { policy: 'regions.manage' },
      schema: {
        tags,
        summary: '新建下级区域 / Create region',
        body: CreateRegionRequest,
        response: { 201: RegionDetail, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(detail(await regions.create(request.ctx, request.body))),
  );

  r.patch(
    '/api/regions/:id',
    {
      config: { policy: 'regions.manage' },
      schema: { tags, summary: '修改区域 / Update region', params: IdParams, body: UpdateRegionRequest, response: { 200: RegionDetail, 409: ErrorResponse } },
    },
    async (request) => detail(await regions.update(request.ctx, request.params.id, request.body)),
  );
}
