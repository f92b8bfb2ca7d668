import type { FastifyInstance } from 'fastify';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { SeedStep } from '../db/seed';
import type { RequestContext } from '../lib/context';
import type { ModuleFixtures } from '../security/fixture-kit';
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

/** A text in both languages of the UI (zh-CN first). */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One number on a role's 工作台, computed within the actor's scope. */
export interface WorkbenchCard {
  /** Stable key, `<module>.<what>` (e.g. `registry.residents`). */
  key: string;
  label: Bilingual;
  value: number;
  /** The same number a period ago (e.g. 30 days), when the module can tell; the UI draws the trend. */
  previous?: number;
  /** Unit after the number (人, 户, 条, m²). */
  unit?: Bilingual;
  /** The page that lists what the number counts (a web route, with query). */
  link?: string;
  /** amber/red when the number is a problem (overdue, unplaced …). */
  tone?: 'normal' | 'warning' | 'danger';
  /** Position among the cards, ascending (default 100; the registry's counts come first). */
  order?: number;
}

/** One thing with a due date on a role's 待办 list, opening its record. */
export interface TodoItem {
  /** Stable across calls: `<module>:<kind>:<id>`. */
  id: string;
  module: string;
  title: Bilingual;
  /** YYYY-MM-DD in the city's time zone; the list sorts by it, overdue first. */
  dueDate: string;
  /** The web route of the record. */
  link: string;
  /** The community (or other region) it belongs to, for the list's scope column. */
  regionName?: string;
}

/** A notice published today that reaches the user (通知公告), listed on the 工作台 and a resident's home. */
export interface WorkbenchNotice {
  id: string;
  title: string;
  importance: 'normal' | 'important';
  audience: 'staff' | 'residents' | 'all';
  pinned: boolean;
  /** Whether the user has opened it. */
  read: boolean;
  /** YYYY-MM-DD */
  publishFrom: string;
  regionName: string;
  /** The web route of the notice. */
  link: string;
}

/** What a module adds to the 工作台 of the signed-in user (only what that user's scope and permissions allow). */
export interface WorkbenchContribution {
  cards?: WorkbenchCard[];
  todos?: TodoItem[];
  /** Notices to list (optional: most modules have none). */
  notices?: WorkbenchNotice[];
}

/**
 * A kind of object the audit log names (`objectType`): its label, and how to turn ids into readable names
 * (a username, a region's name) for the auditor. `names` must return nothing personal (no resident's name):
 * the auditors hold no registry permission.
 */
export interface AuditObjectType {
  label: Bilingual;
  names?: (services: Services, ids: string[]) => Promise<Map<string, string>>;
}

/** What the wiring needs to register a module's routes. */
export interface ModuleContext {
  services: Services;
  config: Config;
  database: Database;
  /** Every module (server/modules/index.ts): for what one module serves about all (the audit labels). */
  modules: readonly ModuleManifest[];
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
  /**
   * Its test code for the security suites, `<module>.fixtures.ts`, loaded lazily by them only: how to call
   * each route in and out of scope (`fixtures`; a route without one fails the matrix), the fuzzer's
   * mass-assignment targets of its write routes (`mass`), and its objects in the test world with the ids
   * that must not leak (`world`). See `ModuleFixtures`.
   */
  fixtures?: () => Promise<ModuleFixtures>;
  /**
   * What it adds to the demo city (the speech's facts for this module), run by the seed after the regions
   * and demo accounts, and after the seeds of the modules named in `after` (`server/db/seed/steps.ts`).
   */
  seed?: { run: SeedStep; after?: string[] };
  /**
   * Its cards and 待办 items for the 工作台 of `ctx.actor`; must check permissions and scope itself and
   * return nothing the actor may not see. `today` is YYYY-MM-DD in the city's time zone.
   */
  workbench?: (services: Services, ctx: RequestContext, today: string) => Promise<WorkbenchContribution>;
  /**
   * A label for every audit action this module writes (`<module>.<verb>` → 中文 / English), shown to the
   * auditor instead of the code; `server/modules/audit/audit.labels.test.ts` fails on an action written
   * anywhere in the code base without one.
   */
  auditActions?: Record<string, Bilingual>;
  /** The object types its audit entries name (`objectType`), with labels and readable names. */
  auditObjects?: Record<string, AuditObjectType>;
}

/** Declares a module (a typed identity, so each manifest file reads the same way). */
export const defineModule = (m: ModuleManifest): ModuleManifest => m;
