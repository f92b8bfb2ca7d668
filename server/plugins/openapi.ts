import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../shared/contracts/common';
import { RegionNode } from '../../shared/contracts/regions';

/**
 * The OpenAPI document at /api/openapi.json, shaped for the clients other systems generate from it
 * (openapi-typescript, Redocly's recommended rules; `openapi.test.ts` checks both): named components for
 * shared and recursive schemas, an operationId on every operation, the session cookie and the CSRF header
 * as security schemes, the 4xx answers each route can give, servers, licence and bilingual tags.
 */

// Schemas that clients should see by name. The region tree is recursive: without a component its $ref
// points into one response and cannot be resolved elsewhere.
z.globalRegistry.add(ErrorResponse, { id: 'ErrorResponse' });
z.globalRegistry.add(RegionNode, { id: 'RegionNode' });

/** Tags by the first path segment after /api, with Chinese and English descriptions. */
export const OPENAPI_TAGS: Record<string, string> = {
  health: '运行状态 / Health check',
  auth: '登录与会话 / Sign-in, sessions, password and second factor',
  accounts: '账户管理 / Accounts and grants',
  audit: '审计日志 / Audit log',
  regions: '区划与网格 / Regions and grids',
  imports: '数据导入 / Excel and CSV import',
  residents: '居民信息 / Residents',
  buildings: '楼栋 / Buildings',
  households: '家庭户 / Households',
  statistics: '统计报表 / Statistics',
  redivision: '区划调整 / Re-division of grids and buildings',
};

/**
 * Names that the path rule below would get wrong or make awkward. Everything else is derived, so a new
 * module's routes get stable names without registering anything; a route may also set `schema.operationId`.
 */
const OPERATION_IDS: Record<string, string> = {
  'POST /api/auth/login': 'signIn',
  'POST /api/auth/logout': 'signOut',
  'GET /api/auth/me': 'getSession',
  'POST /api/auth/password': 'changePassword',
  'POST /api/auth/totp/setup': 'setUpTotp',
  'POST /api/auth/totp/enable': 'enableTotp',
  'GET /api/health': 'getHealth',
  'GET /api/audit': 'listAuditEntries',
  'GET /api/audit/verify': 'verifyAuditChain',
  'GET /api/imports/template': 'getImportTemplate',
  'POST /api/imports/residents': 'importResidents',
  'GET /api/imports/{id}/report': 'getImportReport',
  'GET /api/regions/tree': 'getRegionTree',
  'GET /api/regions/boundaries': 'getRegionBoundaries',
  'GET /api/statistics/overview': 'getStatisticsOverview',
  'GET /api/statistics/communities/{id}': 'getCommunityStatistics',
  'GET /api/redivision/history': 'listRedivisions',
  'GET /api/residents/export': 'exportResidents',
  'POST /api/residents/export': 'createResidentsExport',
  'POST /api/awards/preview': 'previewAwards',
  'GET /api/four-haves': 'listFourHaves',
  'GET /api/four-haves/communities/{id}': 'getCommunityFourHaves',
  'PUT /api/four-haves/communities/{id}/staffing': 'setCommunityStaffing',
  'GET /api/four-haves/standards': 'getFourHavesStandards',
  'PATCH /api/four-haves/standards': 'updateFourHavesStandards',
  'GET /api/premises/{id}/files': 'listPremisesFiles',
  'POST /api/premises/{id}/files': 'uploadPremisesFile',
  'GET /api/premises-files/{id}': 'downloadPremisesFile',
  'DELETE /api/premises-files/{id}': 'deletePremisesFile',
  'GET /api/funding': 'listFundingEntries',
  'POST /api/funding': 'createFundingEntry',
  'GET /api/funding/export': 'exportFundingLedger',
  'GET /api/organisations/export': 'exportOrganisations',
  'GET /api/households/export': 'exportHouseholds',
  'GET /api/buildings/export': 'exportBuildings',
  'GET /api/statistics/export': 'exportStatistics',
  'GET /api/projects/export': 'exportProjects',
  'POST /api/projects/:id/milestones/:milestoneId/complete': 'completeProjectMilestone',
  // A resident's own elections: the derived names would collide with the staff's /api/elections routes.
  'GET /api/me/elections': 'listMyElections',
  'POST /api/me/elections/{id}/objections': 'createMyElectionObjection',
  'GET /api/cadres/settings': 'getCadreSettings',
  'PUT /api/cadres/settings': 'replaceCadreSettings',
};

const VERB_BY_METHOD: Record<string, string> = { GET: 'get', PATCH: 'update', PUT: 'replace', DELETE: 'delete', POST: 'create' };

const camel = (words: string[]) =>
  words
    .flatMap((w) => w.split(/[-_]/))
    .filter(Boolean)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
const singular = (word: string) =>
  word
    .replace(/ies$/, 'y')
    .replace(/(ss|x|ch|sh)es$/, '$1')
    .replace(/s$/, '');
const isParam = (segment: string) => segment.startsWith('{') || segment.startsWith(':');

/**
 * REST-shaped paths get verb-noun names: `GET /api/residents` listResidents, `POST /api/residents`
 * createResident, `GET|PATCH|DELETE /api/residents/{id}` getResident…, a sub-collection
 * `GET /api/residents/{id}/care-records` listResidentCareRecords, and a POST to a word after an id is an
 * action on that object: `POST /api/households/{id}/move-member` moveHouseholdMember, and one after a
 * collection an action of its own: `POST /api/redivision/move-grid` moveGrid.
 */
