import { z } from 'zod';
import { PageQuery } from './common';

/** Filters on the audit log. */
export const AuditQuery = PageQuery.extend({
  /** Exact action, e.g. residents.reveal. */
  action: z.string().max(100).optional(),
  /**
   * Words of an action: matches the codes and the Chinese and English labels (查看 finds residents.reveal);
   * every action whose code or label contains it.
   */
  actionText: z.string().trim().min(1).max(50).optional(),
  /** Exact username. */
  username: z.string().max(64).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  objectType: z.string().max(50).optional(),
  objectId: z.string().max(100).optional(),
  /** ISO date-time, inclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** One audit entry. */
export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** A readable name of the object (a username, a region's name), when its module gives one. */
  objectName: z.string().nullable(),
  communityId: z.string().nullable(),
  outcome: z.string(),
  details: z.unknown().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export const AuditPage = z.object({ items: z.array(AuditEntry), total: z.number().int() });

/** Result of walking the hash chain. */
export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  /** Entries checked before stopping. */
  checked: z.number().int(),
  firstSeq: z.number().int().nullable(),
  lastSeq: z.number().int().nullable(),
  /** The first entry whose hash or link does not match, or the anchored seq the chain fails. */
  brokenAt: z.number().int().optional(),
  /**
   * hash_mismatch: an entry altered; link_mismatch: an entry removed; head_cut: entries deleted at the start
   * outside the retention purge; tail_cut: the chain ends before the newest anchor; anchor_mismatch: the
   * entry at an anchored seq is missing or has another hash (the chain rewritten).
   */
  reason: z.enum(['hash_mismatch', 'link_mismatch', 'head_cut', 'tail_cut', 'anchor_mismatch']).optional(),
  /** Anchors (head seq + hash written every AUDIT_ANCHOR_MINUTES and at shutdown) compared with the chain. */
  anchors: z.number().int(),
  /** The newest anchor: the chain must reach it. */
  lastAnchor: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
});

/** A label in both languages. */
export const AuditLabel = z.object({ zh: z.string(), en: z.string() });

/** The labels of every audit action and object type, from the modules' manifests. */
export const AuditLabelsResponse = z.object({
  /** Action code → label. */
  actions: z.record(z.string(), AuditLabel),
  /** Object type → label. */
  objects: z.record(z.string(), AuditLabel),
});

/** Filters of the export (those of the list, without paging). */
export const AuditExportQuery = AuditQuery.omit({ page: true, pageSize: true });
