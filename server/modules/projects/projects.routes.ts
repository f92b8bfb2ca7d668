import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams, Ok } from '../../../shared/contracts/common';
import {
  AddMilestoneRequest,
  CompleteMilestoneRequest,
  CreateProjectRequest,
  DeleteProjectQuery,
  MilestoneParams,
  ProjectDetail,
  ProjectsExportQuery,
  ProjectsPage,
  ProjectsQuery,
  UpdateProjectRequest,
} from '../../../shared/contracts/projects';
import { actorOf } from '../../lib/context';
import type { ProjectsService } from './projects.service';
import { sendXlsx, XLSX } from '../../lib/xlsx';

/** Construction and renovation projects of community premises: list, export, detail, edits, milestones. */
export async function projectsRoutes(app: FastifyInstance, opts: { projects: ProjectsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = opts.projects;
  const tags = ['projects'];
  const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  r.get(
    '/api/projects',
    {
      config: { policy: 'fourhaves.read' },
      schema: {
        tags,
        summary: '社区用房建设项目 / Construction and renovation projects',
        description: 'Filtered by name, community, kind, state and late milestones; each with its budget, allocations, spending, balance and gap.',
        querystring: ProjectsQuery,
        response: { 200: ProjectsPage, ...errors },
      },
    },
    async (request) => s.list(actorOf(request.ctx), request.query),
  );
  r.get(
    '/api/projects/export',
    {
      config: { policy: 'fourhaves.read' },
      schema: {
        tags,
        summary: '导出建设项目 (.xlsx) / Export the projects',
        querystring: ProjectsExportQuery,
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), ...errors },
      },
    },
    async (request, reply) => {
      const { buffer, rows } = await s.export(actorOf(request.ctx), request.query);
      return sendXlsx(reply, { filename: '社区用房建设项目.xlsx', fallback: 'projects.xlsx', rows }, buffer);
    },
  );
  r.get(
    '/api/projects/:id',
    {
      config: { policy: 'fourhaves.read' },
      schema: {
        tags,
        summary: '建设项目详情 / One project with milestones and funding by source',
        params: IdParams,
        response: { 200: ProjectDetail, ...errors },
      },
    },
    async (request) => s.get(actorOf(request.ctx), request.params.id),
  );
  r.post(
    '/api/projects',
    {
      config: { policy: 'fourhaves.write' },
      schema: { tags, summary: '登记建设项目 / Register a project', body: CreateProjectRequest, response: { 201: ProjectDetail, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await s.create(request.ctx, request.body)),
  );
  r.patch(
    '/api/projects/:id',
    {
      config: { policy: 'fourhaves.write' },
      schema: {
        tags,
        summary: '修改建设项目（含状态、进度） / Edit a project (state and progress included)',
        params: IdParams,
        body: UpdateProjectRequest,
        response: { 200: ProjectDetail, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => s.update(request.ctx, request.params.id, request.body),
  );
  r.delete(
    '/api/projects/:id',
    {
      config: { policy: 'fourhaves.write' },
      schema: {
        tags,
        summary: '删除计划中的建设项目 / Delete a planned project',
        description: 'Only a planned project without funding entries; the others are cancelled instead. 409 on a stale version.',
        params: IdParams,
        querystring: DeleteProjectQuery,
        response: { 200: Ok, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => s.remove(request.ctx, request.params.id, request.query.version),
  );
  r.post(
    '/api/projects/:id/milestones',
    {
      config: { policy: 'fourhaves.write' },
      schema: {
        tags,
        summary: '添加项目节点 / Add a milestone',
        params: IdParams,
        body: AddMilestoneRequest,
        response: { 201: ProjectDetail, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await s.addMilestone(request.ctx, request.params.id, request.body)),
  );
  r.post(
    '/api/projects/:id/milestones/:milestoneId/complete',
    {
      config: { policy: 'fourhaves.write' },
      schema: {
        tags,
        summary: '节点完成 / Mark a milestone done',
        description: 'The progress follows the share of milestones done (unless reported higher); a planned project becomes under way.',
        params: MilestoneParams,
        body: CompleteMilestoneRequest,
        response: { 200: ProjectDetail, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => s.completeMilestone(request.ctx, request.params.id, request.params.milestoneId, request.body),
  );
}
