import type { FastifyRequest } from 'fastify';

/**
 * Route-level rate limit per signed-in user (per address before sign-in), for the routes that read many
 * residents at once: a stolen session or a script cannot page through the city faster than a person
 * would (ASVS 11.1.4). Runs after the session is resolved (the auth plugin's hook is global).
 */
export function perUserPerMinute(max: number) {
  return { max, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.actor?.userId ?? request.ip };
}
