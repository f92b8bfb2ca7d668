import { describe, expect, it } from 'vitest';
import { AwardInputError, checkAwardInput, computeAwards, type AwardCommunity, type AwardInput } from './award';
import { seededRandom } from './seeded-random';

const amounts = (input: AwardInput) => Object.fromEntries(computeAwards(input).items.map((i) => [i.id, i.amount]));
const paths = (input: AwardInput) => checkAwardInput(input).map((i) => `${i.path}:${i.code}`);

describe('computeAwards: the 以奖代补 formula', () => {
  it('shares the pot in proportion to the scores', () => {
    expect(
      amounts({
        pot: 300_000,
        floorScore: 60,
        communities: [
          { id: 'a', score: 90 },
          { id: 'b', score: 60 },
        ],
      }),
    ).toEqual({ a: 180_000, b: 120_000 });
  });

  it('gives a community below the floor 0 with the reason, and the pot to the others', () => {
    const r = computeAwards({
      pot: 1000,
      floorScore: 60,
      communities: [
        { id: 'low', score: 59.5 },
        { id: 'ok', score: 80 },
      ],
    });
    expect(r.items[0]).toMatchObject({ id: 'low', amount: 0, kind: 'below_floor' });
    expect(r.items[0].reason.zh).toBe('得分 59.5 低于最低分 60，不予奖补');
    expect(r.items[0].reason.en).toContain('below the floor 60');
    expect(r.items[1]).toMatchObject({ id: 'ok', amount: 1000, kind: 'proportional' });
  });

  it('counts a score equal to the floor as reaching it', () => {
    expect(
      amounts({
        pot: 100,
        floorScore: 60,
        communities: [
          { id: 'a', score: 60 },
          { id: 'b', score: 60 },
        ],
      }),
    ).toEqual({ a: 50, b: 50 });
  });

  it('splits 100 yuan among three equal scores as 33.34 + 33.33 + 33.33, the extra fen to the first id', () => {
    const r = computeAwards({
      pot: 100,
      floorScore: 0,
      communities: [
        { id: 'c', score: 70 },
        { id: 'a', score: 70 },
        { id: 'b', score: 70 },
      ],
    });
    expect(r.items.map((i) => [i.id, i.amount])).toEqual([
      ['c', 33.33],
      ['a', 33.34],
      ['b', 33.33],
    ]);
    expect(r.total).toBe(100);
    expect(r.items[1].reason.zh).toContain('尾差进 0.01 元');
    expect(r.items[0].reason.zh).not.toContain('尾差');
  });

  it('gives the leftover fen to the largest remainders first, then to the higher score', () => {
    // 0.10 yuan = 10 fen over scores 1, 2, 4: exact 1.4286, 2.857, 5.714 fen → 1, 2, 5 (8) + 2 fen: .857 and .714 win.
    const r = computeAwards({
      pot: 0.1,
      floorScore: 0,
      communities: [
        { id: 'x', score: 1 },
        { id: 'y', score: 2 },
        { id: 'z', score: 4 },
      ],
    });
    expect(r.items.map((i) => i.fen)).toEqual([1, 3, 6]);
    // Equal remainders (1/3 each of 1 fen among equal scores is covered above); higher score first: 1 fen over 3 and 6 → 0.333, 0.667.
    const tie = computeAwards({
      pot: 0.01,
      floorScore: 0,
      communities: [
        { id: 'a', score: 50 },
        { id: 'b', score: 50 },
      ],
    });
    expect(tie.items.map((i) => i.fen)).toEqual([1, 0]);
  });

  it('holds a community at maxShare and shares its excess among the others, iteratively', () => {
    // 90 / 5 / 5 of 1000 with a 50% cap: a held at 500; b and c share the other 500 equally.
    expect(
      amounts({
        pot: 1000,
        floorScore: 0,
        maxShare: 0.5,
        communities: [
          { id: 'a', score: 90 },
          { id: 'b', score: 5 },
          { id: 'c', score: 5 },
        ],
      }),
    ).toEqual({
      a: 500,
      b: 250,
      c: 250,
    });
    // 40% cap over 100 / 90 / 10 / 10: first pass caps a and b (47.6%, 42.9%) at 400 each; c and d split 200.
    const r = computeAwards({
      pot: 1000,
      floorScore: 0,
      maxShare: 0.4,
      communities: [
        { id: 'a', score: 100 },
        { id: 'b', score: 90 },
        { id: 'c', score: 10 },
        { id: 'd', score: 10 },
      ],
    });
    expect(r.items.map((i) => [i.id, i.amount, i.kind])).toEqual([
      ['a', 400, 'capped'],
      ['b', 400, 'capped'],
      ['c', 100, 'proportional'],
      ['d', 100, 'proportional'],
    ]);
    expect(r.items[0].reason.zh).toContain('上限 40%');
    expect(r.items[2].reason.zh).toContain('含上限社区的超出部分');
  });

  it('needs a second round when the redistribution pushes another community over the cap', () => {
    // 35% cap over 50 / 30 / 10 / 10: round one caps only a (50%); b then gets 30/50 of 650 = 390 > 350 and is capped too.
    const r = computeAwards({
      pot: 1000,
      floorScore: 0,
      maxShare: 0.35,
      communities: [
        { id: 'a', score: 50 },
        { id: 'b', score: 30 },
        { id: 'c', score: 10 },
        { id: 'd', score: 10 },
      ],
    });
    expect(r.items.map((i) => i.amount)).toEqual([350, 350, 150, 150]);
  });

  it('places the pot exactly when maxShare × eligible communities is exactly 1', () => {
    expect(amounts({ pot: 300_000, floorScore: 0, maxShare: 0.25, communities: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, score: 60 + i * 10 })) })).toEqual({
      a: 75_000,
      b: 75_000,
      c: 75_000,
      d: 75_000,
    });
  });

  it('answers 0 for everyone when the pot is 0, and a community with score 0 above a floor of 0 gets 0', () => {
    const zero = computeAwards({
      pot: 0,
      floorScore: 60,
      communities: [
        { id: 'a', score: 90 },
        { id: 'b', score: 10 },
      ],
    });
    expect(zero.items.map((i) => [i.amount, i.kind])).toEqual([
      [0, 'zero_score'],
      [0, 'below_floor'],
    ]);
    expect(zero.total).toBe(0);
    const r = computeAwards({
      pot: 10,
      floorScore: 0,
      communities: [
        { id: 'a', score: 0 },
        { id: 'b', score: 1 },
      ],
    });
    expect(r.items.map((i) => [i.amount, i.kind])).toEqual([
      [0, 'zero_score'],
      [10, 'proportional'],
    ]);
  });

  it('accepts fractional scores and pots with cents', () => {
    const r = computeAwards({
      pot: 12_345.67,
      floorScore: 59.99,
      communities: [
        { id: 'a', score: 59.99 },
        { id: 'b', score: 88.888 },
        { id: 'c', score: 100 },
      ],
    });
    expect(r.totalFen).toBe(1_234_567);
    expect(r.total).toBe(12_345.67);
  });

  it('keeps the input order in its answer', () => {
    expect(
      computeAwards({
        pot: 10,
        floorScore: 0,
        communities: [
          { id: 'z', score: 1 },
          { id: 'a', score: 1 },
        ],
      }).items.map((i) => i.id),
    ).toEqual(['z', 'a']);
  });
});

