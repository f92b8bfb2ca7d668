/**
 * 以奖代补 (rewards in place of subsidies): how an annual pot is shared among communities by their
 * evaluation scores. Pure: no database, no HTTP. Money is computed in fen (integers, BigInt for the
 * products), so the amounts always add up to the pot exactly.
 *
 * 1. A community whose score is below `floorScore` gets 0.
 * 2. The others share the pot in proportion to their scores.
 * 3. With `maxShare`, no one gets more than `maxShare` of the pot: those above it are held at the cap and
 *    the rest is shared again among the others, until nobody is above it (water-filling).
 * 4. The exact shares are rounded down to the fen; the fen left over go one by one to the largest
 *    remainders (ties: higher score, then id in code-point order), so the total is the pot to the fen.
 */

/** One community's score, as an inspection (or, later, the evaluation module) gives it. */
export interface AwardCommunity {
  /** Any string, so a hypothetical can be checked; unique within one request. */
  id: string;
  /** 0–100. */
  score: number;
}

export interface AwardInput {
  /** The pot in yuan, at most two decimals. */
  pot: number;
  /** Communities scoring below this get nothing (0–100). */
  floorScore: number;
  /** The largest share of the pot one community may get, in (0, 1]; absent = no cap. */
  maxShare?: number;
  communities: AwardCommunity[];
}

/** A text in both languages (zh-CN first). */
export interface AwardText {
  zh: string;
  en: string;
}

export interface AwardItem {
  id: string;
  /** Yuan with two decimals. */
  amount: number;
  /** The amount in fen (exact). */
  fen: number;
  /** Why this amount. */
  reason: AwardText;
  /** below_floor | zero_score | capped | proportional */
  kind: 'below_floor' | 'zero_score' | 'capped' | 'proportional';
}

export interface AwardResult {
  items: AwardItem[];
  /** Yuan, always equal to the pot. */
  total: number;
  totalFen: number;
}

/** A problem with the input, naming the field (`pot`, `communities.2.score` …). */
export interface AwardIssue {
  path: string;
  code: string;
  message: string;
  messageEn: string;
}

/** The largest pot accepted: ten billion yuan keeps every fen amount an exact JavaScript integer. */
export const MAX_POT_YUAN = 10_000_000_000;
/** The most communities in one preview. */
export const MAX_AWARD_COMMUNITIES = 10_000;

const SCORE_SCALE = 1_000_000; // scores are weighed to the millionth of a point
const SHARE_SCALE = 1_000_000_000n; // maxShare to the billionth

const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
/** Whether a yuan amount has at most two decimals (tolerating binary floating point: 0.29 * 100). */
const hasAtMostTwoDecimals = (yuan: number) => Math.abs(yuan * 100 - Math.round(yuan * 100)) < 1e-6 * Math.max(1, Math.abs(yuan));

export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
export const fenToYuan = (fen: number) => Math.round(fen) / 100;
/** 1234567 fen → "12345.67". */
export const formatFen = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

const fmtScore = (s: number) => String(Math.round(s * 1000) / 1000);
const fmtPct = (share: number) => `${Math.round(share * 10000) / 100}%`;

