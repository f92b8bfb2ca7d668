import type { BuildingsQuery, CreateBuildingRequest, UpdateBuildingRequest } from '../../../shared/contracts/buildings';
import type { Db } from '../../db/client';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { AppError, notFound, outOfScopeNotFound, validationError, versionConflict } from '../../lib/errors';
import { scopeCovers } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { RegionsService } from '../regions/regions.service';
import type { BuildingRow, BuildingsRepository } from './buildings.repository';
import { regionFilterOf } from '../../lib/scope';

/** Buildings in grids: list, page, register, edit. Moving one to another grid is a re-division. */
export class BuildingsService {
  constructor(
    private readonly db: Db,
    private readonly repo: BuildingsRepository,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  /** `name（address）` by id, for the audit log. */
  async auditNames(ids: string[]): Promise<Map<string, string>> {
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    return new Map((await this.repo.names(uuids)).map((b) => [b.id, b.address ? `${b.name}（${b.address}）` : b.name]));
  }

  async list(actor: Actor, query: BuildingsQuery) {
    const scope = await this.regions.scopeFor(actor, 'buildings.read');
    const region = query.regionId ? regionFilterOf(await this.regions.get(actor, query.regionId)) : undefined;
    return this.repo.page({ scope, region, gridId: query.gridId, q: query.q || undefined }, query.pageSize, (query.page - 1) * query.pageSize);
  }

  /** A building inside the actor's scope for `permission`; 404 otherwise (no probing of ids). */
  async readable(actor: Actor, id: string, permission: 'buildings.read' | 'households.read' = 'buildings.read'): Promise<BuildingRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('building');
    if (!scopeCovers(await this.regions.scopeFor(actor, permission), row)) throw outOfScopeNotFound('building');
    return row;
  }

  /** The building page: the building and its households. */
  async get(actor: Actor, id: string) {
    await this.readable(actor, id);
    const view = await this.repo.view(id);
    if (!view) throw notFound('building');
    // A head registered outside the reader's resident scope is not named (as on the household list).
    const people = await this.regions.scopeFor(actor, 'residents.read');
    return { ...view, householdList: await this.repo.householdsOf(id, people) };
  }

  /** A grid by id, as the community and grid a new row belongs to; 400 naming `field` when it is not a grid. */
  async gridPlace(gridId: string, field: string) {
    const grid = await this.repo.region(gridId);
    if (!grid || grid.level !== 'grid' || !grid.parentId)
      throw validationError([{ path: field, code: 'not_a_grid', message: '网格不存在', messageEn: 'no such grid' }]);
    return { communityId: grid.parentId, gridId: grid.id };
  }

  async create(ctx: RequestContext, input: CreateBuildingRequest) {
    const actor = actorOf(ctx);
    const place = await this.gridPlace(input.gridId, 'gridId');
    await this.regions.assertCovers(actor, 'buildings.write', place);
    const id = await this.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const row = await this.repo.insert(
        { ...place, name: input.name, address: input.address, floors: input.floors, units: input.units, builtYear: input.builtYear ?? null },
        tx,
      );
      await this.audit.record(
        ctx,
        {
          action: 'buildings.create',
          objectType: 'building',
          objectId: row.id,
          communityId: row.communityId,
          details: { name: row.name, address: row.address, gridId: row.gridId },
        },
        tx,
      );
      return row.id;
    });
    return this.get(actor, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateBuildingRequest) {
    const actor = actorOf(ctx);
    const current = await this.readable(actor, id);
    await this.regions.assertCovers(actor, 'buildings.write', current);
    const { version, ...patch } = input;
    const fields = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
    if (fields.length === 0) throw new AppError('BAD_REQUEST', { reason: 'nothing_to_change' });
    await this.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const row = await this.repo.update(id, version, patch, tx);
      if (!row) throw versionConflict((await this.repo.byId(id, tx))?.version ?? current.version);
      await this.audit.record(ctx, { action: 'buildings.update', objectType: 'building', objectId: id, communityId: row.communityId, details: { fields } }, tx);
    });
    return this.get(actor, id);
  }
}
