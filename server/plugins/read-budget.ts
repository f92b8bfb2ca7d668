import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';
import type { ProcessGroup } from '../lib/process-group';
import type { AuditService } from '../modules/audit/audit.service';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads personal data (resident lists and details, household and building pages, exports): it counts towards PERSONAL_READ_BUDGET. */
    personalRead?: boolean;
  }
}

/**
 * A per-user budget of reads of personal data (issue 11 item 11): at most `budget` requests an hour to the
 * routes marked `personalRead`. Beyond it the request gets 429 PERSONAL_READ_BUDGET, and the first refusal
 * of the hour writes a `security.alert` audit entry, which the security administrator lists
 * (GET /api/security/alerts). The rate limits per minute stop a fast script; this stops a slow harvest
 * by a stolen session or an insider. Counted across the server processes (ProcessGroup), like the rate limits.
 */
export const readBudgetPlugin = fp(async (app: FastifyInstance, opts: { budget: number; audit: AuditService; group: ProcessGroup }) => {
  const reads = opts.group.window('personal-reads');
  const alerted = opts.group.window('personal-reads-alerted');
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.routeOptions.config?.personalRead || !request.actor) return;
    const userId = request.actor.userId;
    if (await reads.take(userId, opts.budget)) return;
    const minutes = await reads.minutesUntilFree(userId);
    // The first refusal of the hour, in whichever process it happens, writes the alert.
    if ((await alerted.add(userId)) === 1) {
      await opts.audit.record(request.ctx, {
        action: 'security.alert',
        objectType: 'user',
        objectId: userId,
        outcome: 'denied',
        details: { reason: 'personal_read_budget', budget: opts.budget, route: `${request.method} ${request.routeOptions.url ?? ''}` },
      });
    }
    throw new AppError('PERSONAL_READ_BUDGET', { limit: opts.budget }, { limit: opts.budget, minutes });
  });
});