/** Every problem with an input, each naming its field; empty when the pot can be placed. */
export function checkAwardInput(input: AwardInput): AwardIssue[] {
  const issues: AwardIssue[] = [];
  const add = (path: string, code: string, message: string, messageEn: string) => issues.push({ path, code, message, messageEn });
  const { pot, floorScore, maxShare, communities } = input;
  if (!isFiniteNumber(pot)) add('pot', 'invalid_type', '奖补资金总额须为数字', 'pot must be a number');
  else if (pot < 0) add('pot', 'too_small', '奖补资金总额不能为负数', 'pot must not be negative');
  else if (pot > MAX_POT_YUAN) add('pot', 'too_big', `奖补资金总额不能超过 ${MAX_POT_YUAN} 元`, `pot must be at most ${MAX_POT_YUAN} yuan`);
  else if (!hasAtMostTwoDecimals(pot)) add('pot', 'too_precise', '奖补资金总额以元为单位，最多两位小数', 'pot is in yuan with at most two decimals');
  if (!isFiniteNumber(floorScore)) add('floorScore', 'invalid_type', '最低分须为数字', 'floorScore must be a number');
  else if (floorScore < 0 || floorScore > 100) add('floorScore', 'out_of_range', '最低分须在 0–100 之间', 'floorScore must be between 0 and 100');
  if (maxShare !== undefined) {
    if (!isFiniteNumber(maxShare)) add('maxShare', 'invalid_type', '单个社区上限比例须为数字', 'maxShare must be a number');
    else if (maxShare <= 0 || maxShare > 1)
      add('maxShare', 'out_of_range', '单个社区上限比例须大于 0 且不超过 1', 'maxShare must be greater than 0 and at most 1');
  }
  if (!Array.isArray(communities)) {
    add('communities', 'invalid_type', '社区列表须为数组', 'communities must be a list');
    return issues;
  }
  if (communities.length > MAX_AWARD_COMMUNITIES)
    add('communities', 'too_big', `最多 ${MAX_AWARD_COMMUNITIES} 个社区`, `at most ${MAX_AWARD_COMMUNITIES} communities`);
  const seen = new Map<string, number>();
  communities.forEach((c, i) => {
    if (typeof c?.id !== 'string' || c.id.length === 0) add(`communities.${i}.id`, 'invalid_type', '社区标识不能为空', 'id must be a non-empty string');
    else if (seen.has(c.id))
      add(
        `communities.${i}.id`,
        'duplicate',
        `社区标识“${c.id}”重复（与第 ${seen.get(c.id)! + 1} 项相同）`,
        `id "${c.id}" repeats item ${seen.get(c.id)! + 1}`,
      );
    else seen.set(c.id, i);
    if (!isFiniteNumber(c?.score)) add(`communities.${i}.score`, 'invalid_type', '得分须为数字', 'score must be a number');
    else if (c.score < 0 || c.score > 100) add(`communities.${i}.score`, 'out_of_range', '得分须在 0–100 之间', 'score must be between 0 and 100');
  });
  if (issues.length > 0) return issues;

  // The pot must be placeable: someone to give it to, and enough room under the cap.
  const potFen = yuanToFen(pot);
  if (potFen === 0) return issues;
  const payable = communities.filter((c) => c.score >= floorScore && c.score > 0);
  if (payable.length === 0) {
    add(
      'floorScore',
      'nobody_eligible',
      '没有社区得分达到最低分（且大于 0），奖补资金无法分配',
      'no community scores at or above the floor (and above 0): the pot cannot be placed',
    );
    return issues;
  }
  if (maxShare !== undefined) {
    const capFen = capOf(potFen, maxShare);
    if (capFen * BigInt(payable.length) < BigInt(potFen)) {
      add(
        'maxShare',
        'too_small',
        `上限比例过小：${payable.length} 个参与分配的社区每个最多 ${formatFen(Number(capFen))} 元，合计不足奖补资金总额（至少需要 ${fmtPct(1 / payable.length)}）`,
        `maxShare is too small: ${payable.length} eligible communities at most ${formatFen(Number(capFen))} yuan each cannot place the pot (needs at least ${fmtPct(1 / payable.length)})`,
      );
    }
  }
  return issues;
}

/** The cap in fen: floor(pot × maxShare), with maxShare read to the billionth. */
function capOf(potFen: number, maxShare: number): bigint {
  return (BigInt(potFen) * BigInt(Math.round(maxShare * Number(SHARE_SCALE)))) / SHARE_SCALE;
}

