/**
 * The demo city's 以奖代补 (the speech: "从去年起，连续三年由市财政每年安排30万元社区建设资金，通过'以奖代补'的形式"):
 * three rounds of 300,000 yuan. Last year's is approved and paid (its payments name the reward entries the
 * four-haves seed put in the funding ledger); this year's is a draft with every community's inspection
 * score; next year's is opened with its pot, formula and weighted inspection items, not scored yet.
 */
import { computeAwards } from '../../../shared/domain/award';
import { DEFAULT_INSPECTION_ITEMS } from '../../../shared/domain/award-score';
import type { Database } from '../../db/client';
import { COMMUNITIES, STREETS } from '../../db/seed/demo-city';
import { AWARD_POT_YUAN, AWARD_YEARS, SCORES } from '../fourhaves/fourhaves.seed';
import { awardAllocations, awardPayments, awardRounds, awardScores } from './awards.table';

/** The demo city's formula: below 60 nothing, nobody above 20% of the pot (as the four-haves seed computed it). */
const FLOOR = 60;
const MAX_SHARE = 0.2;

export async function seedAwards(database: Database) {
  const { db } = database;
  const rows = await database.query<{ id: string; name: string }>(`SELECT id, name FROM regions WHERE level = 'community'`);
  const idOf = new Map(rows.map((r) => [r.name, r.id]));
  const communities = COMMUNITIES.filter((c) => idOf.has(c.name));
  if (communities.length === 0) return;
  const inspector = (street: number) => `${STREETS[street].name}考评组`;
  const [past, current, next] = AWARD_YEARS;

  const rounds = await db
    .insert(awardRounds)
    .values([
      { year: past, potFen: AWARD_POT_YUAN * 100, floorScore: FLOOR, maxShare: MAX_SHARE, status: 'paid', approvedOn: `${past}-12-10`, approvedBy: '市民政局' },
      { year: current, potFen: AWARD_POT_YUAN * 100, floorScore: FLOOR, maxShare: MAX_SHARE, status: 'draft' },
      // Next year's inspection scores each of the six aims and the four haves, weighted.
      { year: next, potFen: AWARD_POT_YUAN * 100, floorScore: FLOOR, maxShare: MAX_SHARE, status: 'draft', items: DEFAULT_INSPECTION_ITEMS },
    ])
    .returning();
  const roundOf = (year: number) => rounds.find((r) => r.year === year)!;

  // Scores: last year's and this year's inspections.
  for (const [k, year] of [past, current].entries()) {
    await db.insert(awardScores).values(
      communities.map((c) => ({
        roundId: roundOf(year).id,
        communityId: idOf.get(c.name)!,
        score: SCORES[c.name][k],
        inspector: inspector(c.street),
        inspectedOn: k === 0 ? `${year}-12-05` : `${year}-11-20`,
        note: k === 0 ? '年度考评' : '年度考评（待审批）',
      })),
    );
  }

  // Last year's amounts, frozen as approved, and their payments (the ledger's reward entries).
  const award = computeAwards({
    pot: AWARD_POT_YUAN,
    floorScore: FLOOR,
    maxShare: MAX_SHARE,
    communities: communities.map((c) => ({ id: c.name, score: SCORES[c.name][0] })),
  });
  await db.insert(awardAllocations).values(
    award.items.map((i) => ({
      roundId: roundOf(past).id,
      communityId: idOf.get(i.id)!,
      score: SCORES[i.id][0],
      amountFen: i.fen,
      kind: i.kind,
      reasonZh: i.reason.zh,
      reasonEn: i.reason.en,
    })),
  );
  const entries = await database.query<{ id: string; communityId: string; fen: number; day: string }>(
    `SELECT id, community_id AS "communityId", amount_fen::float8 AS fen, entry_date::text AS day FROM funding_entries WHERE source = 'reward' AND year = $1`,
    [past],
  );
  const payments = award.items
    .filter((i) => i.fen > 0)
    .map((i, n) => {
      const communityId = idOf.get(i.id)!;
      const entry = entries.find((e) => e.communityId === communityId && e.fen === i.fen);
      return {
        roundId: roundOf(past).id,
        communityId,
        paidOn: entry?.day ?? `${past}-12-20`,
        amountFen: i.fen,
        voucher: `${past}-JB-${String(n + 1).padStart(3, '0')}`,
        fundingEntryId: entry?.id ?? null,
      };
    });
  if (payments.length) await db.insert(awardPayments).values(payments);
}