describe('checkAwardInput: nonsense is refused naming the field', () => {
  const ok: AwardInput = { pot: 300_000, floorScore: 60, communities: [{ id: 'a', score: 80 }] };

  it('accepts a sane input', () => expect(checkAwardInput(ok)).toEqual([]));
  it('refuses a negative pot', () => expect(paths({ ...ok, pot: -1 })).toEqual(['pot:too_small']));
  it('refuses a pot with fractions of a fen', () => expect(paths({ ...ok, pot: 1.005 })).toEqual(['pot:too_precise']));
  it('refuses a pot too large to count in exact fen', () => expect(paths({ ...ok, pot: 1e11 })).toEqual(['pot:too_big']));
  it('refuses NaN and infinity', () => {
    expect(paths({ ...ok, pot: Number.NaN })).toEqual(['pot:invalid_type']);
    expect(paths({ ...ok, floorScore: Number.POSITIVE_INFINITY })).toEqual(['floorScore:invalid_type']);
  });
  it('refuses a floor outside 0–100', () => expect(paths({ ...ok, floorScore: 101 })).toEqual(['floorScore:out_of_range']));
  it('refuses scores outside 0–100, naming the item', () =>
    expect(
      paths({
        ...ok,
        communities: [
          { id: 'a', score: 80 },
          { id: 'b', score: -0.1 },
          { id: 'c', score: 100.5 },
        ],
      }),
    ).toEqual(['communities.1.score:out_of_range', 'communities.2.score:out_of_range']));
  it('refuses duplicate and empty ids', () => {
    const issues = checkAwardInput({
      ...ok,
      communities: [
        { id: 'a', score: 80 },
        { id: '', score: 70 },
        { id: 'a', score: 60 },
      ],
    });
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual(['communities.1.id:invalid_type', 'communities.2.id:duplicate']);
    expect(issues[1].message).toContain('与第 1 项相同');
  });
  it('refuses maxShare of 0, below 0 or above 1, and accepts exactly 1', () => {
    expect(paths({ ...ok, maxShare: 0 })).toEqual(['maxShare:out_of_range']);
    expect(paths({ ...ok, maxShare: -0.5 })).toEqual(['maxShare:out_of_range']);
    expect(paths({ ...ok, maxShare: 1.01 })).toEqual(['maxShare:out_of_range']);
    expect(paths({ ...ok, maxShare: 1 })).toEqual([]);
  });
  it('refuses a maxShare too small to place the pot among the eligible communities', () => {
    const three = [80, 70, 50].map((score, i) => ({ id: `c${i}`, score }));
    // Two reach the floor of 60: 2 × 0.4 < 1.
    const issues = checkAwardInput({ pot: 1000, floorScore: 60, maxShare: 0.4, communities: three });
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual(['maxShare:too_small']);
    expect(issues[0].messageEn).toContain('needs at least 50%');
    expect(checkAwardInput({ pot: 1000, floorScore: 60, maxShare: 0.5, communities: three })).toEqual([]);
  });
  it('refuses a positive pot that nobody reaches the floor for (it could not add up)', () => {
    expect(paths({ pot: 10, floorScore: 90, communities: [{ id: 'a', score: 80 }] })).toEqual(['floorScore:nobody_eligible']);
    expect(paths({ pot: 10, floorScore: 0, communities: [] })).toEqual(['floorScore:nobody_eligible']);
    expect(paths({ pot: 0, floorScore: 90, communities: [{ id: 'a', score: 80 }] })).toEqual([]);
  });
  it('throws the issues from computeAwards', () => {
    expect(() => computeAwards({ ...ok, pot: -5 })).toThrow(AwardInputError);
  });
});

