import { z } from 'zod';
import { PageQuery } from './common';

/** Filters on the audit log. */
export const AuditQuery = PageQuery.extend({
  /** Exact action, e.g. residents.reveal. */
  action: z.string().max(100).optional(),
  /** Exact username. */
  username: z.string().max(64).optional(),
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
  /** The first entry whose hash or link does not match. */
  brokenAt: z.number().int().optional(),
  reason: z.enum(['hash_mismatch', 'link_mismatch']).optional(),
});
