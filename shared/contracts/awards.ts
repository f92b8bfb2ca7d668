import { z } from 'zod';
import { Version } from './common';

/** The city's 以奖代补 pot a year when a round names none (the speech: 30 万元 a year for three years). */
export const DEFAULT_AWARD_POT_YUAN = 300_000;
/** The floor score and the cap a new round starts with (the demo city's rules). */
export const DEFAULT_AWARD_FLOOR = 60;
export const DEFAULT_AWARD_MAX_SHARE = 0.2;

/** draft: scores may change; approved: amounts frozen; paid: every amount paid out. */
export const AWARD_ROUND_STATUSES = ['draft', 'approved', 'paid'] as const;
export type AwardRoundStatus = (typeof AWARD_ROUND_STATUSES)[number];

const dateStr = z.iso.date();
/** Yuan, > 0, at most two decimals. */
const yuan = z
  .number()
  .positive('金额须大于 0 | amount must be positive')
  .max(10_000_000_000)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '金额最多两位小数 | amount has at most two decimals');

/** An inspection item of a round and its weight. */
export const InspectionItemSchema = z.object({
  /** Stable key (lower case letters, digits, _). */
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, '项目代码只能包含小写字母、数字和下划线 | key is lower case letters, digits and _')
    .max(40),
  label: z.string().trim().min(1, '请填写项目名称 | label is required').max(40),
  /** Relative weight (> 0). */
  weight: z.number().positive('权重须大于 0 | weight must be positive').max(1000),
});
const Items = z
  .array(InspectionItemSchema)
  .max(20)
  .refine((a) => new Set(a.map((i) => i.key)).size === a.length, '考评项目代码重复 | item keys repeat');

/** One year's round as lists show it. */
export const AwardRoundView = z.object({
  id: z.uuid(),
  year: z.number().int(),
  /** Yuan. */
  pot: z.number(),
  floorScore: z.number(),
  /** The largest share of the pot one community may get; null = no cap. */
  maxShare: z.number().nullable(),
  /** The inspection items and weights; empty: one overall score per community. */
  items: z.array(InspectionItemSchema),
  status: z.enum(AWARD_ROUND_STATUSES),
  approvedOn: z.string().nullable(),
  approvedBy: z.string().nullable(),
  /** Yuan paid so far (in the caller's scope). */
  paid: z.number(),
  /** Communities scored / communities in the caller's scope. */
  scored: z.number().int(),
  communities: z.number().int(),
  version: z.number().int(),
});
export type AwardRoundView = z.infer<typeof AwardRoundView>;
export const AwardRoundList = z.object({ items: z.array(AwardRoundView) });

/** One payment of a community's award. */
export const AwardPaymentView = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  paidOn: z.string(),
  /** Yuan. */
  amount: z.number(),
  voucher: z.string(),
  /** The 以奖代补 allocation it wrote to the four-haves funding ledger. */
  fundingEntryId: z.uuid().nullable(),
});
export type AwardPaymentView = z.infer<typeof AwardPaymentView>;

/** One community's line: its score, its amount and why. */
export const AwardLine = z.object({
  communityId: z.uuid(),
  communityName: z.string(),
  /** null: not scored yet. */
  score: z.number().nullable(),
  /** Each item's score (rounds with items). */
  itemScores: z.record(z.string(), z.number()).nullable(),
  inspector: z.string().nullable(),
  inspectedOn: z.string().nullable(),
  note: z.string().nullable(),
  /** The score's version (for its edit); null before the first score. */
  scoreVersion: z.number().int().nullable(),
  /** Yuan; null while the distribution cannot be computed. Frozen once approved. */
  amount: z.number().nullable(),
  /** below_floor | zero_score | capped | proportional | unscored */
  kind: z.string().nullable(),
  /** Why this amount, in the request's language. */
  reason: z.string(),
  /** Yuan paid so far. */
  paid: z.number(),
});
export type AwardLine = z.infer<typeof AwardLine>;

export const AwardRoundDetail = AwardRoundView.extend({
  lines: z.array(AwardLine),
  /** Sum of the amounts of the lines shown (yuan). */
  total: z.number(),
  /** Why the distribution cannot be computed yet (communities without a score, nobody eligible …); null when it can. */
  blocked: z.string().nullable(),
  payments: z.array(AwardPaymentView),
});
export type AwardRoundDetail = z.infer<typeof AwardRoundDetail>;

const score = z.number().min(0, '得分须在 0–100 之间 | score is 0–100').max(100, '得分须在 0–100 之间 | score is 0–100');
const floorScore = z.number().min(0, '最低分须在 0–100 之间 | floorScore is 0–100').max(100, '最低分须在 0–100 之间 | floorScore is 0–100');
const maxShare = z.number().gt(0, '上限比例须大于 0 | maxShare must be above 0').max(1, '上限比例不能超过 1 | maxShare is at most 1');

/** Open the round of a year; the pot defaults to 300,000 yuan. */
export const CreateAwardRoundRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  pot: yuan.optional(),
  floorScore: floorScore.optional(),
  maxShare: maxShare.nullable().optional(),
  /** Score by these items (weighted); absent or empty: one overall score. */
  items: Items.optional(),
});
export type CreateAwardRoundRequest = z.infer<typeof CreateAwardRoundRequest>;

/** Change the pot or the formula of a draft round. */
export const UpdateAwardRoundRequest = z.object({
  version: Version,
  pot: yuan.optional(),
  floorScore: floorScore.optional(),
  maxShare: maxShare.nullable().optional(),
  /** The items and weights; only before the first score. */
  items: Items.optional(),
});
export type UpdateAwardRoundRequest = z.infer<typeof UpdateAwardRoundRequest>;

/**
 * An inspection's score of one community: the overall `score`, or, in a round with items, `itemScores`
 * (every item, 0–100; the overall score is their weighted mean). `version` absent = the first score.
 */
export const SetAwardScoreRequest = z.object({
  score: score.optional(),
  itemScores: z
    .record(z.string().max(40), z.number())
    .refine((r) => Object.keys(r).length <= 20, '最多 20 个考评项目 | at most 20 items')
    .optional(),
  inspector: z.string().trim().min(1, '请填写考评人 | inspector is required').max(50),
  inspectedOn: dateStr,
  note: z.string().trim().max(500).nullable().optional(),
  version: Version.optional(),
});
export type SetAwardScoreRequest = z.infer<typeof SetAwardScoreRequest>;

export const AwardScoreParams = z.object({ id: z.uuid(), communityId: z.uuid() });

/** Approve a draft round: its amounts are frozen. */
export const ApproveAwardRoundRequest = z.object({ version: Version });

/** Record a payment of a community's award (it also enters the 以奖代补 allocation in the funding ledger). */
export const RecordAwardPaymentRequest = z.object({
  communityId: z.uuid(),
  paidOn: dateStr,
  amount: yuan,
  voucher: z.string().trim().min(1, '请填写凭证号 | voucher is required').max(100),
});
export type RecordAwardPaymentRequest = z.infer<typeof RecordAwardPaymentRequest>;

export const AwardExportQuery = z.object({ communityId: z.uuid().optional() });
