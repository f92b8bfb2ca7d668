/**
 * The tally of a residents' committee election (DOMAIN.md §4, "双过半"): a pure function of the counts, so
 * that an official can check a count by hand and the server computes results with the same code.
 *
 * - The ballot is valid when more than half of the registered voters returned a ballot, no more ballots
 *   came back than were issued, and the invalid ballots are among the returned ones. Counts that cannot
 *   come from real ballots (a candidate with more votes than valid ballots, more marks than valid ballots
 *   times seats) also void it: the count must be redone.
 * - First round: a candidate wins with more than half of the ballots cast (returned, invalid included).
 *   Second round (另行选举): the most votes win, with at least the law's floor (1/3) of ballots cast.
 * - Seats go to the qualifying candidates by votes; a tie across the last seat fills none of the tied
 *   places: the seat stays unfilled and the tied candidates go to the next round.
 * - At least one woman (`requireWoman`): when none is elected, the best-placed woman who reached the
 *   threshold takes the place of the lowest-placed man elected; when no woman reached it, one seat is kept
 *   for a woman (the lowest-placed man's, if every seat was filled) and goes to the next round with the
 *   best-placed women among its candidates.
 * - Runoff candidates: the best-placed candidates not elected, one more than the unfilled seats (差额),
 *   with everyone tied at the cut, plus the best-placed women when a seat is kept for a woman.
 */

import { atLeast, ballotCountFindings, exceeds, type BallotCount } from './ballot-count';

/** One candidate on the ballot. */
export interface TallyCandidate {
  id: string;
  name: string;
  sex: 'F' | 'M';
}

/** What the tally reads: the counts of one ballot (all polling stations summed). */
export interface TallyInput extends BallotCount {
  seats: number;
  requireWoman: boolean;
  candidates: TallyCandidate[];
  /** Votes per candidate id; a candidate missing here got none. */
  votes: Record<string, number>;
  /** 1 = first round (over half), 2 = second round (另行选举: the law's floor). Default 1. */
  round?: 1 | 2;
}

/** The thresholds of the law version in force (DOMAIN.md §4; see election-law.ts). */
export interface TallyRules {
  /** Turnout must exceed this share of the roll (1/2). */
  turnoutShare: number;
  /** A first-round winner must exceed this share of ballots cast (1/2). */
  winShare: number;
  /** A second-round winner needs at least this share of ballots cast (1/3). */
  runoffFloorShare: number;
}

export const DEFAULT_TALLY_RULES: TallyRules = { turnoutShare: 1 / 2, winShare: 1 / 2, runoffFloorShare: 1 / 3 };

/** Stable codes of the tally's findings. */
export const TALLY_REASON_CODES = [
  'TURNOUT_NOT_MAJORITY',
  'RETURNED_EXCEEDS_ISSUED',
  'INVALID_EXCEEDS_RETURNED',
  'ISSUED_EXCEEDS_REGISTERED',
  'VOTES_EXCEED_VALID_BALLOTS',
  'MARKS_EXCEED_SEATS',
  'TIE_AT_LAST_SEAT',
  'SEATS_UNFILLED',
  'WOMAN_REPLACES_LAST',
  'WOMAN_SEAT_RESERVED',
  'NO_WOMAN_CANDIDATE',
] as const;
export type TallyReasonCode = (typeof TALLY_REASON_CODES)[number];

/** A finding with its stable code and its text in both languages. */
export interface TallyReason {
  code: TallyReasonCode;
  zh: string;
  en: string;
}

export interface TallyResult {
  /** Whether the ballot as counted stands (turnout, ballot arithmetic). */
  valid: boolean;
  /** Why it is void, and what the count decided beyond the plain order (ties, the woman member). */
  reasons: TallyReason[];
  /** Elected candidate ids, best placed first. */
  elected: string[];
  unfilledSeats: number;
  /** Candidate ids for the next round, best placed first (empty when every seat is filled). */
  runoffCandidates: string[];
}

