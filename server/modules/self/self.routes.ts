import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/contracts/common';
import { MyHousehold, MyResident } from '../../../shared/contracts/me';
import type { ResidentsService } from '../residents/residents.service';
import { actorOf } from '../../lib/context';

/**
 * A resident's own record and household. No route takes an id: the record is the one the account is
 * linked to (actor.residentId), so a resident can never name another one.
 */
export async function selfRoutes(app: FastifyInstance, opts: { residents: ResidentsService }) {
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
}
