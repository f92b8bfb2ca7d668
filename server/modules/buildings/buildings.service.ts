import {
  BUILDINGS_EXPORT_CAP,
  type BuildingsExportQuery,
  type BuildingsQuery,
  type CreateBuildingRequest,
  type UpdateBuildingRequest,
} from '../../../shared/contracts/buildings';
import { today } from '../../lib/clock';
import { xlsxStream } from '../../lib/xlsx';
import { exportTooLarge } from '../residents/residents.search';
import { transaction, type Db } from '../../db/client';
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
    return this.repo.page(await this.search(actor, query), query.pageSize, (query.page - 1) * query.pageSize);
  }

  private async search(actor: Actor, query: BuildingsExportQuery) {
    const scope = await this.regions.scopeFor(actor, 'buildings.read');
    const region = query.regionId ? regionFilterOf(await this.regions.get(actor, query.regionId)) : undefined;
    return { scope, region, gridId: query.gridId, q: query.q || undefined };
  }

  /** 楼栋 as .xlsx for the list's filters (audited like every export). */
  async exportXlsx(ctx: RequestContext, query: BuildingsExportQuery) {
    const { items, total } = await this.repo.page(await this.search(actorOf(ctx), query), BUILDINGS_EXPORT_CAP, 0);
    if (total > BUILDINGS_EXPORT_CAP) throw exportTooLarge(total, BUILDINGS_EXPORT_CAP);
    await this.audit.record(ctx, { action: 'buildings.export', objectType: 'building', details: { rows: items.length, filter: query } });
    const stream = xlsxStream<(typeof items)[number]>(
      '楼栋',
      [
        { header: '社区', width: 12, value: (b) => b.communityName },
        { header: '网格', width: 14, value: (b) => b.gridName },
        { header: '楼栋', width: 18, value: (b) => b.name },
        { header: '地址', width: 36, value: (b) => b.address },
        { header: '层数', width: 8, value: (b) => b.floors },
        { header: '单元数', width: 8, value: (b) => b.units },
        { header: '建成年份', width: 10, value: (b) => b.builtYear },
        { header: '住户数', width: 8, value: (b) => b.households },
      ],
      items,
    );
    return { filename: `楼栋_${today().replace(/-/g, '')}.xlsx`, fallback: 'buildings.xlsx', rows: items.length, stream };
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
    const id = await transaction(this.db, async () => {
      const row = await this.repo.insert({
        ...place,
        name: input.name,
        address: input.address,
        floors: input.floors,
        units: input.units,
        builtYear: input.builtYear ?? null,
      });
      await this.audit.record(ctx, {
        action: 'buildings.create',
        objectType: 'building',
        objectId: row.id,
        communityId: row.communityId,
        details: { name: row.name, address: row.address, gridId: row.gridId },
      });
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
    await transaction(this.db, async () => {
      const row = await this.repo.update(id, version, patch);
      if (!row) throw versionConflict((await this.repo.byId(id))?.version ?? current.version);
      await this.audit.record(ctx, { action: 'buildings.update', objectType: 'building', objectId: id, communityId: row.communityId, details: { fields } });
    });
    return this.get(actor, id);
  }
}
