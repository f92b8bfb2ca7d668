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
 * A resident's own record, household and elections. No route takes a resident id: the record is the one
 * the account is linked to (actor.residentId), so a resident can never name another one.
 */
export async function selfRoutes(app: FastifyInstance, opts: { residents: ResidentsService; elections: ElectionsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['self'];
  const config = { policy: 'self.read' as const };
  r.get(
    '/api/me/resident',
    { config, schema: { tags, summary: '我的信息 / My record', response: { 200: MyResident, 403: ErrorResponse, 404: ErrorResponse } } },
    async (request) => opts.residents.own(actorOf(request.ctx)),
  );
  r.get(
    '/api/me/household',
    { config, schema: { tags, summary: '我的家庭 / My household', response: { 200: MyHousehold, 403: ErrorResponse, 404: ErrorResponse } } },
    async (request) => opts.residents.ownHousehold(actorOf(request.ctx)),
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
    async (request) => opts.elections.ownElections(actorOf(request.ctx)),
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
    async (request, reply) => reply.status(201).send(await opts.elections.fileOwnObjection(request.ctx, request.params.id, request.body)),
  );
}
