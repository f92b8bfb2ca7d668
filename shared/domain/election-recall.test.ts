import { describe, expect, it } from 'vitest';
import { LAW_VERSIONS } from './election-law';
import { checkRecallProposal, recallProposersNeeded, tallyRecall, type RecallVote } from './election-recall';

const vote = (over: Partial<RecallVote> = {}): RecallVote => ({
  registeredVoters: 1000,
  ballotsIssued: 700,
  ballotsReturned: 700,
  invalidBallots: 10,
  votesFor: 400,
  ...over,
});
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe('the recall proposal (≥ 1/5 of the voters)', () => {
  it('every law version starts a recall with a fifth of the voters', () => {
    expect(LAW_VERSIONS.every((v) => v.recallProposerShare === 1 / 5)).toBe(true);
  });

  it('needs exactly a fifth, rounded up', () => {
    expect(recallProposersNeeded(1000)).toBe(200);
    expect(recallProposersNeeded(1001)).toBe(201);
    expect(recallProposersNeeded(3)).toBe(1);
    expect(recallProposersNeeded(0)).toBe(1);
  });

  it('accepts a fifth and refuses one fewer, saying how many are needed', () => {
    expect(checkRecallProposal(200, 1000)).toEqual({ ok: true, needed: 200 });
    const short = checkRecallProposal(199, 1000);
    expect(short.ok).toBe(false);
    expect(short.needed).toBe(200);
    expect(short.reason?.code).toBe('TOO_FEW_PROPOSERS');
    expect(short.reason?.zh).toContain('200');
  });

  it('follows another share when a province sets one', () => {
    expect(checkRecallProposal(100, 1000, { proposerShare: 1 / 10 }).ok).toBe(true);
  });
});

describe('the recall vote (double majority)', () => {
  it('passes when more than half of the roll vote and more than half of the ballots cast agree', () => {
    expect(tallyRecall(vote())).toEqual({ valid: true, passed: true, reasons: [expect.objectContaining({ code: 'PASSED' })] });
  });

  it('is void when exactly half of the roll vote', () => {
    const r = tallyRecall(vote({ ballotsIssued: 500, ballotsReturned: 500, votesFor: 400 }));
    expect(r).toMatchObject({ valid: false, passed: false });
    expect(codes(r)).toEqual(['TURNOUT_NOT_MAJORITY']);
  });

  it('stands with one voter over half', () => {
    expect(tallyRecall(vote({ ballotsIssued: 501, ballotsReturned: 501, votesFor: 300 })).passed).toBe(true);
  });

  it('fails when exactly half of the ballots cast agree (invalid ballots count in the base)', () => {
    const r = tallyRecall(vote({ votesFor: 350 }));
    expect(r).toMatchObject({ valid: true, passed: false });
    expect(codes(r)).toEqual(['AGREE_NOT_MAJORITY']);
    expect(tallyRecall(vote({ votesFor: 351 })).passed).toBe(true);
  });

  it('is void when the ballots do not add up', () => {
    expect(codes(tallyRecall(vote({ ballotsIssued: 699 })))).toEqual(['RETURNED_EXCEEDS_ISSUED']);
    expect(codes(tallyRecall(vote({ invalidBallots: 701, votesFor: 0 })))).toEqual(['INVALID_EXCEEDS_RETURNED']);
    expect(codes(tallyRecall(vote({ votesFor: 691 })))).toEqual(['VOTES_EXCEED_VALID_BALLOTS']);
  });
});