/** A random valid input: pots from 0.01 yuan to 10 million with cents, 1–40 communities, scores with up to 3 decimals. */
function randomInput(next: () => number): AwardInput {
  const n = 1 + Math.floor(next() * 40);
  const communities: AwardCommunity[] = Array.from({ length: n }, (_, i) => {
    const r = next();
    // Some equal scores, some integers, some fractional, some 0 and 100.
    const score = r < 0.1 ? 75 : r < 0.15 ? 0 : r < 0.2 ? 100 : r < 0.6 ? Math.floor(next() * 101) : Math.round(next() * 100_000) / 1000;
    return { id: `c${(i * 7919) % 1000}-${i}`, score };
  });
  const potFen = next() < 0.1 ? 1 + Math.floor(next() * 20) : Math.floor(next() * 1_000_000_000) + 1;
  const floorScore = next() < 0.3 ? 0 : Math.floor(next() * 80);
  const payable = communities.filter((c) => c.score >= floorScore && c.score > 0).length;
  let maxShare: number | undefined;
  if (payable > 0 && next() < 0.6) maxShare = Math.min(1, Math.ceil((1 / payable + next() * (1 - 1 / payable)) * 10_000) / 10_000);
  return { pot: potFen / 100, floorScore, maxShare, communities };
}

describe('computeAwards: properties over 3,000 seeded random inputs', () => {
  const cases: AwardInput[] = [];
  const next = seededRandom(20261129);
  while (cases.length < 3000) {
    const input = randomInput(next);
    if (checkAwardInput(input).length === 0) cases.push(input);
  }

  it('always adds up to the pot to the fen', () => {
    for (const input of cases) {
      const r = computeAwards(input);
      expect(r.totalFen, JSON.stringify(input)).toBe(Math.round(input.pot * 100));
      expect(r.items.reduce((s, i) => s + i.fen, 0)).toBe(r.totalFen);
      expect(r.total).toBe(input.pot);
    }
  });

  it('gives amounts with at most two decimals that match their fen', () => {
    const bad = cases.filter((input) => computeAwards(input).items.some((i) => !Number.isInteger(i.fen) || i.fen < 0 || Math.round(i.amount * 100) !== i.fen));
    expect(bad).toEqual([]);
  });

  it('gives nothing below the floor, and never more than maxShare of the pot', () => {
    for (const input of cases) {
      const potFen = Math.round(input.pot * 100);
      for (const [k, item] of computeAwards(input).items.entries()) {
        if (input.communities[k].score < input.floorScore) expect(item.fen).toBe(0);
        if (input.maxShare !== undefined) expect(item.fen).toBeLessThanOrEqual(Math.floor(potFen * input.maxShare + 1e-6));
      }
    }
  });

  it('never gives a higher score less than a lower one (rounding included), and equal scores differ by at most a fen', () => {
    const bad = cases.filter((input) => {
      const items = computeAwards(input).items;
      const eligible = input.communities.map((c, k) => ({ score: c.score, fen: items[k].fen })).filter((x) => x.score >= input.floorScore);
      return eligible.some((a) => eligible.some((b) => (a.score > b.score && a.fen < b.fen) || (a.score === b.score && Math.abs(a.fen - b.fen) > 1)));
    });
    expect(bad).toEqual([]);
  });

  it('stays within one fen of the exact proportional share when no cap binds', () => {
    for (const input of cases.filter((c) => c.maxShare === undefined)) {
      const potFen = Math.round(input.pot * 100);
      const eligible = input.communities.filter((c) => c.score >= input.floorScore);
      const sum = eligible.reduce((s, c) => s + c.score, 0);
      const items = computeAwards(input).items;
      input.communities.forEach((c, k) => {
        if (c.score < input.floorScore) return;
        expect(Math.abs(items[k].fen - (potFen * c.score) / sum)).toBeLessThan(1 + 1e-6);
      });
    }
  });

  it('answers the same amounts whatever the order of the communities (deterministic tie-break)', () => {
    const shuffle = seededRandom(7);
    for (const input of cases.slice(0, 500)) {
      const byId = amounts(input);
      const shuffled = [...input.communities].sort(() => shuffle() - 0.5);
      expect(amounts({ ...input, communities: shuffled })).toEqual(byId);
    }
  });
});
