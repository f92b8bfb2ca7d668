import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { redactQuery } from './lib/log';
import type { Database } from './db/client';
import { pickLang } from './lib/i18n';
import { singleProcess, type ProcessGroup } from './lib/process-group';
import { authPlugin } from './plugins/auth';
import { errorsPlugin, sendError } from './plugins/errors';
import { hostileInputPlugin } from './plugins/hostile-input';
import { readBudgetPlugin } from './plugins/read-budget';
import { registerOpenApi } from './plugins/openapi';
import { createServices, type Services } from './services';
import { MODULES } from './modules';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    database: Database;
    /** Every route registered, for the policy walker test and the authorization matrix. */
    routeTable: { method: string; url: string; policy: string | undefined }[];
  }
}

/** The API's version in the OpenAPI document. */
const APP_VERSION = '0.1.0';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** Builds the HTTP application on an open, migrated database. Listening is main.ts's job. */
export async function buildApp(config: Config, database: Database, group: ProcessGroup = singleProcess()): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'body.password'],
            // Search texts can be ID numbers, names or phones: the log keeps the path and hides query values.
            serializers: { req: (req: FastifyRequest) => ({ method: req.method, url: redactQuery(req.url), host: req.host, remoteAddress: req.ip }) },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Errors the router raises before any route runs (bad URL encoding, over-long parameters) get the same shape.
    frameworkErrors: (error, request, reply) => {
      sendError(reply, pickLang(request.headers['accept-language']), 'BAD_REQUEST', [{ path: 'url', code: error.code, message: error.message }]);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = createServices(database, config, group);
  app.decorate('services', services);
  app.decorate('database', database);
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    // Static files and the API documentation come from plugins and are public by design.
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) route.config = { ...route.config, policy: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, policy: route.config?.policy });
  });

  await app.register(errorsPlugin);
  await app.register(hostileInputPlugin);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd and ECharts set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only makes sense behind HTTPS, which a reverse proxy terminates.
    hsts: false,
  });
  // API answers carry personal data: no browser or proxy may keep a copy. Routes that set their own
  // Cache-Control (downloads) keep it; the API documentation's static files are public and may be cached.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  // Several server processes count each limit together (the primary holds the counters).
  await app.register(rateLimit, { global: false, ...(group.rateLimitStore ? { store: group.rateLimitStore } : {}) });
  await registerOpenApi(app, APP_VERSION);
  await app.register(authPlugin, { auth: services.auth, audit: services.audit });
  await app.register(readBudgetPlugin, { budget: config.personalReadBudget, audit: services.audit, group });

  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());

  for (const module of MODULES) await module.routes?.(app, { services, config, database, modules: MODULES });

  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api/') && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      // Client-side routes: the SPA decides (its own 404 page included).
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, pickLang(request.headers['accept-language']), 'ROUTE_NOT_FOUND', { method: request.method, url: request.url.split('?')[0] });
  });

  return app;
}
