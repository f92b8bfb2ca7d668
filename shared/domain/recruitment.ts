/**
 * Recruitment of community cadres, "公开招聘、定岗竞争、择优入围、依法选举" (DOMAIN.md §3.3 and §4): who may
 * apply under a posting's conditions, who is invited to the interview, the weighted total and the ranking,
 * and the public notice's dates. Pure rules; the defaults are the speech's example (written 40 % +
 * interview 60 %, 1.5 candidates per post to interview, results posted one week).
 */
import { addDays, ageOn } from './dates';
import { EDUCATION_LEVELS } from './registry';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** The defaults of a posting (each posting carries its own values, starting from these). */
export const RECRUITMENT_DEFAULTS = { writtenWeight: 40, interviewWeight: 60, shortlistRatio: 1.5, noticeDays: 7 } as const;

/** What a posting asks of an applicant. Null means no such condition. */
export interface PostingConditions {
  /** Oldest age allowed, in whole years on the day the application window closes. */
  ageMax: number | null;
  /** Youngest age allowed (18 when not set: a cadre is an adult). */
  ageMin: number | null;
  /** The lowest education accepted, one of EDUCATION_LEVELS (which are in ascending order). */
  educationMin: EducationLevel | null;
}

/** What the eligibility check reads of an applicant. */
export interface ApplicantFacts {
  birthDate: string;
  education: EducationLevel | null;
}

export const ELIGIBILITY_PROBLEMS = ['too_young', 'too_old', 'education_missing', 'education_below'] as const;
export type EligibilityProblem = (typeof ELIGIBILITY_PROBLEMS)[number];

export interface EligibilityResult {
  eligible: boolean;
  /** Every condition not met, in the order above (empty when eligible). */
  problems: EligibilityProblem[];
  /** A readable reason (all problems joined), empty when eligible. */
  reason: { zh: string; en: string };
}

/** The age an applicant must have at least when the posting does not say (an adult). */
export const MIN_AGE = 18;

/**
 * Checks an applicant against a posting's age and education conditions on `onDate` (the day the window
 * closes). The "other conditions" text of a posting is not machine-checked: an official records a failed
 * check on it through an override with a reason.
 */
export function checkEligibility(conditions: PostingConditions, applicant: ApplicantFacts, onDate: string): EligibilityResult {
  const problems: EligibilityProblem[] = [];
  const age = ageOn(applicant.birthDate, onDate);
  const min = conditions.ageMin ?? MIN_AGE;
  if (age < min) problems.push('too_young');
  if (conditions.ageMax !== null && age > conditions.ageMax) problems.push('too_old');
  if (conditions.educationMin) {
    if (!applicant.education) problems.push('education_missing');
    else if (EDUCATION_LEVELS.indexOf(applicant.education) < EDUCATION_LEVELS.indexOf(conditions.educationMin)) problems.push('education_below');
  }
  const text = (lang: 'zh' | 'en') =>
    problems
      .map((p) =>
        p === 'too_young'
          ? ELIGIBILITY_TEXTS[p][lang].replace('{n}', String(min))
          : p === 'too_old'
            ? ELIGIBILITY_TEXTS[p][lang].replace('{n}', String(conditions.ageMax))
            : ELIGIBILITY_TEXTS[p][lang],
      )
      .join(lang === 'zh' ? '；' : '; ');
  return { eligible: problems.length === 0, problems, reason: { zh: text('zh'), en: text('en') } };
}

const ELIGIBILITY_TEXTS: Labels<EligibilityProblem> = {
  too_young: { zh: '报名截止日未满 {n} 周岁', en: 'younger than {n} when applications close' },
  too_old: { zh: '报名截止日已超过 {n} 周岁', en: 'older than {n} when applications close' },
  education_missing: { zh: '未填写学历', en: 'no education given' },
  education_below: { zh: '学历低于招聘要求', en: 'education below the posting’s minimum' },
};

/** How many are invited to the interview: ceil(quota × ratio), never fewer than the quota. */
export function shortlistSize(quota: number, ratio: number): number {
  // Rounded to 6 places first so that 3 × 1.5 = 4.5 → 5 and 2 × 1.5 = 3 stays 3 despite floating point.
  return Math.max(quota, Math.ceil(Math.round(quota * ratio * 1e6) / 1e6));
}

/** An applicant as the shortlist and the ranking see them. */
export interface ScoredApplicant {
  id: string;
  /** Whether the applicant passed the eligibility check (after any override). */
  eligible: boolean;
  written: number | null;
  interview: number | null;
}

/**
 * The applicants invited to the interview: the eligible ones with a written score, best first, the first
 * ceil(quota × ratio) of them. **Ties:** everyone whose written score equals the last invited place's score
 * is invited too (并列者一同进入面试), so the list may be longer than the size but never depends on the
 * order the scores were entered; the answer is sorted by score descending, then by id.
 */
