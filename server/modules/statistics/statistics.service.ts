import type { CommunityStatsResponse, OverviewResponse } from '../../../shared/contracts/statistics';
import { RESIDENCE_TYPES } from '../../../shared/domain/registry';
import type { Actor } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { categoryCovers, isUnderPath, scopeCovers } from '../../lib/scope';
import type { CareService } from '../care/care.service';
import type { RegionsService } from '../regions/regions.service';
import { BANDS, type RegionLite, type StatisticsRepository, type Target } from './statistics.repository';
import { today } from '../../lib/clock';
import { xlsxStream } from '../../lib/xlsx';

type Counts = Map<string, number>;
const add = (m: Counts, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);
const round2 = (x: number) => Math.round(x * 100) / 100;
const avg = (people: number, households: number) => (households > 0 ? round2(people / households) : 0);

/** The 21 five-year bands, youngest first. */
const bandLabels = Array.from({ length: BANDS }, (_, i) => ({
  band: i === BANDS - 1 ? `${i * 5}+` : `${i * 5}-${i * 5 + 4}`,
  from: i * 5,
  to: i === BANDS - 1 ? null : i * 5 + 4,
}));

/** What one request may count: the region asked for, intersected with the actor's stats.read scope. */
interface Frame {
  region: RegionLite | null;
  /** Communities wholly counted. */
  fullCommunities: RegionLite[];
  /** Grids counted (all grids of the full communities, plus single grids). */
  grids: RegionLite[];
  /** Communities with anything counted, in tree order (for per-community lines and names). */
  communities: RegionLite[];
  target: Target;
}

/**
 * Statistics computed from the registry by SQL aggregates at request time, limited to the actor's
 * scope. Residents are read in one grouped scan per request; care groups only for the groups the actor
 * may see, each within that group's scope (CareService.groupScopes: the category scopes of the toolkit).
 */
export class StatisticsService {
  constructor(
    private readonly repo: StatisticsRepository,
    private readonly regions: RegionsService,
    private readonly care: CareService,
  ) {}

  private async frame(actor: Actor, regionId: string | undefined): Promise<Frame> {
    const scope = await this.regions.scopeFor(actor, 'stats.read');
    const region = regionId ? await this.regions.get(actor, regionId) : undefined;
    const tree = await this.repo.regionsUnder(null);
    const inRegion = (r: RegionLite) => !region || isUnderPath(r.path, region.path);
    const full = (id: string) => scope.all || scope.communityIds.includes(id);
    const fullCommunities = tree.filter((r) => r.level === 'community' && inRegion(r) && full(r.id));
    const grids = tree.filter((r) => r.level === 'grid' && inRegion(r) && scopeCovers(scope, { communityId: r.parentId, gridId: r.id }));
    const fullIds = new Set(fullCommunities.map((c) => c.id));
    const touched = new Set([...fullIds, ...grids.map((g) => g.parentId!)]);
    const communities = tree.filter((r) => r.level === 'community' && touched.has(r.id));
    const target: Target = {
      communityIds: [...fullIds],
      gridIds: grids.filter((g) => !fullIds.has(g.parentId!)).map((g) => g.id),
      touchedCommunityIds: [...touched],
    };
    const lite = region ? (tree.find((r) => r.id === region.id) ?? null) : null;
    return { region: lite, fullCommunities, grids, communities, target };
  }

  /** Runs the aggregates of a frame and folds them per community and per grid. */
  private async compute(actor: Actor, f: Frame) {
    const careScopes = await this.care.groupScopes(actor);
    const [residents, households, buildings, care] = await Promise.all([
      this.repo.residents(f.target),
      this.repo.households(f.target),
      this.repo.buildings(f.target),
      this.repo.careGroups(f.target, [...careScopes.keys()]),
    ]);
    const status = { active: 0, movedOut: 0, deceased: 0, total: 0 };
    let housed = 0;
    const residentsBy = { community: new Map() as Counts, grid: new Map() as Counts, housedCommunity: new Map() as Counts };
    const pyramid = bandLabels.map((b) => ({ ...b, male: 0, female: 0 }));
    const residence = new Map<string, number>(RESIDENCE_TYPES.map((t) => [t, 0]));
    for (const r of residents) {
      status.total += r.n;
      if (r.status === 'moved_out') status.movedOut += r.n;
      if (r.status === 'deceased') status.deceased += r.n;
      if (r.status !== 'active') continue;
      status.active += r.n;
      housed += r.housed;
      add(residentsBy.community, r.communityId, r.n);
      // A resident waiting for a grid counts in the community only.
      if (r.gridId) add(residentsBy.grid, r.gridId, r.n);
      add(residentsBy.housedCommunity, r.communityId, r.housed);
      const band = pyramid[Math.max(0, Math.min(BANDS - 1, r.band))];
      if (r.sex === 'M') band.male += r.n;
      else band.female += r.n;
      add(residence, r.residenceType, r.n);
    }
    const fold = (rows: { communityId: string; gridId: string; n: number }[]) => {
      const community: Counts = new Map();
      const grid: Counts = new Map();
      let total = 0;
      for (const r of rows) {
        add(community, r.communityId, r.n);
        add(grid, r.gridId, r.n);
        total += r.n;
      }
      return { community, grid, total };
    };
    const hh = fold(households);
    const bb = fold(buildings);
    const careCounts = new Map<string, number>([...careScopes.keys()].map((g) => [g, 0]));
    for (const c of care) {
      if (categoryCovers(careScopes, c.group, c)) add(careCounts, c.group, c.n);
    }
    return {
      status,
      housed,
      residentsBy,
      hh,
      bb,
      pyramid,
      residenceTypes: [...residence].map(([type, count]) => ({ type, count })),
      careGroups: [...careCounts].map(([group, count]) => ({ group, count })),
    };
  }

