import { seededRandom } from '../../../shared/domain/seeded-random';

/** The seed's random choices on a deterministic PRNG: the same seed gives the same demo city everywhere. */
export function rng(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    /** Integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    /** Picks by weight. */
    weighted: <T>(items: readonly (readonly [T, number])[]) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [item, w] of items) {
        x -= w;
        if (x <= 0) return item;
      }
      return items[items.length - 1][0];
    },
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;
