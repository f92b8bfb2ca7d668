import { lawVersionOn } from '../../../shared/domain/election-law';
import { tallyElection } from '../../../shared/domain/election-tally';
import { addDays } from '../../../shared/domain/election-timeline';
import type { RoundResult } from '../../../shared/contracts/elections';
import { transaction, type Database } from '../../db/client';
import { COMMUNITIES } from '../../db/seed/demo-city';
import { rng } from '../../db/seed/random';
import { today } from '../../lib/clock';
import { ElectionsRepository } from './elections.repository';
import { VOTING_RESIDENCE_TYPES } from './elections.service';

/**
 * The demo city's elections in 城东社区: the 7th committee elected in 2021 under the 2018 text (a
 * completed, contested election with its roll, nine candidates for seven seats, three polling stations
 * and the result), and the 8th in preparation, its vote 40 days from the day of seeding, so that its
 * statutory deadlines show on the 工作台. Candidates are drawn from the registry deterministically.
 */
export async function seedElections(database: Database, seed: number) {
  const { db } = database;
  const repo = new ElectionsRepository(db);
  const [community] = await database.query<{ id: string }>(`SELECT id FROM regions WHERE code = $1`, [COMMUNITIES[0].code]);
  if (!community) return;
  const random = rng(seed ^ 0x2021);

  const done = await repo.insert({
    communityId: community.id,
    term: 7,
    mode: 'all_voters',
    seatsDirector: 1,
    seatsDeputy: 1,
    seatsMember: 5,
    electionDate: '2021-06-20',
    lawCode: lawVersionOn('2021-06-20').code,
    status: 'preparing',
  });
  await transaction(db, async () => repo.deriveRoll(done, 18, VOTING_RESIDENCE_TYPES));
  const counts = await repo.rollCounts(done.id);
  // Nine voters of working age from different households, women among them: 2 for director, 2 for deputy, 5 for member.
  const pool = await database.query<{ id: string; sex: 'F' | 'M' }>(
    `SELECT DISTINCT ON (r.household_id) r.id, r.sex FROM election_voters v JOIN residents r ON r.id = v.resident_id
     WHERE v.election_id = $1 AND r.birth_date BETWEEN '1966-01-01' AND '1990-12-31' AND r.household_id IS NOT NULL
     ORDER BY r.household_id, r.id LIMIT 60`,
    [done.id],
  );
  const women = pool.filter((p) => p.sex === 'F');
  const men = pool.filter((p) => p.sex === 'M');
  if (women.length < 3 || men.length < 6 || counts.voters < 100) return;
  const chosen = [men[0]!, women[0]!, men[1]!, men[2]!, women[1]!, men[3]!, men[4]!, women[2]!, men[5]!];
  const posts = ['director', 'director', 'deputy', 'deputy', 'member', 'member', 'member', 'member', 'member'] as const;
  const candidates = [];
  for (const [i, p] of chosen.entries())
    candidates.push(
      await repo.insertCandidate({
        communityId: community.id,
        electionId: done.id,
        residentId: p.id,
        post: posts[i]!,
        nominatorCount: 10 + Math.floor(random.next() * 30),
      }),
    );
  // 86% turnout over three stations; the first seven candidates are clearly preferred.
  const returned = Math.floor(counts.voters * 0.86);
  const stations = ['第一投票站（社区服务中心）', '第二投票站（东园小区）', '流动票箱'];
  const shares = [0.55, 0.35, 0.1];
  const support = [0.82, 0.64, 0.78, 0.58, 0.75, 0.71, 0.69, 0.66, 0.31];
  let left = returned;
  for (const [i, station] of stations.entries()) {
    const ballots = i === stations.length - 1 ? left : Math.floor(returned * shares[i]!);
    left -= ballots;
    const invalid = Math.floor(ballots * 0.015);
    const votes = Object.fromEntries(candidates.map((c, k) => [c.id, Math.floor((ballots - invalid) * (support[k]! - 0.02 + random.next() * 0.04))]));
    await repo.upsertTally({
      communityId: community.id,
      electionId: done.id,
      round: 1,
      station,
      ballotsIssued: ballots + Math.floor(ballots * 0.01),
      ballotsReturned: ballots,
      invalidBallots: invalid,
      votes,
    });
  }
  const tallies = await repo.tallies(done.id);
  const votes: Record<string, number> = {};
  for (const t of tallies) for (const [k, v] of Object.entries(t.votes)) votes[k] = (votes[k] ?? 0) + v;
  const sum = (k: 'ballotsIssued' | 'ballotsReturned' | 'invalidBallots') => tallies.reduce((s, t) => s + t[k], 0);
  const input = {
    seats: 7,
    registeredVoters: counts.voters,
    ballotsIssued: sum('ballotsIssued'),
    ballotsReturned: sum('ballotsReturned'),
    invalidBallots: sum('invalidBallots'),
    requireWoman: true,
    candidates: candidates.map((c, k) => ({ id: c.id, name: String(k), sex: chosen[k]!.sex })),
    votes,
  };
  const result = tallyElection(input);
  const stored: RoundResult = {
    ...result,
    round: 1,
    seats: input.seats,
    registeredVoters: input.registeredVoters,
    ballotsIssued: input.ballotsIssued,
    ballotsReturned: input.ballotsReturned,
    invalidBallots: input.invalidBallots,
    votes,
    computedAt: '2021-06-20T18:00:00+08:00',
  };
  await repo.saveResults(done.id, done.version, [stored], result.valid && result.unfilledSeats === 0 ? 'completed' : 'runoff');

  // The next term, in preparation: roll derived, three nominations so far (the checks show what is missing).
  const day = addDays(today(), 40);
  const next = await repo.insert({
    communityId: community.id,
    term: 8,
    mode: 'all_voters',
    seatsDirector: 1,
    seatsDeputy: 2,
    seatsMember: 4,
    electionDate: day,
    lawCode: lawVersionOn(day).code,
    status: 'preparing',
  });
  await transaction(db, async () => repo.deriveRoll(next, 18, VOTING_RESIDENCE_TYPES));
  for (const [i, p] of [men[6], women[3], men[7]].entries())
    if (p && (await repo.voter(next.id, p.id)))
      await repo.insertCandidate({
        communityId: community.id,
        electionId: next.id,
        residentId: p.id,
        post: i === 0 ? 'director' : 'member',
        nominatorCount: 12 + i,
      });
}