/** Thrown by computeAwards on an input checkAwardInput refuses. */
export class AwardInputError extends Error {
  constructor(readonly issues: AwardIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.messageEn}`).join('; '));
  }
}

/** Shares the pot (see the module comment). Items come back in the input's order. */
export function computeAwards(input: AwardInput): AwardResult {
  const issues = checkAwardInput(input);
  if (issues.length > 0) throw new AwardInputError(issues);
  const potFen = yuanToFen(input.pot);
  const { floorScore, maxShare, communities } = input;
  const weight = (s: number) => BigInt(Math.round(s * SCORE_SCALE));

  const fen = new Map<string, bigint>();
  const kind = new Map<string, AwardItem['kind']>();
  const payable = potFen > 0 ? communities.filter((c) => c.score >= floorScore && c.score > 0) : [];
  for (const c of communities) {
    if (c.score < floorScore) kind.set(c.id, 'below_floor');
    else if (c.score === 0 || potFen === 0) kind.set(c.id, 'zero_score');
    fen.set(c.id, 0n);
  }

  // Water-filling: hold everyone whose proportional share exceeds the cap at the cap, share the rest again.
  const cap = maxShare === undefined ? null : capOf(potFen, maxShare);
  let active = payable;
  let rest = BigInt(potFen);
  if (cap !== null) {
    for (;;) {
      const sum = active.reduce((s, c) => s + weight(c.score), 0n);
      // rest × w / sum > cap  ⟺  rest × w > cap × sum (exact).
      const over = active.filter((c) => rest * weight(c.score) > cap * sum);
      if (over.length === 0) break;
      for (const c of over) {
        fen.set(c.id, cap);
        kind.set(c.id, 'capped');
        rest -= cap;
      }
      active = active.filter((c) => !over.includes(c));
    }
  }

  // Proportional shares of what is left, rounded down; the fen left over by largest remainder.
  const sum = active.reduce((s, c) => s + weight(c.score), 0n);
  const remainders: { c: AwardCommunity; rem: bigint }[] = [];
  let placed = 0n;
  for (const c of active) {
    const num = rest * weight(c.score);
    const base = sum === 0n ? 0n : num / sum;
    fen.set(c.id, base);
    kind.set(c.id, 'proportional');
    placed += base;
    remainders.push({ c, rem: sum === 0n ? 0n : num % sum });
  }
  let leftover = rest - placed;
  remainders.sort((a, b) =>
    a.rem !== b.rem ? (b.rem > a.rem ? 1 : -1) : b.c.score !== a.c.score ? b.c.score - a.c.score : a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0,
  );
  const roundedUp = new Set<string>();
  for (const { c } of remainders) {
    if (leftover <= 0n) break;
    fen.set(c.id, fen.get(c.id)! + 1n);
    roundedUp.add(c.id);
    leftover -= 1n;
  }

  const eligibleSum = payable.reduce((s, c) => s + c.score, 0);
  const activeSum = active.reduce((s, c) => s + c.score, 0);
  const anyCapped = active.length < payable.length;
  const items: AwardItem[] = communities.map((c) => {
    const f = Number(fen.get(c.id)!);
    const k = kind.get(c.id)!;
    let reason: AwardText;
    switch (k) {
      case 'below_floor':
        reason = {
          zh: `得分 ${fmtScore(c.score)} 低于最低分 ${fmtScore(floorScore)}，不予奖补`,
          en: `score ${fmtScore(c.score)} is below the floor ${fmtScore(floorScore)}: no award`,
        };
        break;
      case 'zero_score':
        reason = potFen === 0 ? { zh: '奖补资金总额为 0', en: 'the pot is 0' } : { zh: '得分为 0，按比例分得 0 元', en: 'score 0: a proportional share of 0' };
        break;
      case 'capped':
        reason = {
          zh: `按得分比例应得超过单个社区上限 ${fmtPct(maxShare!)}，按上限 ${formatFen(f)} 元发放，超出部分分给其他社区`,
          en: `its proportional share exceeds the cap of ${fmtPct(maxShare!)}: held at ${formatFen(f)} yuan, the excess shared among the others`,
        };
        break;
      default: {
        const share = `${fmtScore(c.score)} / ${fmtScore(anyCapped ? activeSum : eligibleSum)}`;
        const plus = roundedUp.has(c.id);
        reason = {
          zh:
            (anyCapped ? `按得分比例（${share}）分配未达上限社区的资金（含上限社区的超出部分）` : `按得分占参与分配社区总分的比例（${share}）分配`) +
            (plus ? '，尾差进 0.01 元' : ''),
          en:
            (anyCapped
              ? `proportional share (${share}) of what the capped communities leave, their excess included`
              : `proportional share of the eligible points (${share})`) + (plus ? ', plus 0.01 yuan of rounding' : ''),
        };
      }
    }
    return { id: c.id, amount: fenToYuan(f), fen: f, reason, kind: k };
  });
  const totalFen = items.reduce((s, i) => s + i.fen, 0);
  return { items, total: fenToYuan(totalFen), totalFen };
}
