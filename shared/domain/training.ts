/**
 * Cadre training (短期培训、以会代训、网络培训) and its cadence (DOMAIN.md §4: party secretaries and
 * directors yearly, other staff every two years — a setting). Pure rules.
 */
import type { CadrePost } from './staffing';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const TRAINING_FORMS = ['short_course', 'meeting', 'online'] as const;
export type TrainingForm = (typeof TRAINING_FORMS)[number];
export const TRAINING_FORM_LABELS: Labels<TrainingForm> = {
  short_course: { zh: '短期培训', en: 'Short course' },
  meeting: { zh: '以会代训', en: 'Training at a meeting' },
  online: { zh: '网络培训', en: 'Online' },
};

/** Years between trainings: for directors and party secretaries, and for everyone else. */
export interface TrainingCadence {
  leaderYears: number;
  otherYears: number;
}
export const DEFAULT_CADENCE: TrainingCadence = { leaderYears: 1, otherYears: 2 };

/** Posts trained on the leaders' cadence. */
export const LEADER_POSTS: readonly CadrePost[] = ['secretary_director', 'party_secretary', 'director'];

/** Days before the due date in which a training shows as due (a reminder, not yet overdue). */
export const TRAINING_DUE_SOON_DAYS = 60;

/** Adds whole years to a YYYY-MM-DD day (29 February → 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export type TrainingStatus = 'ok' | 'due' | 'overdue';

/**
 * When a cadre's next training is due and whether it is now due or overdue. The interval counts from the
 * last training, or from the day the cadre took the post when there has been none (a new cadre is trained
 * within the first interval).
 */
export function trainingDue(
  post: CadrePost,
  lastTraining: string | null,
  startDate: string,
  today: string,
  cadence: TrainingCadence = DEFAULT_CADENCE,
): { dueDate: string; status: TrainingStatus; intervalYears: number } {
  const intervalYears = LEADER_POSTS.includes(post) ? cadence.leaderYears : cadence.otherYears;
  const from = lastTraining && lastTraining > startDate ? lastTraining : (lastTraining ?? startDate);
  const dueDate = addYears(from, intervalYears);
  const status: TrainingStatus = dueDate < today ? 'overdue' : dueDate <= addDays(today, TRAINING_DUE_SOON_DAYS) ? 'due' : 'ok';
  return { dueDate, status, intervalYears };
}
