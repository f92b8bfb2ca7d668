import { z } from 'zod';

/** The error body every failing endpoint returns. */
export const ErrorResponse = z.object({
  error: z.object({
    /** Stable machine-readable code, e.g. VALIDATION_FAILED. */
    code: z.string(),
    /** Human message in the request's language (zh-CN by default, en by Accept-Language). */
    message: z.string(),
    /** Field paths and reasons for validation errors; other context otherwise. */
    details: z.unknown().optional(),
  }),
});

/** A UUID path parameter. */
export const IdParams = z.object({ id: z.uuid() });

/** Offset pagination; page numbers start at 1. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** A page of items with the total count. */
export const paged = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const Ok = z.object({ ok: z.literal(true) });

/**
 * What the caller may do with the object a detail answer describes, computed by the server from the
 * caller's scope on that object (a street worker may write in one community and only read in another):
 * the web shows only the actions these allow, never a button that answers 403.
 */
export const EditCapabilities = z.object({ canEdit: z.boolean() });
export type EditCapabilities = z.infer<typeof EditCapabilities>;

/** The row version read, sent back on an edit; a stale one gets 409. Bounded to the column's integer range. */
export const Version = z.number().int().min(1).max(2_147_483_647);

/**
 * The age beside a masked ID number. The masked ID keeps its check digit: with the exact age it leaves
 * about 33 possible birth dates, few enough to confirm by exact-ID searches (the search oracle,
 * docs/security.md). Callers without residents.reveal get the 5-year band only.
 */
export const AgeFields = {
  /** Age in whole years today; null for callers without residents.reveal (they get `ageBand`). */
  age: z.number().int().nullable(),
  /** Five-year band, e.g. 35–39 (100+). */
  ageBand: z.string(),
};