export function operationIdFor(method: string, url: string): string {
  const path = url.replace(/:(\w+)/g, '{$1}');
  const fixed = OPERATION_IDS[`${method} ${path}`];
  if (fixed) return fixed;
  const segments = path.split('/').filter((s) => s && s !== 'api');
  const last = segments[segments.length - 1]!;
  // Each word followed by an id names one object of that collection.
  const owners = segments.filter((s, i) => !isParam(s) && isParam(segments[i + 1] ?? '')).map(singular);
  if (isParam(last)) return camel([VERB_BY_METHOD[method] ?? method.toLowerCase(), ...owners]);
  // A POST to a word that is not a collection (plural) is an action: on the object before it, if any.
  if (method === 'POST' && !last.endsWith('s')) {
    const [verb, ...rest] = last.split('-');
    return camel([verb!, ...owners, ...rest]);
  }
  if (method === 'GET') return camel(['list', ...owners, last]);
  if (method === 'POST') return camel(['create', ...owners, singular(last)]);
  return camel([VERB_BY_METHOD[method] ?? method.toLowerCase(), ...owners, last]);
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type RouteConfig = { policy?: string; rateLimit?: unknown };

/** The 4xx answers a route can give, from what it declares: input, policy, id, method and rate limit. */
function errorResponses(method: string, url: string, schema: FastifySchema, config: RouteConfig) {
  const codes = new Set<number>();
  if (schema.body || schema.querystring || schema.params) codes.add(400);
  if (config.policy !== 'public') codes.add(401);
  if (config.policy !== 'public' && (config.policy !== 'authenticated' || STATE_CHANGING.has(method))) codes.add(403);
  if (url.includes(':') || url.includes('{')) codes.add(404);
  if (method === 'PATCH' || method === 'PUT' || (method === 'POST' && !url.includes(':'))) codes.add(409);
  if (config.rateLimit) codes.add(429);
  if (codes.size === 0) codes.add(400);
  return codes;
}

const jsonTransform = jsonSchemaTransform as (input: Record<string, unknown>) => { schema: FastifySchema; url: string };

/** Adds operationId, tags, security and the error answers to each route's schema, then converts zod. */
function transform(input: { schema: FastifySchema; url: string; route: RouteOptions } & Record<string, unknown>) {
  const { schema, url, route } = input;
  if (!schema || (schema as { hide?: boolean }).hide || !url.startsWith('/api/')) return jsonTransform(input);
  const method = String(Array.isArray(route.method) ? route.method[0] : route.method).toUpperCase();
  const config = (route.config ?? {}) as RouteConfig;
  const existing = (schema.response ?? {}) as Record<string, unknown>;
  const response: Record<string, unknown> = { ...existing };
  for (const code of errorResponses(method, url, schema, config)) response[code] ??= ErrorResponse;
  const security = config.policy === 'public' ? [] : STATE_CHANGING.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
  const tag = url.split('/')[2]!;
  const extra = schema as { operationId?: string; tags?: string[]; security?: unknown };
  return jsonTransform({
    ...input,
    schema: {
      ...schema,
      response,
      operationId: extra.operationId ?? operationIdFor(method, url),
      tags: extra.tags ?? [tag],
      security: extra.security ?? security,
    },
  });
}

type OpenApiObject = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>;

/**
 * Two clean-ups of what zod's converter emits: a nullable free-form value (`anyOf: [{}, {type: null}]`,
 * e.g. a stored GeoJSON geometry or audit details) becomes the empty schema, which already admits any JSON
 * value, null included; and the registry's input/output twins that no operation references are dropped.
 */
function tidy(doc: OpenApiObject): OpenApiObject {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    const anyOf = obj.anyOf as Record<string, unknown>[] | undefined;
    if (anyOf?.some((member) => Object.keys(member).length === 0)) {
      const { anyOf: _dropped, ...rest } = obj;
      return walk(rest);
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, walk(v)]));
  };
  const tidied = walk(doc) as OpenApiObject;
  const schemas = tidied.components?.schemas;
  if (schemas) {
    const text = JSON.stringify({ ...tidied, components: { ...tidied.components, schemas: {} } });
    const used = (name: string) => text.includes(`"#/components/schemas/${name}"`) || JSON.stringify(schemas).includes(`"#/components/schemas/${name}"`);
    for (const name of Object.keys(schemas)) if (!used(name)) delete schemas[name];
  }
  return tidied;
}

/** Registers the document generator and the browsable page (/api/docs); app.ts serves /api/openapi.json. */
export async function registerOpenApi(app: FastifyInstance, version: string) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shequ API / 社区综合服务平台接口',
        version,
        description:
          'Errors: `{ error: { code, message, details } }`, message in Chinese or English by Accept-Language. ' +
          'Sign in with POST /api/auth/login: the answer sets the session cookie and returns the CSRF token that ' +
          'every state-changing request sends as `x-csrf-token`.',
        license: { name: 'Proprietary — 社区 Shequ', identifier: 'LicenseRef-Shequ' },
      },
      servers: [{ url: '/', description: 'This Shequ server / 本服务器' }],
      tags: Object.entries(OPENAPI_TAGS).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'shequ_sid', description: '登录会话 / Session cookie from POST /api/auth/login' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'CSRF 令牌 / Token returned by sign-in and GET /api/auth/me' },
        },
      },
    },
    transform: transform as never,
    transformObject: (input) => tidy(jsonSchemaTransformObject(input) as OpenApiObject) as ReturnType<typeof jsonSchemaTransformObject>,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
}
