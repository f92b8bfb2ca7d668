import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IdParams, Ok } from '../../../shared/contracts/common';
import {
  AddVoterRequest,
  AnswerObjectionRequest,
  FileObjectionRequest,
  ObjectionParams,
  ProposeRecallRequest,
  RecallParams,
  RecordRecallVoteRequest,
  UpdateElectionRequest,
  WithdrawElectionRequest,
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
  VOTERS_EXPORT_VIEWS,
  TallyResult,
  VotersPage,
  VotersQuery,
} from '../../../shared/contracts/elections';
import { LAW_VERSIONS } from '../../../shared/domain/election-law';
import { RECALL_REASON_CODES } from '../../../shared/domain/election-recall';
import type { ElectionsService } from './elections.service';
import { actorOf } from '../../lib/context';
import { sendXlsx, XLSX } from '../../lib/xlsx';

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
        querystring: z.object({ view: z.enum(VOTERS_EXPORT_VIEWS).default('all') }),
        response: { 200: z.unknown().describe(`${XLSX} (binary)`), 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await elections.exportVoters(request.ctx, request.params.id, request.query.view);
      return sendXlsx(reply, { filename: result.filename, fallback: 'voters.xlsx', rows: result.rows }, result.buffer);
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
  r.patch(
    '/api/elections/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改换届选举（计票前；按读取时的版本） / Edit an election before its count, at the version read',
        params: IdParams,
        body: UpdateElectionRequest,
        response: { 200: ElectionDetail, ...changeErrors },
      },
    },
    async (request) => elections.update(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/elections/:id/withdraw',
    {
      config: write,
      schema: {
        tags,
        summary: '撤销换届选举（计票前，附理由） / Withdraw an election before its count, with the reason',
        params: IdParams,
        body: WithdrawElectionRequest,
        response: { 200: ElectionDetail, ...changeErrors },
      },
    },
    async (request) => elections.withdraw(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/elections/:id/objections',
    {
      config: write,
      schema: {
        tags,
        summary: '登记选民名单异议（异议期内） / File an objection to the voter roll, within the objection window',
        params: IdParams,
        body: FileObjectionRequest,
        response: { 201: z.object({ id: z.uuid() }), ...changeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await elections.fileObjection(request.ctx, request.params.id, request.body)),
  );
  r.post(
    '/api/elections/:id/objections/:objectionId/answer',
    {
      config: write,
      schema: {
        tags,
        summary: '答复选民名单异议（成立时更正名单） / Answer an objection; an upheld one corrects the roll',
        params: ObjectionParams,
        body: AnswerObjectionRequest,
        response: { 200: Ok, ...changeErrors },
      },
    },
    async (request) => elections.answerObjection(request.ctx, request.params.id, request.params.objectionId, request.body),
  );
  r.post(
    '/api/elections/:id/recalls',
    {
      config: write,
      schema: {
        tags,
        summary: '登记罢免提议（五分之一以上选民联名） / Record a recall proposal (at least 1/5 of the voters)',
        params: IdParams,
        body: ProposeRecallRequest,
        response: { 201: z.object({ id: z.uuid() }), ...changeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await elections.proposeRecall(request.ctx, request.params.id, request.body)),
  );
  r.post(
    '/api/elections/:id/recalls/:recallId/result',
    {
      config: write,
      schema: {
        tags,
        summary: '录入罢免投票结果（双过半） / Record the recall vote (double majority)',
        params: RecallParams,
        body: RecordRecallVoteRequest,
        response: {
          200: z.object({
            valid: z.boolean(),
            passed: z.boolean(),
            status: z.enum(['passed', 'failed', 'void']),
            reasons: z.array(z.object({ code: z.enum(RECALL_REASON_CODES), zh: z.string(), en: z.string() })),
          }),
          ...changeErrors,
        },
      },
    },
    async (request) => elections.recordRecallVote(request.ctx, request.params.id, request.params.recallId, request.body),
  );
}