  /** Numbers for a region (default: the actor's whole scope). */
  /** The overview's table by community as .xlsx, with the totals and the date it counts to (截至). Counts only, no one's record. */
  async exportXlsx(actor: Actor, regionId?: string) {
    const o = await this.overview(actor, regionId);
    const asOf = today();
    type Row = { name: string; grids: number; buildings: number; households: number; residents: number; averageHouseholdSize: number | null };
    const rows: Row[] = [
      ...o.byCommunity,
      {
        name: `合计（截至 ${asOf}）`,
        grids: o.totals.grids,
        buildings: o.totals.buildings,
        households: o.totals.households,
        residents: o.totals.residents.active,
        averageHouseholdSize: o.totals.averageHouseholdSize,
      },
    ];
    const stream = xlsxStream<Row>(
      '人口统计',
      [
        { header: '社区', width: 22, value: (r) => r.name },
        { header: '网格', width: 8, value: (r) => r.grids },
        { header: '楼栋', width: 8, value: (r) => r.buildings },
        { header: '户数', width: 10, value: (r) => r.households },
        { header: '在册人口', width: 10, value: (r) => r.residents },
        { header: '户均人口', width: 10, value: (r) => r.averageHouseholdSize },
      ],
      rows,
    );
    return { filename: `人口统计_${asOf.replace(/-/g, '')}.xlsx`, fallback: 'statistics.xlsx', rows: rows.length, stream };
  }

  async overview(actor: Actor, regionId?: string): Promise<OverviewResponse> {
    const f = await this.frame(actor, regionId);
    const c = await this.compute(actor, f);
    const gridsOf = (communityId: string) => f.grids.filter((g) => g.parentId === communityId).length;
    return {
      region: f.region ? { id: f.region.id, name: f.region.name, level: f.region.level } : null,
      totals: {
        // The communities the caller works in: a grid worker's one community counts (社区 1, not 0).
        communities: f.communities.length,
        grids: f.grids.length,
        buildings: c.bb.total,
        households: c.hh.total,
        residents: c.status,
        averageHouseholdSize: avg(c.housed, c.hh.total),
      },
      byCommunity: f.communities.map((m) => ({
        communityId: m.id,
        name: m.name,
        grids: gridsOf(m.id),
        buildings: c.bb.community.get(m.id) ?? 0,
        households: c.hh.community.get(m.id) ?? 0,
        residents: c.residentsBy.community.get(m.id) ?? 0,
        averageHouseholdSize: avg(c.residentsBy.housedCommunity.get(m.id) ?? 0, c.hh.community.get(m.id) ?? 0),
      })),
      careGroups: c.careGroups,
      pyramid: c.pyramid,
      residenceTypes: c.residenceTypes,
    };
  }

  /** The community page's numbers; 404 unless the community (or one of its grids) is in the actor's scope. */
  async community(actor: Actor, id: string): Promise<CommunityStatsResponse> {
    const f = await this.frame(actor, id);
    if (!f.region || f.region.level !== 'community' || f.communities.length === 0) throw notFound('community');
    const c = await this.compute(actor, f);
    return {
      community: { id: f.region.id, name: f.region.name, code: f.region.code },
      buildings: c.bb.total,
      households: c.hh.total,
      residents: c.status,
      averageHouseholdSize: avg(c.housed, c.hh.total),
      grids: f.grids.map((g) => ({
        gridId: g.id,
        name: g.name,
        buildings: c.bb.grid.get(g.id) ?? 0,
        households: c.hh.grid.get(g.id) ?? 0,
        residents: c.residentsBy.grid.get(g.id) ?? 0,
      })),
      careGroups: c.careGroups,
      ageBands: c.pyramid,
      residenceTypes: c.residenceTypes,
    };
  }
}
