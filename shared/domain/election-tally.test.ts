import { describe, expect, it } from 'vitest';
import { tallyElection, type TallyCandidate, type TallyInput } from './election-tally';
import { seededRandom } from './seeded-random';

const man = (id: string): TallyCandidate => ({ id, name: id, sex: 'M' });
const woman = (id: string): TallyCandidate => ({ id, name: id, sex: 'F' });

/** A well-formed count: 1,000 voters, 800 ballots issued and returned, 20 invalid. */
function count(over: Partial<TallyInput> & Pick<TallyInput, 'candidates' | 'votes'>): TallyInput {
  return { seats: 3, registeredVoters: 1000, ballotsIssued: 800, ballotsReturned: 800, invalidBallots: 20, requireWoman: false, ...over };
}
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe('validity of the ballot', () => {
  const cs = [man('a'), man('b'), woman('c')];
  const votes = { a: 700, b: 650, c: 600 };

  it('stands when more than half of the roll voted and the ballots add up', () => {
    const r = tallyElection(count({ candidates: cs, votes }));
    expect(r.valid).toBe(true);
    expect(r.reasons).toEqual([]);
  });

  it('is void when exactly half of the roll voted (more than half is required)', () => {
    const r = tallyElection(count({ registeredVoters: 1600, ballotsIssued: 800, candidates: cs, votes }));
    expect(r).toMatchObject({ valid: false, elected: [], unfilledSeats: 3, runoffCandidates: [] });
    expect(codes(r)).toEqual(['TURNOUT_NOT_MAJORITY']);
  });

  it('stands when one voter more than half voted', () => {
    const r = tallyElection(count({ registeredVoters: 1599, ballotsIssued: 800, candidates: cs, votes }));
    expect(r.valid).toBe(true);
  });

  it('is void when more ballots came back than were issued, with a reason in both languages', () => {
    const r = tallyElection(count({ ballotsIssued: 799, candidates: cs, votes }));
    expect(r.valid).toBe(false);
    expect(r.reasons).toEqual([
      { code: 'RETURNED_EXCEEDS_ISSUED', zh: expect.stringContaining('多于发出的 799 张'), en: expect.stringContaining('more than the 799 issued') },
    ]);
  });

  it('is void when there are more invalid ballots than returned ones', () => {
    const r = tallyElection(count({ invalidBallots: 801, candidates: cs, votes: {} }));
    expect(codes(r)).toContain('INVALID_EXCEEDS_RETURNED');
    expect(r.valid).toBe(false);
  });

  it('is void when more ballots were issued than voters are registered', () => {
    const r = tallyElection(count({ registeredVoters: 1000, ballotsIssued: 1001, ballotsReturned: 800, candidates: cs, votes }));
    expect(codes(r)).toEqual(['ISSUED_EXCEEDS_REGISTERED']);
  });

  it('is void when a candidate has more votes than there are valid ballots', () => {
    const r = tallyElection(count({ candidates: cs, votes: { a: 781, b: 10, c: 10 } }));
    expect(codes(r)).toEqual(['VOTES_EXCEED_VALID_BALLOTS']);
    expect(r.reasons[0]!.zh).toContain('a');
  });

  it('is void when the votes add up to more marks than valid ballots times seats', () => {
    const r = tallyElection(count({ seats: 1, candidates: cs, votes: { a: 400, b: 400, c: 1 } }));
    expect(codes(r)).toEqual(['MARKS_EXCEED_SEATS']);
  });

  it('lists every reason at once when several rules fail', () => {
    const r = tallyElection(count({ registeredVoters: 3000, ballotsIssued: 700, candidates: cs, votes }));
    expect(codes(r)).toEqual(['TURNOUT_NOT_MAJORITY', 'RETURNED_EXCEEDS_ISSUED']);
  });
});

