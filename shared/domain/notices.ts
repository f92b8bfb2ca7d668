/**
 * Pure rules of 通知公告 (notices): who a notice reaches, when it is published, and the limits of its text.
 *
 * Reach: a notice is addressed to one region (the city, a street, a community or a grid).
 * - Staff read the notices addressed to a region of their grant, to a region above it (their street, the
 *   city) and to a region below it (a street office: its communities and grids), of every audience.
 * - Residents read the published notices addressed to their own community (or grid), their street and the
 *   city, with the audience `residents` or `all`: only what lies at or above their place.
 * Only a published notice (not withdrawn, publish_from ≤ today ≤ publish_until) reaches a reader; those
 * who may write a notice (its author, or a writer whose scope holds its region) also see it scheduled,
 * expired or withdrawn.
 */

/** Who a notice is for. */
export const NOTICE_AUDIENCES = ['staff', 'residents', 'all'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];

export const NOTICE_IMPORTANCE = ['normal', 'important'] as const;
export type NoticeImportance = (typeof NOTICE_IMPORTANCE)[number];

/** Where a notice stands on a day: published (current), not yet (scheduled), past its end, withdrawn. */
export const NOTICE_STATUSES = ['current', 'scheduled', 'expired', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** The region levels a notice can be addressed to. */
export const NOTICE_LEVELS = ['city', 'street', 'community', 'grid'] as const;

export const NOTICE_TITLE_MAX = 100;
/** Plain text; long enough for a page of a 通知, short enough for a phone. */
export const NOTICE_BODY_MAX = 5000;
export const NOTICE_REASON_MAX = 200;

export const NOTICE_AUDIENCE_LABELS: Record<NoticeAudience, { zh: string; en: string }> = {
  staff: { zh: '工作人员', en: 'Staff' },
  residents: { zh: '居民', en: 'Residents' },
  all: { zh: '全体', en: 'Everyone' },
};

/** The part of a notice its status depends on (dates YYYY-MM-DD). */
export interface NoticeDates {
  publishFrom: string;
  publishUntil: string | null;
  withdrawnAt: Date | string | null;
}

/** The status of a notice on `today` (YYYY-MM-DD, the city's): withdrawn first, then by its dates. */
export function noticeStatus(n: NoticeDates, today: string): NoticeStatus {
  if (n.withdrawnAt) return 'withdrawn';
  if (n.publishFrom > today) return 'scheduled';
  if (n.publishUntil !== null && n.publishUntil < today) return 'expired';
  return 'current';
}

/** Whether a region path lies at or under another (ltree: `a <@ b`). */
const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * Whether a notice addressed to `noticePath` reaches a grant on `grantPath`: a resident's when the notice's
 * region lies at or above the grant's; a staff member's also when it lies below.
 */
export function noticeReaches(noticePath: string, grantPath: string, resident: boolean): boolean {
  if (under(grantPath, noticePath)) return true;
  return !resident && under(noticePath, grantPath);
}

/** The audiences a reader sees: residents the notices for residents or for all; staff every audience. */
export function audiencesFor(resident: boolean): NoticeAudience[] {
  return resident ? ['residents', 'all'] : ['staff', 'residents', 'all'];
}

/** A problem with the publishing window, naming the field; null when it is fine. */
export function publishWindowProblem(publishFrom: string, publishUntil: string | null): { path: 'publishUntil'; code: 'before_start' } | null {
  if (publishUntil !== null && publishUntil < publishFrom) return { path: 'publishUntil', code: 'before_start' };
  return null;
}

/** Most important first, then pinned, then the newest publishing day (the lists' and the 工作台's order). */
export function compareNotices(
  a: { pinned: boolean; importance: NoticeImportance; publishFrom: string; id: string },
  b: { pinned: boolean; importance: NoticeImportance; publishFrom: string; id: string },
): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.importance !== b.importance) return a.importance === 'important' ? -1 : 1;
  if (a.publishFrom !== b.publishFrom) return a.publishFrom > b.publishFrom ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
