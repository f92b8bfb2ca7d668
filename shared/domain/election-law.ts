/**
 * Versions of the residents' committee law (城市居民委员会组织法) and the election rules that go with it,
 * each with the date it takes effect (DOMAIN.md §4). An election follows the version in force on its
 * election day. These are the defaults; a city's provincial rules may differ, which is why every number
 * is a field here and never a literal in the tally or the timeline.
 */

/** One version of the law with the election rules in force under it. */
export interface ElectionLawVersion {
  /** Stable code, e.g. `2018`. */
  code: string;
  title: { zh: string; en: string };
  /** First day it applies (YYYY-MM-DD). */
  effectiveFrom: string;
  /** Committee size (主任、副主任、委员 in all). */
  minMembers: number;
  maxMembers: number;
  /** The size of a community a committee serves, in households. */
  minHouseholds: number;
  maxHouseholds: number;
  termYears: number;
  /** Valid if more than this share of registered voters vote. */
  turnoutShare: number;
  /** A first-round winner needs more than this share of ballots cast. */
  winShare: number;
  /** A second-round (另行选举) winner needs at least this share of ballots cast. */
  runoffFloorShare: number;
  /** Voter list published at least this many days before the election. */
  voterListDaysBefore: number;
  /** Objections to the voter list within this many days of publication. */
  objectionDays: number;
  /** Objections answered within this many days. */
  objectionAnswerDays: number;
  /** Formal candidate list published at least this many days before the election. */
  candidateListDaysBefore: number;
  /** Voters needed to nominate a candidate jointly. */
  minNominators: number;
  /** At least one woman member. */
  requireWoman: boolean;
  /** The old committee hands over within this many days. */
  handoverDays: number;
  /** A void election is re-run within this many days. */
  rerunDays: number;
  /** Voters are this old on election day. */
  voterMinAge: number;
  /** A recall (罢免) of a member is started by at least this share of the voters. */
  recallProposerShare: number;
}

const common = {
  minMembers: 5,
  maxMembers: 9,
  termYears: 5,
  turnoutShare: 1 / 2,
  winShare: 1 / 2,
  runoffFloorShare: 1 / 3,
  voterListDaysBefore: 20,
  objectionDays: 5,
  objectionAnswerDays: 3,
  candidateListDaysBefore: 5,
  minNominators: 10,
  requireWoman: true,
  handoverDays: 10,
  rerunDays: 30,
  voterMinAge: 18,
  recallProposerShare: 1 / 5,
};

/** The versions known by default, oldest first. */
export const LAW_VERSIONS: readonly ElectionLawVersion[] = [
  {
    code: '2018',
    title: { zh: '城市居民委员会组织法（2018年修正）', en: 'Urban Residents Committee Organisation Law (2018 amendment)' },
    effectiveFrom: '2018-12-29',
    minHouseholds: 100,
    maxHouseholds: 700,
    ...common,
  },
  {
    code: '2026',
    title: { zh: '城市居民委员会组织法（2026年1月1日起施行的修订）', en: 'Urban Residents Committee Organisation Law (revision in force from 2026-01-01)' },
    effectiveFrom: '2026-01-01',
    minHouseholds: 1000,
    maxHouseholds: 3000,
    ...common,
  },
];

/** The version in force on `day` (YYYY-MM-DD): the latest that took effect on or before it; the oldest before any. */
export function lawVersionOn(day: string, versions: readonly ElectionLawVersion[] = LAW_VERSIONS): ElectionLawVersion {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let found = sorted[0]!;
  for (const v of sorted) if (v.effectiveFrom <= day) found = v;
  return found;
}
