/**
 * The recall (罢免) of an elected residents' committee member (DOMAIN.md §4): started by at least a share
 * of the voters (default 1/5), passed by the same double majority as an election — more than half of the
 * registered voters vote, and more than half of the ballots cast agree. Pure functions: the server records
 * a recall with them, and an official can check a count by hand.
 */

import { ballotCountFindings, exceeds, type BallotCount } from './ballot-count';

/** The shares of the law version in force (election-law.ts). */
export interface RecallRules {
  /** At least this share of the voters must propose the recall. */
  proposerShare: number;
  /** Valid if more than this share of registered voters vote. */
  turnoutShare: number;
  /** Passed if more than this share of the ballots cast agree. */
  winShare: number;
}

export const DEFAULT_RECALL_RULES: RecallRules = { proposerShare: 1 / 5, turnoutShare: 1 / 2, winShare: 1 / 2 };

export const RECALL_REASON_CODES = [
  'TOO_FEW_PROPOSERS',
  'TURNOUT_NOT_MAJORITY',
  'RETURNED_EXCEEDS_ISSUED',
  'INVALID_EXCEEDS_RETURNED',
  'VOTES_EXCEED_VALID_BALLOTS',
  'AGREE_NOT_MAJORITY',
  'PASSED',
] as const;
export type RecallReasonCode = (typeof RECALL_REASON_CODES)[number];

export interface RecallReason {
  code: RecallReasonCode;
  zh: string;
  en: string;
}

/** The proposers a recall needs on a roll of `registeredVoters`: at least the share, rounded up. */
export function recallProposersNeeded(registeredVoters: number, rules: Pick<RecallRules, 'proposerShare'> = DEFAULT_RECALL_RULES): number {
  // The small tolerance keeps 1/5 of 1,000 at 200, not 201, under floating point.
  return Math.max(1, Math.ceil(registeredVoters * rules.proposerShare - 1e-9));
}

/** Whether `proposers` voters may start a recall on a roll of `registeredVoters`; with the finding when not. */
export function checkRecallProposal(
  proposers: number,
  registeredVoters: number,
  rules: Pick<RecallRules, 'proposerShare'> = DEFAULT_RECALL_RULES,
): { ok: boolean; needed: number; reason?: RecallReason } {
  const needed = recallProposersNeeded(registeredVoters, rules);
  if (proposers >= needed) return { ok: true, needed };
  return {
    ok: false,
    needed,
    reason: {
      code: 'TOO_FEW_PROPOSERS',
      zh: `罢免须由选民 ${registeredVoters} 人的五分之一以上（至少 ${needed} 人）联名提出，现为 ${proposers} 人`,
      en: `a recall needs at least ${needed} of the ${registeredVoters} voters to propose it (here ${proposers})`,
    },
  };
}

/** The counts of a recall vote. */
export interface RecallVote extends BallotCount {
  /** Ballots cast: the base of "more than half agree". */
  ballotsReturned: number;
  /** Ballots agreeing to the recall. */
  votesFor: number;
}

export interface RecallResult {
  /** Whether the vote stands (turnout over half, ballots add up). */
  valid: boolean;
  /** Whether the member is recalled. */
  passed: boolean;
  reasons: RecallReason[];
}

/** Counts a recall vote by the double majority. */
export function tallyRecall(v: RecallVote, rules: Pick<RecallRules, 'turnoutShare' | 'winShare'> = DEFAULT_RECALL_RULES): RecallResult {
  const reasons: RecallReason[] = ballotCountFindings(v, rules.turnoutShare, { zh: '罢免投票无效', en: 'the recall vote is void' });
  if (v.votesFor > Math.max(v.ballotsReturned - v.invalidBallots, 0))
    reasons.push({
      code: 'VOTES_EXCEED_VALID_BALLOTS',
      zh: `赞成票 ${v.votesFor} 张，多于有效票，计票有误`,
      en: `${v.votesFor} votes for, more than the valid ballots: the count is wrong`,
    });
  if (reasons.length > 0) return { valid: false, passed: false, reasons };
  if (!exceeds(v.votesFor, rules.winShare, v.ballotsReturned))
    return {
      valid: true,
      passed: false,
      reasons: [
        {
          code: 'AGREE_NOT_MAJORITY',
          zh: `赞成罢免 ${v.votesFor} 票，未超过参加投票 ${v.ballotsReturned} 人的半数，罢免未通过`,
          en: `${v.votesFor} of ${v.ballotsReturned} ballots cast agree, not more than half: the recall fails`,
        },
      ],
    };
  return {
    valid: true,
    passed: true,
    reasons: [
      {
        code: 'PASSED',
        zh: `赞成罢免 ${v.votesFor} 票，超过参加投票 ${v.ballotsReturned} 人的半数，罢免通过`,
        en: `${v.votesFor} of ${v.ballotsReturned} ballots cast agree, more than half: the member is recalled`,
      },
    ],
  };
}
