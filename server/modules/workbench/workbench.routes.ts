import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/contracts/common';
import { WorkbenchResponse } from '../../../shared/contracts/workbench';
import type { WorkbenchService } from './workbench.service';

/** The 工作台 of the signed-in user. */
export async function workbenchRoutes(app: FastifyInstance, opts: { workbench: WorkbenchService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/workbench',
    {
      // Every signed-in user has a 工作台; each module's hook decides what the actor's permissions and scope show.
      config: { policy: 'authenticated' },
      schema: {
        tags: ['workbench'],
        summary: '工作台：数字、待办、最近、快捷入口 / Workbench: numbers, to-dos, recent records, shortcuts',
        response: { 200: WorkbenchResponse, 401: ErrorResponse },
      },
    },
    async (request) => opts.workbench.forActor(request.ctx, (module, err) => request.log.error({ err, module }, 'workbench contribution failed; left out')),
  );
}
