import type { StaffingFact } from '../../../shared/domain/four-haves';
import type { FourHavesRepository } from './fourhaves.repository';

/**
 * Where 有人 gets each community's head-count. Today: the `community_staffing` counts this module keeps
 * (entered by hand). The cadres module (posts against the staffing standard, issue "orgs") will provide
 * its own implementation; swapping it is one line in `server/services.ts`.
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
