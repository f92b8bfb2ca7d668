import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddTrainingRequest,
  AnalyticsQuery,
  CadreAnalytics,
  CadreDetail,
  CadreSettingsView,
  UpdateCadreSettingsRequest,
  CadresPage,
  CadresQuery,
  CreateCadreRequest,
  StaffingReport,
  TrainingDueList,
  UpdateCadreRequest,
} from '../../../shared/contracts/cadres';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import type { CadresService } from './cadres.service';
import { actorOf } from '../../lib/context';

/** Community cadres: profiles, training, insurance, staffing against the standard, analytics. */
export async function cadresRoutes(app: FastifyInstance, opts: { cadres: CadresService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { cadres } = opts;
  const tags = ['cadres'];

  r.get(
    '/api/cadres',
    {
      config: { policy: 'cadres.read', personalRead: true },
      schema: { tags, summary: '社区干部名册 / Community cadres', querystring: CadresQuery, response: { 200: CadresPage } },
    },
    async (request) => cadres.list(actorOf(request.ctx), request.query),
  );
  r.get(
    '/api/cadres/staffing',
    {
      config: { policy: 'cadres.read' },
      schema: { tags, summary: '各社区配备与缺编 / Staffing against the standard', response: { 200: StaffingReport } },
    },
    async (request) => cadres.staffing(actorOf(request.ctx)),
  );
  r.get(
    '/api/cadres/training-due',
    {
      config: { policy: 'cadres.read' },
      schema: { tags, summary: '培训到期与逾期 / Training due and overdue', response: { 200: TrainingDueList } },
    },
    async (request) => cadres.trainingDue(actorOf(request.ctx)),
  );
  r.get(
    '/api/cadres/analytics',
    {
      config: { policy: 'cadres.read' },
      schema: { tags, summary: '干部队伍结构 / Team profile', querystring: AnalyticsQuery, response: { 200: CadreAnalytics, 404: ErrorResponse } },
    },
    async (request) => cadres.analytics(actorOf(request.ctx), request.query.communityId),
  );
  r.get(
    '/api/cadres/settings',
    {
      config: { policy: 'cadres.read' },
      schema: { tags, summary: '配备标准与培训周期 / Staffing standard and training cadence', response: { 200: CadreSettingsView } },
    },
    async () => cadres.settings(),
  );
  r.put(
    '/api/cadres/settings',
    {
      config: { policy: 'cadres.configure' },
      schema: {
        tags,
        summary: '修改配备标准与培训周期 / Change the standard and cadence',
        body: UpdateCadreSettingsRequest,
        response: { 200: CadreSettingsView, 400: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => cadres.updateSettings(request.ctx, request.body),
  );
  r.get(
    '/api/cadres/:id',
    {
      config: { policy: 'cadres.read', personalRead: true },
      schema: { tags, summary: '干部详情（含培训记录） / A cadre with training records', params: IdParams, response: { 200: CadreDetail, 404: ErrorResponse } },
    },
    async (request) => cadres.get(actorOf(request.ctx), request.params.id),
  );
  r.post(
    '/api/cadres',
    {
      config: { policy: 'cadres.write' },
      schema: {
        tags,
        summary: '登记社区干部 / Record a cadre',
        body: CreateCadreRequest,
        response: { 201: CadreDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await cadres.create(request.ctx, request.body)),
  );
  r.patch(
    '/api/cadres/:id',
    {
      config: { policy: 'cadres.write' },
      schema: {
        tags,
        summary: '修改干部信息或离任 / Update a cadre, or record leaving',
        params: IdParams,
        body: UpdateCadreRequest,
        response: { 200: CadreDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => cadres.update(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/cadres/:id/trainings',
    {
      config: { policy: 'cadres.write' },
      schema: {
        tags,
        summary: '记录培训 / Record a training',
        params: IdParams,
        body: AddTrainingRequest,
        response: { 201: CadreDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await cadres.addTraining(request.ctx, request.params.id, request.body)),
  );
}
