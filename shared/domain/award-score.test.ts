import { describe, expect, it } from 'vitest';
import { checkItemScores, DEFAULT_INSPECTION_ITEMS, weightedScore } from './award-score';

const items = [
  { key: 'order', label: '管理有序', weight: 1 },
  { key: 'four_haves', label: '四有建设', weight: 3 },
];

describe('weightedScore', () => {
  it('weighs each item by its share of the weights', () => {
    expect(weightedScore(items, { order: 80, four_haves: 60 })).toBe(65);
  });
  it('rounds to the thousandth of a point', () => {
    expect(weightedScore([...items, { key: 'x', label: 'x', weight: 2 }], { order: 100, four_haves: 0, x: 0 })).toBe(16.667);
  });
  it('gives the default items (six aims and 四有) a full 100 for full marks', () => {
    expect(weightedScore(DEFAULT_INSPECTION_ITEMS, Object.fromEntries(DEFAULT_INSPECTION_ITEMS.map((i) => [i.key, 100])))).toBe(100);
  });
});

describe('checkItemScores', () => {
  it('names a missing item, one out of range and one unknown', () => {
    expect(checkItemScores(items, { order: 101, extra: 5 }).map((i) => [i.path, i.code])).toEqual([
      ['itemScores.order', 'out_of_range'],
      ['itemScores.four_haves', 'required'],
      ['itemScores.extra', 'unknown'],
    ]);
  });
  it('accepts every item scored 0–100', () => {
    expect(checkItemScores(items, { order: 0, four_haves: 100 })).toEqual([]);
  });
});
