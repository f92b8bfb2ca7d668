/**
 * What any count of ballots must satisfy before its votes mean anything, an election (election-tally.ts)
 * or a recall (election-recall.ts) alike (DOMAIN.md §4): more than the turnout share of the registered
 * voters returned a ballot, no more ballots came back than were issued, and the invalid ballots are among
 * the returned ones.
 */

/** Strictly more than `share` of `total`; the tolerance keeps e.g. 1/2 of 1,000 at 500 under floating point. */
export function exceeds(count: number, share: number, total: number): boolean {
  return count > share * total + 1e-9;
}

/** At least `share` of `total`, with the same tolerance. */
export function atLeast(count: number, share: number, total: number): boolean {
  return count >= share * total - 1e-9;
}

/** The counts every ballot has. */
export interface BallotCount {
  registeredVoters: number;
  ballotsIssued: number;
  ballotsReturned: number;
  invalidBallots: number;
}

export type BallotCountCode = 'TURNOUT_NOT_MAJORITY' | 'RETURNED_EXCEEDS_ISSUED' | 'INVALID_EXCEEDS_RETURNED';

/** A finding with its stable code and its text in both languages. */
export interface BallotCountFinding {
  code: BallotCountCode;
  zh: string;
  en: string;
}

/**
 * The findings that void a count, in this order: turnout not over `turnoutShare` of the roll, more
 * returned than issued, more invalid than returned. `voids` says what is then void, in both languages
 * (`{ zh: '选举无效', en: 'the election is void' }`). Empty when the count stands.
 */
export function ballotCountFindings(c: BallotCount, turnoutShare: number, voids: { zh: string; en: string }): BallotCountFinding[] {
  const { registeredVoters: roll, ballotsIssued: issued, ballotsReturned: returned, invalidBallots: invalid } = c;
  const out: BallotCountFinding[] = [];
  if (!exceeds(returned, turnoutShare, roll))
    out.push({
      code: 'TURNOUT_NOT_MAJORITY',
      zh: `参加投票 ${returned} 人，未超过登记选民 ${roll} 人的半数，${voids.zh}`,
      en: `${returned} of ${roll} registered voters voted, not more than half: ${voids.en}`,
    });
  if (returned > issued)
    out.push({
      code: 'RETURNED_EXCEEDS_ISSUED',
      zh: `收回选票 ${returned} 张，多于发出的 ${issued} 张，${voids.zh}`,
      en: `${returned} ballots returned, more than the ${issued} issued: ${voids.en}`,
    });
  if (invalid > returned)
    out.push({
      code: 'INVALID_EXCEEDS_RETURNED',
      zh: `无效票 ${invalid} 张，多于收回的 ${returned} 张，计票有误`,
      en: `${invalid} invalid ballots, more than the ${returned} returned: the count is wrong`,
    });
  return out;
}
