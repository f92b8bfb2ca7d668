import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams, Ok } from '../../../shared/contracts/common';
import {
  AddVoterRequest,
  Announcement,
  ComputeResultRequest,
  CreateElectionRequest,
  DeriveRollResponse,
  ElectionDetail,
  ElectionsPage,
  ElectionsQuery,
  EnterTallyRequest,
  LawVersions,
  NominateRequest,
  RemoveVoterRequest,
  RoundResult,
  TallyPreviewRequest,
  TallyResult,
  VotersPage,
  VotersQuery,
} from '../../../shared/contracts/elections';
import { LAW_VERSIONS } from '../../../shared/domain/election-law';
import type { ElectionsService } from './elections.service';
import { actorOf } from '../../lib/context';
import { XLSX } from '../../lib/xlsx';

export async function electionsRoutes(app: FastifyInstance, opts: { elections: ElectionsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { elections } = opts;
  const tags = ['elections'];
  const read = { policy: 'elections.read' as const };
  // The roll and the candidates name people: reads of personal data, counted by the budget.
  const readPersonal = { ...read, personalRead: true };
  const write = { policy: 'elections.write' as const };
  const changeErrors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

  r.post(
    '/api/elections/tally-preview',
    {
      config: read,
      schema: {
        tags,
        summary: '计票试算（双过半） / Tally preview: check a count by hand',
        body: TallyPreviewRequest,
        response: { 200: TallyResult, 400: ErrorResponse },
      },
    },
    async (request) => elections.preview(request.body),
  );
  r.get(
    '/api/elections/law-versions',
    { config: read, schema: { tags, summary: '居委会组织法版本及选举规则 / Law versions and election rules', response: { 200: LawVersions } } },
    async () => ({ items: [...LAW_VERSIONS] }),
  );
  r.get(
    '/api/elections',
    { config: read, schema: { tags, summary: '换届选举列表 / Elections', querystring: ElectionsQuery, response: { 200: ElectionsPage } } },
    async (request) => elections.list(actorOf(request.ctx), request.query),
  );
  r.post(
    '/api/elections',
    {
      config: write,
      schema: { tags, summary: '新建换届选举 / Create election', body: CreateElectionRequest, response: { 201: ElectionDetail, ...changeErrors } },
    },
    async (request, reply) => reply.status(201).send(await elections.create(request.ctx, request.body)),
  );
  r.get(
    '/api/elections/:id',
    {
      config: readPersonal,
      schema: {
        tags,
        summary: '选举详情（时间表、候选人、计票、结果） / Election with timeline, candidates, counts and results',
        params: IdParams,
        response: { 200: ElectionDetail, 404: ErrorResponse },
      },
    },
    async (request) => elections.get(actorOf(request.ctx), request.params.id),
  );
  r.post(
    '/api/elections/:id/derive-roll',
    {
      config: write,
      schema: { tags, summary: '从人口库生成选民名单 / Derive the voter roll', params: IdParams, response: { 200: DeriveRollResponse, ...changeErrors } },
    },
    async (request) => elections.deriveRoll(request.ctx, request.params.id),
  );
  r.get(
    '/api/elections/:id/voters',
    {
      config: readPersonal,
      schema: { tags, summary: '选民名单 / Voter roll', params: IdParams, querystring: VotersQuery, response: { 200: VotersPage, 404: ErrorResponse } },
    },
    async (request) => elections.voters(actorOf(request.ctx), request.params.id, request.query),
  );
  r.get(
    '/api/elections/:id/voters/export',
    {
      config: readPersonal,
      schema: {
        tags,
        summary: '导出选民名单（脱敏） (.xlsx) / Export the voter roll, masked',
        params: IdParams,
        querystring: z.object({ view: z.enum(['all', 'reps']).default('all') }),
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await elections.exportVoters(request.ctx, request.params.id, request.query.view);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="voters.xlsx"; filename*=UTF-8''${encodeURIComponent(result.filename)}`)
        .header('cache-control', 'no-store')
        .header('x-row-count', String(result.rows))
        .send(result.buffer);
    },
  );
  r.post(
    '/api/elections/:id/voters',
    {
      config: write,
      schema: { tags, summary: '补登选民（附理由） / Add a voter by hand', params: IdParams, body: AddVoterRequest, response: { 200: Ok, ...changeErrors } },
    },
    async (request) => elections.addVoter(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/elections/:id/voters/remove',
    {
      config: write,
      schema: {
        tags,
        summary: '移出选民（附理由） / Remove a voter by hand',
        params: IdParams,
        body: RemoveVoterRequest,
        response: { 200: Ok, ...changeErrors },
      },
    },
    async (request) => elections.removeVoter(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/elections/:id/candidates',
    {
      config: write,
      schema: {
        tags,
        summary: '提名候选人 / Nominate a candidate',
        params: IdParams,
        body: NominateRequest,
        response: { 201: z.object({ id: z.uuid() }), ...changeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await elections.nominate(request.ctx, request.params.id, request.body)),
  );
  r.post(
    '/api/elections/:id/tallies',
    {
      config: write,
      schema: {
        tags,
        summary: '录入投票站计票 / Enter a polling station count',
        params: IdParams,
        body: EnterTallyRequest,
        response: { 200: z.object({ id: z.uuid() }), ...changeErrors },
      },
    },
    async (request) => elections.enterTally(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/elections/:id/result',
    {
      config: write,
      schema: {
        tags,
        summary: '计算选举结果 / Compute the result',
        params: IdParams,
        body: ComputeResultRequest,
        response: { 200: RoundResult, ...changeErrors },
      },
    },
    async (request) => elections.computeResult(request.ctx, request.params.id, request.body.round),
  );
  r.get(
    '/api/elections/:id/announcement',
    {
      config: readPersonal,
      schema: { tags, summary: '选举结果公告 / Announcement', params: IdParams, response: { 200: Announcement, 404: ErrorResponse, 409: ErrorResponse } },
    },
    async (request) => elections.announcement(actorOf(request.ctx), request.params.id),
  );
}
