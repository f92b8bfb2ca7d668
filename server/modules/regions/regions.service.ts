import type { RegionNodeT } from '../../../shared/contracts/regions';
import { permissionsOf, type Permission, type Role } from '../../../shared/domain/permissions';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, outOfScopeNotFound, versionConflict } from '../../lib/errors';
import { grantPathsFor, isUnderPath, NO_SCOPE, organisationPathsFor, scopeCovers, type DataScope, type OrganisationScope } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { RegionRow, RegionsRepository } from './regions.repository';
import { singleProcess, type ProcessGroup } from '../../lib/process-group';

/** Event to the other server processes: the region tree changed, resolve scopes again. */
const REGIONS_CHANGED = 'regions.changed';

const CHILD_LEVEL = { city: 'street', street: 'community', community: 'grid' } as const;
const rolePermissions = (role: string, domain: string | null) => permissionsOf(role as Role, domain);

/** The region tree and the data scopes derived from it. */
export class RegionsService {
  private scopeCache = new Map<string, { at: number; scope: DataScope }>();
  /** Resolved scopes are kept briefly; a region change clears them at once, in every server process. */
  private static readonly SCOPE_TTL_MS = 30_000;

  constructor(
    private readonly repo: RegionsRepository,
    private readonly audit: AuditService,
    private readonly group: ProcessGroup = singleProcess(),
  ) {
    group.subscribe(REGIONS_CHANGED, () => this.scopeCache.clear());
  }

