import { z } from 'zod';
import { NOTICE_AUDIENCES, NOTICE_BODY_MAX, NOTICE_IMPORTANCE, NOTICE_LEVELS, NOTICE_REASON_MAX, NOTICE_STATUSES, NOTICE_TITLE_MAX } from '../domain/notices';
import { Version } from './common';

const dateStr = z.iso.date();

// ------------------------------------------------------------------ list

export const NoticesQuery = z.object({
  /** A fragment of the title or the text. */
  q: z.string().trim().max(50).optional(),
  /** current: published today; scheduled, expired and withdrawn reach only those who may manage the notice. */
  status: z.enum(NOTICE_STATUSES).optional(),
  audience: z.enum(NOTICE_AUDIENCES).optional(),
  importance: z.enum(NOTICE_IMPORTANCE).optional(),
  /** Only notices addressed to this region. */
  regionId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type NoticesQuery = z.infer<typeof NoticesQuery>;

/** A notice as lists show it (without its text). */
export const NoticeListItem = z.object({
  id: z.uuid(),
  /** The region it is addressed to. */
  regionId: z.uuid(),
  regionName: z.string(),
  regionLevel: z.enum(NOTICE_LEVELS),
  /** The community, when the notice is addressed to a community. */
  communityId: z.uuid().nullable(),
  title: z.string(),
  audience: z.enum(NOTICE_AUDIENCES),
  importance: z.enum(NOTICE_IMPORTANCE),
  /** YYYY-MM-DD */
  publishFrom: z.string(),
  /** YYYY-MM-DD; null: until withdrawn. */
  publishUntil: z.string().nullable(),
  pinned: z.boolean(),
  authorName: z.string(),
  /** On today (the city's). */
  status: z.enum(NOTICE_STATUSES),
  /** Whether the caller may edit and withdraw it (a writer whose scope holds its region). */
  canEdit: z.boolean(),
  /** Whether the caller has opened it (已读). */
  read: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type NoticeListItem = z.infer<typeof NoticeListItem>;
export const NoticesPage = z.object({ items: z.array(NoticeListItem), total: z.number().int() });
export type NoticesPage = z.infer<typeof NoticesPage>;

/** One notice with its text and, when withdrawn, when and why. */
export const NoticeDetail = NoticeListItem.extend({
  body: z.string(),
  /** ISO 8601 */
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  createdAt: z.string(),
  /** How many users have read it: for those who may edit it, else null. */
  readCount: z.number().int().nullable(),
});
export type NoticeDetail = z.infer<typeof NoticeDetail>;

// ------------------------------------------------------------------ writes

const fields = {
  /** The city, a street, a community or a grid within the writer's scope. */
  regionId: z.uuid(),
  title: z
    .string()
    .trim()
    .min(1, '请填写标题 | title is required')
    .max(NOTICE_TITLE_MAX, `标题最多 ${NOTICE_TITLE_MAX} 字 | title is at most ${NOTICE_TITLE_MAX} characters`),
  /** Plain text. */
  body: z
    .string()
    .trim()
    .min(1, '请填写正文 | text is required')
    .max(NOTICE_BODY_MAX, `正文最多 ${NOTICE_BODY_MAX} 字 | text is at most ${NOTICE_BODY_MAX} characters`),
  audience: z.enum(NOTICE_AUDIENCES),
  importance: z.enum(NOTICE_IMPORTANCE),
  publishFrom: dateStr,
  publishUntil: dateStr.nullable(),
  pinned: z.boolean(),
};

/** Publish a notice (publishFrom defaults to today; a later day schedules it). */
export const CreateNoticeRequest = z.object({
  regionId: fields.regionId,
  title: fields.title,
  body: fields.body,
  audience: fields.audience.default('all'),
  importance: fields.importance.default('normal'),
  publishFrom: fields.publishFrom.optional(),
  publishUntil: fields.publishUntil.optional(),
  pinned: fields.pinned.default(false),
});
export type CreateNoticeRequest = z.infer<typeof CreateNoticeRequest>;

/** Edit a notice at the version read; 409 naming `version` when someone changed it since. */
export const UpdateNoticeRequest = z.object({
  version: Version,
  regionId: fields.regionId.optional(),
  title: fields.title.optional(),
  body: fields.body.optional(),
  audience: fields.audience.optional(),
  importance: fields.importance.optional(),
  publishFrom: fields.publishFrom.optional(),
  publishUntil: fields.publishUntil.optional(),
  pinned: fields.pinned.optional(),
});
export type UpdateNoticeRequest = z.infer<typeof UpdateNoticeRequest>;

/** Withdraw a notice (撤回): it reaches no reader any more; the reason is kept and audited. */
export const WithdrawNoticeRequest = z.object({
  version: Version,
  reason: z
    .string()
    .trim()
    .min(1, '请填写撤回原因 | a reason is required')
    .max(NOTICE_REASON_MAX, `原因最多 ${NOTICE_REASON_MAX} 字 | the reason is at most ${NOTICE_REASON_MAX} characters`),
});
export type WithdrawNoticeRequest = z.infer<typeof WithdrawNoticeRequest>;
