import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse, IdParams } from '../../../shared/contracts/common';
import { FileOwnObjectionRequest, MyElections } from '../../../shared/contracts/elections';
import { MyHousehold, MyResident } from '../../../shared/contracts/me';
import type { ElectionsService } from '../elections/elections.service';
import type { ResidentsService } from '../residents/residents.service';
import { actorOf } from '../../lib/context';
import { z } from 'zod';

/**
 * A resident's own record, household and elections. No route takes a resident id: each resolves the
 * account's self scope (ResidentsService.selfScope: the resident it is linked to, their household and
 * community) and the services serve only what that scope covers, so a resident can never name another one.
 */
export async function selfRoutes(app: FastifyInstance, opts: { residents: ResidentsService; elections: ElectionsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['self'];
  const config = { policy: 'self.read' as const };
  r.get(
    '/api/me/resident',
    { config, schema: { tags, summary: '我的信息 / My record', response: { 200: MyResident, 403: ErrorResponse, 404: ErrorResponse } } },
    async (request) => opts.residents.own(await opts.residents.selfScope(actorOf(request.ctx))),
  );
  r.get(
    '/api/me/household',
    { config, schema: { tags, summary: '我的家庭 / My household', response: { 200: MyHousehold, 403: ErrorResponse, 404: ErrorResponse } } },
    async (request) => opts.residents.ownHousehold(await opts.residents.selfScope(actorOf(request.ctx), 'household')),
  );
  r.get(
    '/api/me/elections',
    {
      config,
      schema: {
        tags,
        summary: '我的选举：本社区公布的选民名单与我的异议 / My elections: the published rolls of my community and my objections',
        response: { 200: MyElections, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request.ctx);
      return opts.elections.ownElections(actor, await opts.residents.selfScope(actor));
    },
  );
  r.post(
    '/api/me/elections/:id/objections',
    {
      config: { policy: 'self.object' },
      schema: {
        tags,
        summary: '本人提出选民名单异议（异议期内） / Object to the voter roll about myself, within the window',
        params: IdParams,
        body: FileOwnObjectionRequest,
        response: { 201: z.object({ id: z.uuid() }), 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const self = await opts.residents.selfScope(actorOf(request.ctx));
      return reply.status(201).send(await opts.elections.fileOwnObjection(request.ctx, self, request.params.id, request.body));
    },
  );
}
