import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';
import { SlidingWindow } from '../lib/rate-limit';
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
 * by a stolen session or an insider. Counted in the process's memory, like the rate limits.
 */
export const readBudgetPlugin = fp(async (app: FastifyInstance, opts: { budget: number; audit: AuditService }) => {
  const reads = new SlidingWindow();
  const alerted = new SlidingWindow();
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.routeOptions.config?.personalRead || !request.actor) return;
    const userId = request.actor.userId;
    if (reads.count(userId) < opts.budget) {
      reads.add(userId);
      return;
    }
    const minutes = reads.minutesUntilFree(userId);
    if (alerted.count(userId) === 0) {
      alerted.add(userId);
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
