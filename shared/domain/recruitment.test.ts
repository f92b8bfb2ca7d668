import { describe, expect, it } from 'vitest';
import { checkEligibility, noticeEnd, postingStage, rankApplicants, shortlist, shortlistSize, totalScore, type ScoredApplicant } from './recruitment';

const conditions = { ageMax: 35, ageMin: null, educationMin: 'college' as const };

describe('checkEligibility', () => {
  it('passes an applicant within the age limit with enough education', () => {
    expect(checkEligibility(conditions, { birthDate: '1995-05-01', education: 'bachelor' }, '2026-06-30')).toEqual({
      eligible: true,
      problems: [],
      reason: { zh: '', en: '' },
    });
  });

  it('counts the age on the closing day: 35 on that day passes, 36 fails', () => {
    expect(checkEligibility(conditions, { birthDate: '1990-06-30', education: 'college' }, '2026-06-30').eligible).toBe(false);
    expect(checkEligibility(conditions, { birthDate: '1990-07-01', education: 'college' }, '2026-06-30').eligible).toBe(true);
  });

  it('names every problem: too old and education below the minimum, in both languages', () => {
    const r = checkEligibility(conditions, { birthDate: '1980-01-01', education: 'senior' }, '2026-06-30');
    expect(r.problems).toEqual(['too_old', 'education_below']);
    expect(r.reason.zh).toBe('报名截止日已超过 35 周岁；学历低于招聘要求');
    expect(r.reason.en).toContain('older than 35');
  });

  it('refuses a minor even without an age condition, and a missing education when one is required', () => {
    expect(checkEligibility({ ageMax: null, ageMin: null, educationMin: null }, { birthDate: '2010-01-01', education: null }, '2026-06-30').problems).toEqual([
      'too_young',
    ]);
    expect(checkEligibility(conditions, { birthDate: '1995-01-01', education: null }, '2026-06-30').problems).toEqual(['education_missing']);
  });
});

const a = (id: string, written: number | null, interview: number | null = null, eligible = true): ScoredApplicant => ({ id, eligible, written, interview });

describe('shortlist', () => {
  it('invites ceil(quota × ratio): 2 posts × 1.5 = 3, 3 posts × 1.5 = 5', () => {
    expect(shortlistSize(2, 1.5)).toBe(3);
    expect(shortlistSize(3, 1.5)).toBe(5);
    expect(shortlistSize(1, 1)).toBe(1);
    expect(shortlistSize(2, 0.5)).toBe(2);
  });

  it('takes the best written scores of the eligible, leaving out the ineligible and those without a score', () => {
    const list = [a('a', 70), a('b', 90), a('c', 95, null, false), a('d', 80), a('e', null), a('f', 60)];
    expect(shortlist(list, 2, 1.5)).toEqual(['b', 'd', 'a']);
  });

  it('invites everyone tied with the last place, whatever the input order', () => {
    const list = [a('x', 85), a('y', 80), a('z', 80), a('w', 90), a('v', 70)];
    expect(shortlist(list, 2, 1)).toEqual(['w', 'x']);
    expect(shortlist(list, 1, 3)).toEqual(['w', 'x', 'y', 'z']);
    expect(shortlist([...list].reverse(), 1, 3)).toEqual(['w', 'x', 'y', 'z']);
  });

  it('invites all when there are fewer than the size', () => {
    expect(shortlist([a('a', 50)], 2, 1.5)).toEqual(['a']);
  });
});

describe('totalScore and rankApplicants', () => {
  const w = { writtenWeight: 40, interviewWeight: 60 };

  it('weights written 40 and interview 60, to two decimals; null while a score is missing', () => {
    expect(totalScore(80, 90, w)).toBe(86);
    expect(totalScore(81.5, 77.25, w)).toBe(78.95);
    expect(totalScore(80, null, w)).toBeNull();
  });

  it('ranks by total, breaks a tie on total by the written score, shares a rank when both are equal', () => {
    // b and c both total 84; c's written score is higher. d and e are equal in both.
    const ranked = rankApplicants([a('a', 90, 90), a('b', 75, 90), a('c', 90, 80), a('e', 70, 70), a('d', 70, 70)], w, 2);
    expect(ranked.map((r) => [r.id, r.total, r.rank, r.proposed])).toEqual([
      ['a', 90, 1, true],
      ['c', 84, 2, true],
      ['b', 84, 3, false],
      ['d', 70, 4, false],
      ['e', 70, 4, false],
    ]);
  });

  it('proposes everyone sharing the quota’s last rank, and puts those missing a score last without a rank', () => {
    const ranked = rankApplicants([a('m', 80, null), a('p', 80, 80), a('q', 80, 80), a('r', 60, 60)], w, 1);
    expect(ranked).toEqual([
      { id: 'p', total: 80, rank: 1, proposed: true },
      { id: 'q', total: 80, rank: 1, proposed: true },
      { id: 'r', total: 60, rank: 3, proposed: false },
      { id: 'm', total: null, rank: null, proposed: false },
    ]);
  });
});

describe('notice and stage', () => {
  it('ends a 7-day notice from 1 June on 8 June', () => {
    expect(noticeEnd('2026-06-01', 7)).toBe('2026-06-08');
  });

  it('follows the posting through window, tests, notice and its end', () => {
    const p = { opensOn: '2026-05-01', closesOn: '2026-05-15', noticeStart: null, noticeEnd: null };
    expect(postingStage(p, '2026-04-30')).toBe('upcoming');
    expect(postingStage(p, '2026-05-15')).toBe('open');
    expect(postingStage(p, '2026-05-16')).toBe('closed');
    const n = { ...p, noticeStart: '2026-06-01', noticeEnd: '2026-06-08' };
    expect(postingStage(n, '2026-06-07')).toBe('notice');
    expect(postingStage(n, '2026-06-08')).toBe('noticeEnded');
    // Withdrawn stays withdrawn, whatever the dates.
    expect(postingStage({ ...n, withdrawnOn: '2026-06-02' }, '2026-06-07')).toBe('withdrawn');
    expect(postingStage({ ...p, withdrawnOn: '2026-04-01' }, '2026-05-15')).toBe('withdrawn');
  });
});
