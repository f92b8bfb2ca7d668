import type { FastifyInstance } from 'fastify';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Services } from '../services';

/**
 * How a table's region columns (`community_id`, `grid_id`, `region_id`, …) follow a re-division (a grid or
 * building moving to another community):
 * - `rekeyed`: rewritten in the re-division's transaction, so the new community's workers see the rows;
 * - `history`: a record of what was true when it was written (audit entries, moves, finished imports);
 * - `reference`: points at a region whose identity survives the move (a grant on a region, a region's own
 *   parent) — nothing to rewrite;
 * - `derived`: kept by the database from a re-keyed table (a trigger-maintained index).
 * `server/modules/scope-keys.test.ts` fails on a table with such a column that no module declares.
 */
export type ScopeKeyKind = 'rekeyed' | 'history' | 'reference' | 'derived';

/** What the wiring needs to register a module's routes. */
export interface ModuleContext {
  services: Services;
  config: Config;
  database: Database;
}

/**
 * Everything the rest of the system must know about a module, exported by the module itself and listed
 * once in `server/modules/index.ts`: the app registers its routes, the guard tests read its tables and
 * scope keys. Adding a module is a folder and one line there.
 */
export interface ModuleManifest {
  name: string;
  /** The tables this module owns: only its repository writes them. */
  tables: PgTable[];
  /** How each of its tables with region columns follows a re-division (see ScopeKeyKind). */
  scopeKeys?: Record<string, ScopeKeyKind>;
  /** Registers its routes (if it has any). */
  routes?: (app: FastifyInstance, ctx: ModuleContext) => PromiseLike<unknown>;
}

/** Declares a module (a typed identity, so each manifest file reads the same way). */
export const defineModule = (m: ModuleManifest): ModuleManifest => m;
