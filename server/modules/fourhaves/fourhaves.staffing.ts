import type { StaffingFact } from '../../../shared/domain/four-haves';
import type { FourHavesRepository } from './fourhaves.repository';

/**
 * Where 有人 gets each community's head-count: the cadres in post of the cadres register first (data entered
 * once), and for a community with nobody in post yet, the `community_staffing` counts this module keeps
 * (entered by hand). The order is set in `server/services.ts`.
 */
export interface StaffingSource {
  /** Head-counts of the given communities; a community without a record is absent. */
  countsFor(communityIds: string[]): Promise<Map<string, StaffingFact>>;
}

/** The hand-entered counts of `community_staffing`. */
export class RecordedStaffing implements StaffingSource {
  constructor(private readonly repo: FourHavesRepository) {}

  async countsFor(communityIds: string[]) {
    const rows = await this.repo.staffingOf(communityIds);
    return new Map(rows.map((r) => [r.communityId, { fullTime: r.fullTime, partTime: r.partTime, police: r.police }]));
  }
}

/** Each community's counts from the first source that has them (a source leaves out communities it knows nothing of). */
export class FirstRecorded implements StaffingSource {
  constructor(private readonly sources: readonly StaffingSource[]) {}

  async countsFor(communityIds: string[]) {
    const found = new Map<string, StaffingFact>();
    for (const source of this.sources) {
      const missing = communityIds.filter((id) => !found.has(id));
      if (missing.length === 0) break;
      for (const [id, fact] of await source.countsFor(missing)) found.set(id, fact);
    }
    return found;
  }
}