  /** Region names by id (the audit log's readable names): `城东社区 / 第一网格` for a grid. */
  async auditNames(ids: string[]): Promise<Map<string, string>> {
    const all = await this.repo.all();
    const byId = new Map(all.map((r) => [r.id, r]));
    const out = new Map<string, string>();
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) continue;
      const parent = r.level === 'grid' && r.parentId ? byId.get(r.parentId) : undefined;
      out.set(id, parent ? `${parent.name} / ${r.name}` : r.name);
    }
    return out;
  }

  /** Where `actor` may use `permission`: whole city, or the communities and grids under their grants. */
  async scopeFor(actor: Actor, permission: Permission): Promise<DataScope> {
    return this.scopeOfPaths(grantPathsFor(actor, permission, rolePermissions));
  }

  /**
   * Where `actor` may use `permission` on objects of a department domain: grants without a domain limit on
   * every domain, each department grant on its own domain only (server/lib/scope.ts organisationSql).
   */
  async organisationScopeFor(actor: Actor, permission: Permission): Promise<OrganisationScope> {
    const paths = organisationPathsFor(actor, permission, rolePermissions);
    const byDomain = new Map<string, DataScope>();
    for (const [domain, p] of paths.byDomain) byDomain.set(domain, await this.scopeOfPaths(p));
    return { anyDomain: await this.scopeOfPaths(paths.anyDomain), byDomain };
  }

  /** The communities and grids under a set of grant paths (a grant on a single grid: that grid only), cached. */
  private async scopeOfPaths(paths: string[]): Promise<DataScope> {
    if (paths.length === 0) return NO_SCOPE;
    const key = paths.slice().sort().join('|');
    const cached = this.scopeCache.get(key);
    if (cached && Date.now() - cached.at < RegionsService.SCOPE_TTL_MS) return cached.scope;
    const rows = await this.repo.within(paths);
    const scope: DataScope = { all: false, communityIds: [], gridIds: [] };
    if (rows.some((r) => r.level === 'city' && paths.includes(r.path))) scope.all = true;
    for (const r of rows) {
      if (r.level === 'community') scope.communityIds.push(r.id);
      // A grant on a single grid covers that grid only; grids under a granted community are covered by it.
      if (r.level === 'grid' && paths.includes(r.path)) scope.gridIds.push(r.id);
    }
    this.scopeCache.set(key, { at: Date.now(), scope });
    return scope;
  }

  /** Whether the object lies inside the actor's scope for the permission (a detail answer's capabilities). */
  async covers(actor: Actor, permission: Permission, obj: { communityId: string | null; gridId?: string | null }): Promise<boolean> {
    return scopeCovers(await this.scopeFor(actor, permission), obj);
  }

  /** Throws 403 unless the object lies inside the actor's scope for the permission. */
  async assertCovers(actor: Actor, permission: Permission, obj: { communityId: string | null; gridId?: string | null }) {
    if (!(await this.covers(actor, permission, obj))) throw new AppError('OUT_OF_SCOPE');
  }

  /**
   * Puts a grid under another community (`newPath` is the community's path and the grid's code), inside the
   * re-division's transaction, which has locked the grid, checked the actor and audits the move; the caller
   * calls invalidate() once it commits.
   */
  reparentGrid(gridId: string, toCommunityId: string, newPath: string): Promise<void> {
    return this.repo.reparentGrid(gridId, toCommunityId, newPath);
  }

  /** Forgets the resolved scopes here and in the other server processes (after a region change). */
  invalidate() {
    this.scopeCache.clear();
    this.group.publish(REGIONS_CHANGED, null);
  }

  /** The subtrees the actor may read (grants whose role reads regions, or reads residents). */
  async treeFor(actor: Actor): Promise<RegionNodeT[]> {
    const paths = [...new Set(actor.grants.map((g) => g.regionPath))];
    const all = await this.repo.all();
    const nodes = new Map<string, RegionNodeT & { path: string }>();
    for (const r of all)
      nodes.set(r.id, { id: r.id, parentId: r.parentId, level: r.level, code: r.code, name: r.name, nameEn: r.nameEn, path: r.path, children: [] });
    for (const n of nodes.values()) if (n.parentId && nodes.has(n.parentId)) nodes.get(n.parentId)!.children.push(n);
    // Roots: granted regions not inside another granted region.
    const rootPaths = paths.filter((p) => !paths.some((q) => q !== p && isUnderPath(p, q)));
    const strip = (n: RegionNodeT & { path?: string }): RegionNodeT => ({
      id: n.id,
      parentId: n.parentId,
      level: n.level,
      code: n.code,
      name: n.name,
      nameEn: n.nameEn,
      children: n.children.map(strip),
    });
    return [...nodes.values()].filter((n) => rootPaths.includes(n.path)).map(strip);
  }

  /** A region the actor can see (404 when it is outside their grants: no probing of ids). */
  async get(actor: Actor, id: string): Promise<RegionRow> {
    const region = await this.repo.byId(id);
    if (!region) throw notFound('region');
    if (!this.visible(actor, region.path)) throw outOfScopeNotFound('region');
    return region;
  }

  private visible(actor: Actor, path: string) {
    return actor.grants.some((g) => isUnderPath(path, g.regionPath) || isUnderPath(g.regionPath, path));
  }

  /** Regions whose subtree the actor manages (regions.manage grants). */
  private manages(actor: Actor, path: string) {
    return grantPathsFor(actor, 'regions.manage', rolePermissions).some((p) => isUnderPath(path, p));
  }

  async create(ctx: RequestContext, input: { parentId: string; code: string; name: string; nameEn?: string; boundary?: unknown }) {
    const actor = actorOf(ctx);
    const parent = await this.repo.byId(input.parentId);
    if (!parent || !this.visible(actor, parent.path)) throw notFound('region');
    if (!this.manages(actor, parent.path)) throw new AppError('OUT_OF_SCOPE');
    const level = CHILD_LEVEL[parent.level as keyof typeof CHILD_LEVEL];
    if (!level)
      throw new AppError('VALIDATION_FAILED', [{ path: 'parentId', code: 'leaf', message: '网格下不能再建下级区域 | a grid cannot have child regions' }], {
        fields: 'parentId',
      });
    const all = await this.repo.all();
    if (all.some((r) => r.code === input.code)) throw new AppError('DUPLICATE', [{ path: 'code' }], { field: 'code' });
    const [row] = await this.repo.insert({
      parentId: parent.id,
      level,
      code: input.code,
      name: input.name,
      nameEn: input.nameEn ?? null,
      path: `${parent.path}.${input.code}`,
      boundary: input.boundary ?? null,
    });
    this.invalidate();
    await this.audit.record(ctx, { action: 'regions.create', objectType: 'region', objectId: row.id, details: { code: row.code, name: row.name, level } });
    return row;
  }

  async update(ctx: RequestContext, id: string, input: { version: number; name?: string; nameEn?: string | null; boundary?: unknown }) {
    const actor = actorOf(ctx);
    const region = await this.get(actor, id);
    if (!this.manages(actor, region.path)) throw new AppError('OUT_OF_SCOPE');
    const { version, ...patch } = input;
    const row = await this.repo.update(id, version, patch);
    if (!row) throw versionConflict(region.version);
    await this.audit.record(ctx, { action: 'regions.update', objectType: 'region', objectId: id, details: { fields: Object.keys(patch) } });
    return row;
  }

  /** GeoJSON boundaries at one level, limited to what the actor can see. */
  async boundaries(actor: Actor, level: 'street' | 'community' | 'grid') {
    const rows = await this.repo.boundaries(level);
    return {
      type: 'FeatureCollection' as const,
      features: rows
        .filter((r) => r.boundary && this.visible(actor, r.path))
        .map((r) => ({ type: 'Feature' as const, id: r.id, properties: { id: r.id, name: r.name, code: r.code }, geometry: r.boundary })),
    };
  }
}
