import { describe, expect, it } from 'vitest';
import { atLeast, ballotCountFindings, exceeds } from './ballot-count';

const VOIDS = { zh: '选举无效', en: 'the election is void' };

describe('ballotCountFindings', () => {
  it('finds nothing in a count that stands', () => {
    expect(ballotCountFindings({ registeredVoters: 1000, ballotsIssued: 900, ballotsReturned: 501, invalidBallots: 10 }, 1 / 2, VOIDS)).toEqual([]);
  });

  it('voids a turnout of exactly half, and says what is void', () => {
    const [f] = ballotCountFindings({ registeredVoters: 1000, ballotsIssued: 900, ballotsReturned: 500, invalidBallots: 0 }, 1 / 2, VOIDS);
    expect(f).toEqual({
      code: 'TURNOUT_NOT_MAJORITY',
      zh: '参加投票 500 人，未超过登记选民 1000 人的半数，选举无效',
      en: '500 of 1000 registered voters voted, not more than half: the election is void',
    });
  });

  it('lists every broken sum, in order', () => {
    const found = ballotCountFindings({ registeredVoters: 10, ballotsIssued: 8, ballotsReturned: 9, invalidBallots: 10 }, 1 / 2, VOIDS);
    expect(found.map((f) => f.code)).toEqual(['RETURNED_EXCEEDS_ISSUED', 'INVALID_EXCEEDS_RETURNED']);
  });
});

describe('exceeds and atLeast', () => {
  it('hold exactly at the share under floating point', () => {
    expect(exceeds(500, 1 / 2, 1000)).toBe(false);
    expect(exceeds(501, 1 / 2, 1000)).toBe(true);
    expect(atLeast(100, 1 / 3, 300)).toBe(true);
    expect(atLeast(99, 1 / 3, 300)).toBe(false);
  });
});