describe('winners of the first round', () => {
  it('elects the candidates over half of the ballots cast, best placed first', () => {
    const r = tallyElection(count({ candidates: [man('a'), man('b'), woman('c'), man('d')], votes: { a: 500, b: 700, c: 600, d: 300 } }));
    expect(r).toEqual({ valid: true, reasons: [], elected: ['b', 'c', 'a'], unfilledSeats: 0, runoffCandidates: [] });
  });

  it('counts half of the ballots cast, invalid ones included: exactly half is not enough', () => {
    // 800 returned: 400 is half, 401 is over half, although 400 of 780 valid ballots would be over half.
    const r = tallyElection(count({ seats: 2, candidates: [man('a'), woman('b')], votes: { a: 401, b: 400 } }));
    expect(r.elected).toEqual(['a']);
    expect(r.unfilledSeats).toBe(1);
    expect(codes(r)).toEqual(['SEATS_UNFILLED']);
  });

  it('fills the seats with the most votes among those over half when more qualify than there are seats', () => {
    const r = tallyElection(count({ seats: 2, candidates: [man('a'), man('b'), woman('c')], votes: { a: 450, b: 500, c: 420 } }));
    expect(r.elected).toEqual(['b', 'a']);
    expect(r.unfilledSeats).toBe(0);
  });

  it('leaves the last seat unfilled on a tie across it and sends the tied candidates to the next round', () => {
    const r = tallyElection(count({ seats: 2, candidates: [man('a'), man('b'), man('c')], votes: { a: 600, b: 450, c: 450 } }));
    expect(r.elected).toEqual(['a']);
    expect(r.unfilledSeats).toBe(1);
    expect(r.runoffCandidates).toEqual(['b', 'c']);
    expect(codes(r)).toEqual(['TIE_AT_LAST_SEAT', 'SEATS_UNFILLED']);
    expect(r.reasons[0]!.en).toContain('tie with 450 votes');
  });

  it('leaves several seats unfilled when three tie across the last two seats', () => {
    const r = tallyElection(count({ seats: 3, candidates: [man('a'), man('b'), man('c'), man('d')], votes: { a: 600, b: 450, c: 450, d: 450 } }));
    expect(r.elected).toEqual(['a']);
    expect(r.unfilledSeats).toBe(2);
    expect(r.runoffCandidates).toEqual(['b', 'c', 'd']);
  });

  it('elects tied candidates when the tie lies inside the seats', () => {
    const r = tallyElection(count({ seats: 3, candidates: [man('a'), man('b'), man('c'), man('d')], votes: { a: 450, b: 450, c: 600, d: 300 } }));
    expect(r.elected).toEqual(['c', 'a', 'b']);
  });

  it('ignores a tie among candidates under the threshold', () => {
    const r = tallyElection(count({ seats: 1, candidates: [man('a'), man('b'), man('c')], votes: { a: 500, b: 100, c: 100 } }));
    expect(r.elected).toEqual(['a']);
    expect(r.reasons).toEqual([]);
  });

  it('treats a candidate missing from the votes as having none', () => {
    const r = tallyElection(count({ seats: 1, candidates: [man('a'), man('b')], votes: { a: 500 } }));
    expect(r.elected).toEqual(['a']);
  });
});

describe('unfilled seats and the runoff list', () => {
  it('puts one more candidate than the unfilled seats into the runoff, best placed first', () => {
    const r = tallyElection(
      count({ seats: 3, candidates: [man('a'), man('b'), man('c'), man('d'), man('e')], votes: { a: 600, b: 300, c: 350, d: 200, e: 100 } }),
    );
    expect(r.elected).toEqual(['a']);
    expect(r.unfilledSeats).toBe(2);
    expect(r.runoffCandidates).toEqual(['c', 'b', 'd']);
  });

  it('takes everyone tied at the runoff cut', () => {
    const r = tallyElection(count({ seats: 2, candidates: [man('a'), man('b'), man('c'), man('d')], votes: { a: 600, b: 300, c: 200, d: 200 } }));
    expect(r.runoffCandidates).toEqual(['b', 'c', 'd']);
  });

  it('takes all remaining candidates when there are too few for a 差额 runoff', () => {
    const r = tallyElection(count({ seats: 3, candidates: [man('a'), man('b')], votes: { a: 100, b: 90 } }));
    expect(r).toMatchObject({ elected: [], unfilledSeats: 3, runoffCandidates: ['a', 'b'] });
  });
});

describe('second round (另行选举)', () => {
  it('elects the most votes with at least a third of the ballots cast', () => {
    // 900 returned: a third is 300.
    const base = { seats: 2, registeredVoters: 1000, ballotsIssued: 900, ballotsReturned: 900, invalidBallots: 0, round: 2 as const };
    const r = tallyElection(count({ ...base, candidates: [man('a'), man('b'), man('c')], votes: { a: 320, b: 300, c: 280 } }));
    expect(r.elected).toEqual(['a', 'b']);
    const under = tallyElection(count({ ...base, candidates: [man('a'), man('b'), man('c')], votes: { a: 320, b: 299, c: 281 } }));
    expect(under.elected).toEqual(['a']);
    expect(under.runoffCandidates).toEqual(['b', 'c']);
  });

  it('applies the same tie rule', () => {
    const r = tallyElection(count({ seats: 1, round: 2, ballotsReturned: 800, candidates: [man('a'), man('b'), man('c')], votes: { a: 350, b: 350, c: 80 } }));
    expect(r).toMatchObject({ elected: [], unfilledSeats: 1, runoffCandidates: ['a', 'b'] });
  });

  it('elects nobody with no votes even when the ballot had no valid marks', () => {
    const r = tallyElection(count({ seats: 1, round: 2, invalidBallots: 800, candidates: [man('a')], votes: {} }));
    expect(r.elected).toEqual([]);
  });
});