export function shortlist(applicants: ScoredApplicant[], quota: number, ratio: number): string[] {
  const scored = applicants.filter((a) => a.eligible && a.written !== null).sort((a, b) => b.written! - a.written! || a.id.localeCompare(b.id));
  const size = shortlistSize(quota, ratio);
  if (scored.length <= size) return scored.map((a) => a.id);
  const cut = scored[size - 1].written!;
  return scored.filter((a, i) => i < size || a.written === cut).map((a) => a.id);
}

/** Weights of the two tests in percent (they need not sum to 100, but a posting's do by validation). */
export interface ScoreWeights {
  writtenWeight: number;
  interviewWeight: number;
}

/** The weighted total, rounded to two decimals; null while either score is missing. */
export function totalScore(written: number | null, interview: number | null, w: ScoreWeights): number | null {
  if (written === null || interview === null) return null;
  return Math.round(written * w.writtenWeight + interview * w.interviewWeight) / 100;
}

export interface RankedApplicant {
  id: string;
  total: number | null;
  /** 1-based; equal for a tie that the written score does not break; null without a total. */
  rank: number | null;
  /** Within the quota by rank (拟录用 / 拟提名): rank ≤ quota. */
  proposed: boolean;
}

/**
 * Ranks the shortlisted applicants by the weighted total. **Ties:** an equal total is broken by the higher
 * written score (the test everyone sat); equal total and written score share a rank (the next rank is
 * skipped, 1, 1, 3). Applicants missing a score have no total and no rank and come last; so, with
 * a shared rank at the quota's edge, more than `quota` may be proposed — the officials decide (the notice
 * shows them all). Order among equals is by id, so the answer never depends on input order.
 */
export function rankApplicants(shortlisted: ScoredApplicant[], weights: ScoreWeights, quota: number): RankedApplicant[] {
  const withTotal = shortlisted.map((a) => ({ a, total: totalScore(a.written, a.interview, weights) }));
  const complete = withTotal.filter((x) => x.total !== null).sort((x, y) => y.total! - x.total! || y.a.written! - x.a.written! || x.a.id.localeCompare(y.a.id));
  const ranked: RankedApplicant[] = [];
  complete.forEach((x, i) => {
    const prev = complete[i - 1];
    const tied = prev && prev.total === x.total && prev.a.written === x.a.written;
    const rank = tied ? ranked[i - 1].rank! : i + 1;
    ranked.push({ id: x.a.id, total: x.total, rank, proposed: rank <= quota });
  });
  const missing = withTotal
    .filter((x) => x.total === null)
    .sort((x, y) => x.a.id.localeCompare(y.a.id))
    .map((x) => ({ id: x.a.id, total: null, rank: null, proposed: false }));
  return [...ranked, ...missing];
}

/**
 * The notice's last day is start + days − 1; it has ended from `noticeEnd(start, days)` = start + days on
 * (a 7-day notice from 1 June runs 1–7 June, and appointment is possible from 8 June).
 */
export function noticeEnd(start: string, days: number): string {
  return addDays(start, days);
}

/** Where a posting stands on a day. */
export const POSTING_STAGES = ['upcoming', 'open', 'closed', 'notice', 'noticeEnded', 'withdrawn'] as const;
export type PostingStage = (typeof POSTING_STAGES)[number];

/** Where a posting stands on `day`: a withdrawn one stays withdrawn, otherwise the dates decide. */
export function postingStage(
  p: { opensOn: string; closesOn: string; noticeStart: string | null; noticeEnd: string | null; withdrawnOn?: string | null },
  day: string,
): PostingStage {
  if (p.withdrawnOn) return 'withdrawn';
  if (p.noticeStart && p.noticeEnd) return day >= p.noticeEnd ? 'noticeEnded' : 'notice';
  if (day < p.opensOn) return 'upcoming';
  if (day <= p.closesOn) return 'open';
  return 'closed';
}

export const POSTING_STAGE_LABELS: Labels<PostingStage> = {
  upcoming: { zh: '未开始报名', en: 'Not yet open' },
  open: { zh: '报名中', en: 'Open for applications' },
  closed: { zh: '资格审查与考试', en: 'Checks and tests' },
  notice: { zh: '结果公示中', en: 'Results on notice' },
  noticeEnded: { zh: '公示期满', en: 'Notice ended' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** What became of a proposed applicant after the notice. */
export const RECRUITMENT_OUTCOMES = ['appointed', 'candidate'] as const;
export type RecruitmentOutcome = (typeof RECRUITMENT_OUTCOMES)[number];
