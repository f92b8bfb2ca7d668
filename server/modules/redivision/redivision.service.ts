import type { MoveBuildingRequest, MoveGridRequest } from '../../../shared/contracts/redivision';
import { transaction, type Db } from '../../db/client';
import { actorOf, type Actor, type RequestContext } from '../../lib/context';
import { today } from '../../lib/clock';
import { AppError, notFound, validationError } from '../../lib/errors';
import { scopeCovers } from '../../lib/scope';
import type { AuditService } from '../audit/audit.service';
import type { RegionsService } from '../regions/regions.service';
import type { RedivisionRepository } from './redivision.repository';

/** Scheduled (future) re-divisions are not supported yet: the change applies now. */
function assertNotFuture(effectiveDate: string) {
  if (effectiveDate > today())
    throw validationError([
      {
        path: 'effectiveDate',
        code: 'future_date',
        message: '暂不支持未来生效的区划调整，请填写今天或更早的日期',
        messageEn: 'scheduled re-divisions are not supported yet; use today or an earlier date',
      },
    ]);
}

const invalid = (path: string, code: string, message: string, messageEn: string) => validationError([{ path, code, message, messageEn }]);

/**
 * 区划调整: a grid moves to another community, or a building to another grid. The scope keys of the rows
 * below follow in the same transaction, a region_changes row records it, and cached scopes are cleared.
 */
export class RedivisionService {
  constructor(
    private readonly db: Db,
    private readonly repo: RedivisionRepository,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  async moveGrid(ctx: RequestContext, input: MoveGridRequest) {
    const actor = actorOf(ctx);
    assertNotFuture(input.effectiveDate);
    const manage = await this.regions.scopeFor(actor, 'regions.redivide');
    const grid = await this.regions.get(actor, input.gridId);
    if (grid.level !== 'grid') throw invalid('gridId', 'not_a_grid', '所选区域不是网格', 'not a grid');
    if (!scopeCovers(manage, { communityId: grid.parentId, gridId: grid.id })) throw new AppError('OUT_OF_SCOPE');
    const to = await this.regions.get(actor, input.toCommunityId);
    if (to.level !== 'community') throw invalid('toCommunityId', 'not_a_community', '目标区域不是社区', 'the target is not a community');
    if (!scopeCovers(manage, { communityId: to.id })) throw new AppError('OUT_OF_SCOPE');
    if (to.id === grid.parentId) throw invalid('toCommunityId', 'same_community', '网格已属于该社区', 'the grid already belongs to this community');
    try {
      const result = await transaction(this.db, async () => {
        const locked = await this.repo.region(grid.id, true);
        if (!locked || locked.parentId !== grid.parentId) throw new AppError('CONFLICT', { reason: 'grid_changed' });
        await this.regions.reparentGrid(grid.id, to.id, `${to.path}.${grid.code}`);
        const moved = await this.repo.moveGrid(grid.id, to.id);
        const changeId = await this.repo.insertChange({
          objectType: 'grid',
          objectId: grid.id,
          fromRegionId: grid.parentId!,
          toRegionId: to.id,
          effectiveDate: input.effectiveDate,
          reason: input.reason,
          changedBy: actor.userId,
        });
        await this.audit.record(ctx, {
          action: 'redivision.move_grid',
          objectType: 'region',
          objectId: grid.id,
          communityId: grid.parentId,
          details: { fromCommunityId: grid.parentId, toCommunityId: to.id, effectiveDate: input.effectiveDate, reason: input.reason, moved },
        });
        return { change: await this.repo.view(changeId), moved };
      });
      return result;
    } finally {
      // Scopes resolved before the move name the grid under its old community.
      this.regions.invalidate();
    }
  }

  async moveBuilding(ctx: RequestContext, input: MoveBuildingRequest) {
    const actor = actorOf(ctx);
    assertNotFuture(input.effectiveDate);
    const manage = await this.regions.scopeFor(actor, 'regions.redivide');
    const building = await this.repo.building(input.buildingId);
    if (!building) throw notFound('building');
    if (!scopeCovers(manage, building)) {
      const readable = scopeCovers(await this.regions.scopeFor(actor, 'buildings.read'), building);
      throw readable ? new AppError('OUT_OF_SCOPE') : notFound('building');
    }
    const to = await this.regions.get(actor, input.toGridId);
    if (to.level !== 'grid' || !to.parentId) throw invalid('toGridId', 'not_a_grid', '目标区域不是网格', 'the target is not a grid');
    if (!scopeCovers(manage, { communityId: to.parentId, gridId: to.id })) throw new AppError('OUT_OF_SCOPE');
    if (to.id === building.gridId) throw invalid('toGridId', 'same_grid', '楼栋已属于该网格', 'the building already belongs to this grid');
    try {
      return await transaction(this.db, async () => {
        const locked = await this.repo.building(building.id, true);
        if (!locked || locked.gridId !== building.gridId) throw new AppError('CONFLICT', { reason: 'building_changed' });
        const moved = await this.repo.moveBuilding(building.id, { gridId: to.id, communityId: to.parentId! });
        const changeId = await this.repo.insertChange({
          objectType: 'building',
          objectId: building.id,
          fromRegionId: building.gridId,
          toRegionId: to.id,
          effectiveDate: input.effectiveDate,
          reason: input.reason,
          changedBy: actor.userId,
        });
        await this.audit.record(ctx, {
          action: 'redivision.move_building',
          objectType: 'building',
          objectId: building.id,
          communityId: building.communityId,
          details: {
            fromGridId: building.gridId,
            toGridId: to.id,
            fromCommunityId: building.communityId,
            toCommunityId: to.parentId,
            effectiveDate: input.effectiveDate,
            reason: input.reason,
            moved,
          },
        });
        return { change: await this.repo.view(changeId), moved };
      });
    } finally {
      this.regions.invalidate();
    }
  }

  /** Re-divisions the actor can see (from or to a region under their grants), newest first. */
  async history(actor: Actor, query: { regionId?: string; page: number; pageSize: number }) {
    const region = query.regionId ? await this.regions.get(actor, query.regionId) : undefined;
    const visible = [...new Set(actor.grants.map((g) => g.regionPath))];
    if (visible.length === 0) return { items: [], total: 0 };
    return this.repo.page(visible, region && { id: region.id, path: region.path }, query.pageSize, (query.page - 1) * query.pageSize);
  }
}