const reason = (code: TallyReasonCode, zh: string, en: string): TallyReason => ({ code, zh, en });

/** Counts the ballot; see the module comment for the rules. Input is assumed well-formed (the route checks it). */
export function tallyElection(input: TallyInput, rules: TallyRules = DEFAULT_TALLY_RULES): TallyResult {
  const round = input.round ?? 1;
  const { seats, registeredVoters: roll, ballotsIssued: issued, ballotsReturned: returned, invalidBallots: invalid } = input;
  const validBallots = returned - invalid;
  const votesOf = (id: string) => input.votes[id] ?? 0;
  const reasons: TallyReason[] = ballotCountFindings(input, rules.turnoutShare, { zh: '选举无效', en: 'the election is void' });
  if (issued > roll)
    reasons.push(
      reason(
        'ISSUED_EXCEEDS_REGISTERED',
        `发出选票 ${issued} 张，多于登记选民 ${roll} 人`,
        `${issued} ballots issued, more than the ${roll} registered voters`,
      ),
    );
  const overVoted = input.candidates.filter((c) => votesOf(c.id) > Math.max(validBallots, 0));
  if (overVoted.length > 0)
    reasons.push(
      reason(
        'VOTES_EXCEED_VALID_BALLOTS',
        `${overVoted.map((c) => c.name).join('、')} 的得票多于有效票 ${Math.max(validBallots, 0)} 张，计票有误`,
        `${overVoted.map((c) => c.name).join(', ')}: more votes than the ${Math.max(validBallots, 0)} valid ballots; the count is wrong`,
      ),
    );
  const marks = input.candidates.reduce((s, c) => s + votesOf(c.id), 0);
  if (marks > Math.max(validBallots, 0) * seats)
    reasons.push(
      reason(
        'MARKS_EXCEED_SEATS',
        `总得票 ${marks} 多于有效票数乘以应选名额（${Math.max(validBallots, 0)} × ${seats}），计票有误`,
        `${marks} votes in all, more than valid ballots times seats (${Math.max(validBallots, 0)} × ${seats}); the count is wrong`,
      ),
    );

  if (reasons.length > 0) return { valid: false, reasons, elected: [], unfilledSeats: seats, runoffCandidates: [] };

  // Best placed first; equal votes keep the ballot's order (only for display: ties are never broken by it).
  const ranked = input.candidates.map((c, i) => ({ ...c, votes: votesOf(c.id), i })).sort((a, b) => b.votes - a.votes || a.i - b.i);
  const qualifies = (votes: number) => (round === 1 ? exceeds(votes, rules.winShare, returned) : atLeast(votes, rules.runoffFloorShare, returned) && votes > 0);
  const qualifying = ranked.filter((c) => qualifies(c.votes));

  let elected = qualifying.slice(0, seats);
  if (qualifying.length > seats) {
    const cut = qualifying[seats - 1]!.votes;
    if (qualifying[seats]!.votes === cut) {
      const tied = qualifying.filter((c) => c.votes === cut);
      elected = elected.filter((c) => c.votes > cut);
      reasons.push(
        reason(
          'TIE_AT_LAST_SEAT',
          `${tied.map((c) => c.name).join('、')} 得票相同（${cut} 票），争夺最后 ${seats - elected.length} 个名额，均未当选，进入另行选举`,
          `${tied.map((c) => c.name).join(', ')} tie with ${cut} votes for the last ${seats - elected.length} seat(s): none is elected, all go to the next round`,
        ),
      );
    }
  }

  // The woman member.
  let keptForWoman = false;
  const women = ranked.filter((c) => c.sex === 'F');
  if (input.requireWoman && !elected.some((c) => c.sex === 'F')) {
    if (women.length === 0) {
      reasons.push(reason('NO_WOMAN_CANDIDATE', '候选人中没有妇女，无法保证妇女成员名额', 'No woman stands: the woman member cannot be elected'));
    } else {
      const woman = qualifying.find((c) => c.sex === 'F');
      const lowest = elected.length > 0 ? elected[elected.length - 1]!.votes : undefined;
      if (woman && elected.length === seats && lowest !== undefined) {
        // Every seat is taken by men with more votes: she takes the place of the lowest-placed. When
        // several men share the lowest count, she takes one place and the others tied there go to the next round.
        const lowestMen = elected.filter((c) => c.votes === lowest);
        elected = [...elected.filter((c) => c.votes > lowest), woman];
        if (lowestMen.length === 1) {
          reasons.push(
            reason(
              'WOMAN_REPLACES_LAST',
              `当选人中没有妇女：得票过半的妇女候选人 ${woman.name} 替代得票最少的 ${lowestMen[0]!.name} 当选`,
              `No woman among those elected: ${woman.name}, the best-placed woman over the threshold, takes the place of ${lowestMen[0]!.name}`,
            ),
          );
        } else {
          reasons.push(
            reason(
              'WOMAN_REPLACES_LAST',
              `当选人中没有妇女：${woman.name} 当选；得票同为最少的 ${lowestMen.map((c) => c.name).join('、')} 均未当选，进入另行选举`,
              `No woman among those elected: ${woman.name} is elected; ${lowestMen.map((c) => c.name).join(', ')}, tied lowest, are not and go to the next round`,
            ),
          );
        }
      } else {
        if (woman) {
          // A seat is free (a tie left it open) and a woman qualifies: but she was in the tie, or she would be elected.
          elected = [...elected, woman].sort((a, b) => b.votes - a.votes || a.i - b.i);
          reasons.push(
            reason(
              'WOMAN_REPLACES_LAST',
              `当选人中没有妇女：得票达到要求的妇女候选人 ${woman.name} 当选`,
              `No woman among those elected: ${woman.name}, the best-placed woman over the threshold, is elected`,
            ),
          );
        } else {
          keptForWoman = true;
          if (elected.length === seats && lowest !== undefined) {
            const dropped = elected.filter((c) => c.votes === lowest);
            elected = elected.filter((c) => c.votes > lowest);
            reasons.push(
              reason(
                'WOMAN_SEAT_RESERVED',
                `当选人中没有妇女且无妇女候选人得票达到要求：保留一个名额另行选举妇女成员，${dropped.map((c) => c.name).join('、')} 暂不当选`,
                `No woman elected and none reached the threshold: one seat is kept for a woman in the next round; ${dropped.map((c) => c.name).join(', ')} not elected`,
              ),
            );
          } else {
            reasons.push(
              reason(
                'WOMAN_SEAT_RESERVED',
                '当选人中没有妇女且无妇女候选人得票达到要求：空缺名额中保留一个另行选举妇女成员',
                'No woman elected and none reached the threshold: one of the unfilled seats is kept for a woman in the next round',
              ),
            );
          }
        }
      }
    }
  }

  const unfilledSeats = seats - elected.length;
  let runoffCandidates: string[] = [];
  if (unfilledSeats > 0) {
    reasons.push(reason('SEATS_UNFILLED', `${unfilledSeats} 个名额空缺，另行选举`, `${unfilledSeats} seat(s) unfilled: a further round follows`));
    const electedIds = new Set(elected.map((c) => c.id));
    const rest = ranked.filter((c) => !electedIds.has(c.id));
    const want = unfilledSeats + 1;
    const chosen = rest.slice(0, want);
    if (rest.length > want) {
      const cut = rest[want - 1]!.votes;
      for (const c of rest.slice(want)) if (c.votes === cut) chosen.push(c);
    }
    if (keptForWoman) {
      // The seat kept for a woman needs women to choose between: the two best-placed, if there are two.
      for (const w of rest.filter((c) => c.sex === 'F').slice(0, 2)) if (!chosen.includes(w)) chosen.push(w);
    }
    runoffCandidates = chosen.sort((a, b) => b.votes - a.votes || a.i - b.i).map((c) => c.id);
  }
  return { valid: true, reasons, elected: elected.map((c) => c.id), unfilledSeats, runoffCandidates };
}
