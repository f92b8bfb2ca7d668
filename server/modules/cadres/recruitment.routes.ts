import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnswerObjectionRequest,
  CreateApplicationRequest,
  CreateObjectionRequest,
  CreatePostingRequest,
  DecideOutcomeRequest,
  EnterScoresRequest,
  OverrideEligibilityRequest,
  PostingDetail,
  PostingsList,
  PostingsQuery,
  StartNoticeRequest,
  UpdatePostingRequest,
  WithdrawPostingRequest,
} from '../../../shared/contracts/cadres';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import { actorOf } from '../../lib/context';
import type { RecruitmentService } from './recruitment.service';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Recruitment of cadres: postings, applications, eligibility, scores, ranking, public notice, appointment. */
export async function recruitmentRoutes(app: FastifyInstance, opts: { recruitment: RecruitmentService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { recruitment } = opts;
  const tags = ['cadres'];

  r.get(
    '/api/cadre-postings',
    {
      config: { policy: 'cadres.read' },
      schema: { tags, summary: '招聘公告 / Recruitment postings', querystring: PostingsQuery, response: { 200: PostingsList } },
    },
    async (request) => recruitment.list(actorOf(request.ctx), request.query),
  );
  r.post(
    '/api/cadre-postings',
    {
      config: { policy: 'cadres.write' },
      schema: { tags, summary: '发布招聘公告 / Open a posting', body: CreatePostingRequest, response: { 201: PostingDetail, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await recruitment.create(request.ctx, request.body)),
  );
  r.get(
    '/api/cadre-postings/:id',
    {
      config: { policy: 'cadres.read', personalRead: true },
      schema: {
        tags,
        summary: '招聘详情：报名、资格、成绩、排名、公示 / A posting with applicants, ranking and notice',
        params: IdParams,
        response: { 200: PostingDetail, 404: ErrorResponse },
      },
    },
    async (request) => recruitment.get(actorOf(request.ctx), request.params.id),
  );
  r.patch(
    '/api/cadre-postings/:id',
    {
      config: { policy: 'cadres.write' },
      schema: {
        tags,
        summary: '修改招聘公告（尚无成绩时） / Edit a posting (before any score)',
        params: IdParams,
        body: UpdatePostingRequest,
        response: { 200: PostingDetail, ...errors },
      },
    },
    async (request) => recruitment.update(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/cadre-postings/:id/withdraw',
    {
      config: { policy: 'cadres.write' },
      schema: {
        tags,
        summary: '撤回招聘公告 / Withdraw a posting',
        params: IdParams,
        body: WithdrawPostingRequest,
        response: { 200: PostingDetail, ...errors },
      },
    },
    async (request) => recruitment.withdraw(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/cadre-postings/:id/applications',
    {
      config: { policy: 'cadres.write' },
      schema: {
        tags,
        summary: '登记报名 / Record an application',
        params: IdParams,
        body: CreateApplicationRequest,
        response: { 201: PostingDetail, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await recruitment.apply(request.ctx, request.params.id, request.body)),
  );
  r.post(
    '/api/cadre-postings/:id/eligibility',
    {
      config: { policy: 'cadres.write' },
      schema: { tags, summary: '资格审查 / Check eligibility', params: IdParams, response: { 200: PostingDetail, ...errors } },
    },
    async (request) => recruitment.checkEligibility(request.ctx, request.params.id),
  );
  r.put(
    '/api/cadre-postings/:id/scores',
    {
      config: { policy: 'cadres.write' },
      schema: { tags, summary: '登记笔试或面试成绩 / Enter scores', params: IdParams, body: EnterScoresRequest, response: { 200: PostingDetail, ...errors } },
    },
    async (request) => recruitment.enterScores(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/cadre-postings/:id/notice',
    {
      config: { policy: 'cadres.write' },
      schema: {
        tags,
        summary: '结果公示 / Put the results on notice',
        params: IdParams,
        body: StartNoticeRequest,
        response: { 200: PostingDetail, ...errors },
      },
    },
    async (request) => recruitment.startNotice(request.ctx, request.params.id, request.body),
  );
  r.post(
    '/api/cadre-postings/:id/objections',
    {
      config: { policy: 'cadres.write' },
      schema: {
        tags,
        summary: '登记公示期异议 / Record an objection',
        params: IdParams,
        body: CreateObjectionRequest,
        response: { 201: PostingDetail, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await recruitment.addObjection(request.ctx, request.params.id, request.body)),
  );
  r.put(
    '/api/cadre-posting-objections/:id/answer',
    {
      config: { policy: 'cadres.write' },
      schema: { tags, summary: '答复异议 / Answer an objection', params: IdParams, body: AnswerObjectionRequest, response: { 200: PostingDetail, ...errors } },
    },
    async (request) => recruitment.answerObjection(request.ctx, request.params.id, request.body),
  );
  r.put(
    '/api/cadre-applications/:id/eligibility',
    {
      config: { policy: 'cadres.write' },
      schema: {
        tags,
        summary: '人工认定资格 / Override the eligibility check',
        params: IdParams,
        body: OverrideEligibilityRequest,
        response: { 200: PostingDetail, ...errors },
      },
    },
    async (request) => recruitment.overrideEligibility(request.ctx, request.params.id, request.body),
  );
  r.put(
    '/api/cadre-applications/:id/outcome',
    {
      config: { policy: 'cadres.write' },
      schema: {
        tags,
        summary: '公示期满：聘任或提名为候选人 / Appoint, or enter into the election',
        params: IdParams,
        body: DecideOutcomeRequest,
        response: { 200: PostingDetail, ...errors },
      },
    },
    async (request) => recruitment.decide(request.ctx, request.params.id, request.body),
  );
}
