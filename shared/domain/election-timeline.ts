import { addDays } from './dates';
import type { ElectionLawVersion } from './election-law';

/**
 * Every statutory deadline of an election, computed from the election day under the law version in force
 * (DOMAIN.md §4). Calendar days (the law counts them so), on YYYY-MM-DD strings, without time zones.
 */

/** Stable keys of the deadlines, in the order they fall. */
export const DEADLINE_KEYS = [
  'voterListPublished',
  'objectionsClose',
  'objectionsAnswered',
  'candidateListPublished',
  'electionDay',
  'handover',
  'rerunIfVoid',
  'termEnds',
] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** One deadline: the last day for it, what it is, and the rule it comes from. */
export interface Deadline {
  key: DeadlineKey;
  date: string;
  label: { zh: string; en: string };
  basis: { zh: string; en: string };
}

/** Adds whole years; 29 February falls back to 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The deadlines of an election held on `electionDay` under `law`, in the order they fall. */
export function electionTimeline(electionDay: string, law: ElectionLawVersion): Deadline[] {
  const published = addDays(electionDay, -law.voterListDaysBefore);
  const objections = addDays(published, law.objectionDays);
  const answered = addDays(objections, law.objectionAnswerDays);
  const list: Deadline[] = [
    {
      key: 'voterListPublished',
      date: published,
      label: { zh: '公布选民名单', en: 'Publish the voter list' },
      basis: { zh: `选举日前至少 ${law.voterListDaysBefore} 日`, en: `at least ${law.voterListDaysBefore} days before the election` },
    },
    {
      key: 'objectionsClose',
      date: objections,
      label: { zh: '选民名单异议截止', en: 'Objections to the voter list close' },
      basis: { zh: `名单公布之日起 ${law.objectionDays} 日内`, en: `within ${law.objectionDays} days of publication` },
    },
    {
      key: 'objectionsAnswered',
      date: answered,
      label: { zh: '异议答复截止', en: 'Objections answered' },
      basis: { zh: `异议提出后 ${law.objectionAnswerDays} 日内`, en: `within ${law.objectionAnswerDays} days of the objection` },
    },
    {
      key: 'candidateListPublished',
      date: addDays(electionDay, -law.candidateListDaysBefore),
      label: { zh: '公布正式候选人名单', en: 'Publish the formal candidate list' },
      basis: { zh: `选举日前至少 ${law.candidateListDaysBefore} 日`, en: `at least ${law.candidateListDaysBefore} days before the election` },
    },
    {
      key: 'electionDay',
      date: electionDay,
      label: { zh: '选举日', en: 'Election day' },
      basis: { zh: '投票选举', en: 'the vote' },
    },
    {
      key: 'handover',
      date: addDays(electionDay, law.handoverDays),
      label: { zh: '新老班子工作移交', en: 'Handover to the new committee' },
      basis: { zh: `选举后 ${law.handoverDays} 日内`, en: `within ${law.handoverDays} days of the election` },
    },
    {
      key: 'rerunIfVoid',
      date: addDays(electionDay, law.rerunDays),
      label: { zh: '选举无效时重新选举', en: 'Re-run if the election is void' },
      basis: { zh: `选举无效之日起 ${law.rerunDays} 日内`, en: `within ${law.rerunDays} days of a void election` },
    },
    {
      key: 'termEnds',
      date: addYears(electionDay, law.termYears),
      label: { zh: '本届任期届满', en: 'Term ends' },
      basis: { zh: `每届任期 ${law.termYears} 年`, en: `a ${law.termYears}-year term` },
    },
  ];
  return list;
}

export { addDays };
