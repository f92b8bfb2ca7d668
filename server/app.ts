import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { redactQuery } from './lib/log';
import type { Database } from './db/client';
import { pickLang } from './lib/i18n';
import { authPlugin } from './plugins/auth';
import { errorsPlugin, sendError } from './plugins/errors';
import { hostileInputPlugin } from './plugins/hostile-input';
import { readBudgetPlugin } from './plugins/read-budget';
import { createServices, type Services } from './services';
import { accountsRoutes } from './modules/accounts/accounts.routes';
import { alertsRoutes } from './modules/audit/alerts.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { healthRoutes } from './modules/health/health.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { regionsRoutes } from './modules/regions/regions.routes';
import { residentsRoutes } from './modules/residents/residents.routes';
import { careRoutes } from './modules/care/care.routes';
import { buildingsRoutes } from './modules/buildings/buildings.routes';
import { householdsRoutes } from './modules/households/households.routes';
import { statisticsRoutes } from './modules/statistics/statistics.routes';
import { redivisionRoutes } from './modules/redivision/redivision.routes';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    database: Database;
    /** Every route registered, for the policy walker test and the authorization matrix. */
    routeTable: { method: string; url: string; policy: string | undefined }[];
  }
}

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** Builds the HTTP application on an open, migrated database. Listening is main.ts's job. */
export async function buildApp(config: Config, database: Database): Promise<FastifyInstance> {
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

  const services = createServices(database, config);
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
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Shequ API / 社区综合服务平台接口',
        version: '0.1.0',
        description: 'Errors: { error: { code, message, details } }. State-changing requests need the x-csrf-token header from /api/auth/login.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'shequ_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  await app.register(authPlugin, { auth: services.auth, audit: services.audit });
  await app.register(readBudgetPlugin, { budget: config.personalReadBudget, audit: services.audit });

  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { database });
  await app.register(authRoutes, { auth: services.auth, config });
  await app.register(regionsRoutes, { regions: services.regions });
  await app.register(accountsRoutes, { accounts: services.accounts });
  await app.register(auditRoutes, { audit: services.audit });
  await app.register(alertsRoutes, { audit: services.audit });
  await app.register(importsRoutes, { imports: services.imports, maxBytes: config.upload.maxBytes });
  await app.register(residentsRoutes, { residents: services.residents, searchRateLimit: config.searchRateLimit });
  await app.register(careRoutes, { residents: services.residents, care: services.care });
  await app.register(buildingsRoutes, { buildings: services.buildings });
  await app.register(householdsRoutes, { households: services.households });
  await app.register(statisticsRoutes, { statistics: services.statistics });
  await app.register(redivisionRoutes, { redivision: services.redivision });

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