describe('the woman member (requireWoman)', () => {
  it('changes nothing when a woman is elected', () => {
    const r = tallyElection(count({ requireWoman: true, candidates: [man('a'), man('b'), woman('c')], votes: { a: 700, b: 650, c: 600 } }));
    expect(r).toMatchObject({ elected: ['a', 'b', 'c'], reasons: [] });
  });

  it('elects the best-placed woman over half in place of the lowest-placed man', () => {
    const cs = [man('a'), man('b'), man('c'), woman('d'), woman('e')];
    const r = tallyElection(count({ requireWoman: true, candidates: cs, votes: { a: 500, b: 480, c: 460, d: 420, e: 300 } }));
    expect(r.elected).toEqual(['a', 'b', 'd']);
    expect(r.unfilledSeats).toBe(0);
    expect(codes(r)).toEqual(['WOMAN_REPLACES_LAST']);
    expect(r.reasons[0]!.zh).toContain('d 替代得票最少的 c');
  });

  it('keeps a seat for a woman when no woman reached half: the lowest-placed man is not elected and women go to the next round', () => {
    const cs = [man('a'), man('b'), man('c'), man('d'), woman('e'), woman('f'), woman('g')];
    const r = tallyElection(count({ requireWoman: true, candidates: cs, votes: { a: 500, b: 480, c: 460, d: 200, e: 390, f: 150, g: 100 } }));
    expect(r.elected).toEqual(['a', 'b']);
    expect(r.unfilledSeats).toBe(1);
    expect(codes(r)).toEqual(['WOMAN_SEAT_RESERVED', 'SEATS_UNFILLED']);
    // c (the man who lost the place), e (next best), then the two best-placed women (e, f).
    expect(r.runoffCandidates).toEqual(['c', 'e', 'f']);
  });

  it('keeps one of the already unfilled seats for a woman without unseating anyone', () => {
    const cs = [man('a'), man('b'), woman('c')];
    const r = tallyElection(count({ requireWoman: true, candidates: cs, votes: { a: 700, b: 200, c: 100 } }));
    expect(r.elected).toEqual(['a']);
    expect(r.unfilledSeats).toBe(2);
    expect(codes(r)).toEqual(['WOMAN_SEAT_RESERVED', 'SEATS_UNFILLED']);
    expect(r.runoffCandidates).toEqual(['b', 'c']);
  });

  it('elects a woman over half who was in a tie across the last seat', () => {
    const cs = [man('a'), man('b'), woman('c')];
    const r = tallyElection(count({ seats: 2, requireWoman: true, candidates: cs, votes: { a: 600, b: 450, c: 450 } }));
    expect(r.elected).toEqual(['a', 'c']);
    expect(r.unfilledSeats).toBe(0);
    expect(codes(r)).toEqual(['TIE_AT_LAST_SEAT', 'WOMAN_REPLACES_LAST']);
  });

  it('gives the place of tied lowest-placed men to the woman and sends the tied men to the next round', () => {
    const cs = [man('a'), man('b'), man('c'), woman('d')];
    const r = tallyElection(count({ requireWoman: true, candidates: cs, votes: { a: 600, b: 500, c: 500, d: 450 } }));
    expect(r.elected).toEqual(['a', 'd']);
    expect(r.unfilledSeats).toBe(1);
    expect(r.runoffCandidates).toEqual(['b', 'c']);
  });

  it('says so when no woman stands, and elects as usual', () => {
    const r = tallyElection(count({ requireWoman: true, candidates: [man('a'), man('b'), man('c')], votes: { a: 700, b: 650, c: 600 } }));
    expect(r.elected).toEqual(['a', 'b', 'c']);
    expect(codes(r)).toEqual(['NO_WOMAN_CANDIDATE']);
  });

  it('is not applied when requireWoman is off', () => {
    const cs = [man('a'), man('b'), man('c'), woman('d')];
    const r = tallyElection(count({ candidates: cs, votes: { a: 600, b: 550, c: 500, d: 450 } }));
    expect(r.elected).toEqual(['a', 'b', 'c']);
  });
});

/** A random count that is internally consistent most of the time (sometimes not: the void cases). */
function randomCount(next: () => number): TallyInput {
  const int = (n: number) => Math.floor(next() * n);
  const seats = 1 + int(9);
  const roll = 1 + int(2000);
  const issued = int(roll + 1);
  const returned = next() < 0.1 ? issued + 1 + int(5) : int(issued + 1);
  const invalid = int(Math.max(1, Math.floor(returned / 10)));
  const n = 1 + int(12);
  const candidates = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `c${i}`, sex: (next() < 0.35 ? 'F' : 'M') as 'F' | 'M' }));
  const valid = Math.max(returned - invalid, 0);
  // Few distinct vote counts, so that ties happen often.
  const levels = Array.from({ length: 4 }, () => int(valid + 1));
  const votes = Object.fromEntries(candidates.map((c) => [c.id, levels[int(levels.length)]!]));
  return {
    seats,
    registeredVoters: roll,
    ballotsIssued: issued,
    ballotsReturned: returned,
    invalidBallots: invalid,
    requireWoman: next() < 0.6,
    candidates,
    votes,
    round: next() < 0.3 ? 2 : 1,
  };
}

describe('properties over 5,000 random counts (seeded)', () => {
  const next = seededRandom(20260101);
  const cases = Array.from({ length: 5000 }, () => randomCount(next));
  const results = cases.map((c) => ({ c, r: tallyElection(c) }));

  it('always accounts for every seat: elected plus unfilled equals seats', () => {
    for (const { c, r } of results) expect(r.elected.length + r.unfilledSeats, JSON.stringify(c)).toBe(c.seats);
  });

  it('never elects anyone from a void ballot, and a void ballot always says why', () => {
    for (const { r } of results) if (!r.valid) expect(r.elected.length === 0 && r.reasons.length > 0).toBe(true);
    expect(results.some(({ r }) => !r.valid)).toBe(true);
    expect(results.some(({ r }) => r.valid && r.elected.length > 0)).toBe(true);
  });

  it('is void whenever more ballots came back than were issued', () => {
    for (const { c, r } of results) if (c.ballotsReturned > c.ballotsIssued) expect(r.valid).toBe(false);
  });

  it('elects only candidates over the round threshold, each once, none also in the runoff', () => {
    for (const { c, r } of results) {
      expect(new Set(r.elected).size).toBe(r.elected.length);
      for (const id of r.elected) {
        const v = c.votes[id] ?? 0;
        if ((c.round ?? 1) === 1) expect(2 * v).toBeGreaterThan(c.ballotsReturned);
        else expect(3 * v).toBeGreaterThanOrEqual(c.ballotsReturned);
        expect(r.runoffCandidates).not.toContain(id);
      }
    }
  });

  it('never passes over a candidate with as many votes, except for the woman member', () => {
    for (const { c, r } of results) {
      const elected = new Set(r.elected);
      for (const e of r.elected)
        for (const n of c.candidates.filter((x) => !elected.has(x.id)))
          if ((c.votes[n.id] ?? 0) >= (c.votes[e] ?? 0)) {
            expect(c.requireWoman, JSON.stringify(c)).toBe(true);
            expect(c.candidates.find((x) => x.id === e)!.sex).toBe('F');
          }
    }
  });

  it('with requireWoman and a woman standing, either elects a woman or leaves a seat open for the next round', () => {
    for (const { c, r } of results)
      if (r.valid && c.requireWoman && c.candidates.some((x) => x.sex === 'F')) {
        const womanElected = r.elected.some((id) => c.candidates.find((x) => x.id === id)!.sex === 'F');
        expect(womanElected || r.unfilledSeats > 0, JSON.stringify(c)).toBe(true);
      }
  });

  it('offers at least one more runoff candidate than unfilled seats when enough candidates remain', () => {
    for (const { c, r } of results)
      if (r.valid && r.unfilledSeats > 0) {
        const remaining = c.candidates.length - r.elected.length;
        expect(r.runoffCandidates.length).toBeGreaterThanOrEqual(Math.min(remaining, r.unfilledSeats + 1));
      } else if (r.unfilledSeats === 0) expect(r.runoffCandidates).toEqual([]);
  });

  it('does not depend on the order of the votes object', () => {
    for (const { c, r } of results.slice(0, 500)) {
      const reversed = Object.fromEntries(Object.entries(c.votes).reverse());
      expect(tallyElection({ ...c, votes: reversed })).toEqual(r);
    }
  });
});
