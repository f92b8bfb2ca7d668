import { ERROR_MESSAGES, type ErrorCode } from '../../shared/errors';

/** An error with a stable code; the error handler turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly status: number;
  /** A 404 answered for an object that exists outside the caller's scope: audited as a refusal (see plugins/auth.ts). */
  hiddenByScope = false;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    /** Values for the message's placeholders. */
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
    this.status = ERROR_MESSAGES[code].status;
  }
}

/** A field-level problem, as validation errors list them. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  messageEn?: string;
}

/** 400 naming the fields: `details` is a list of { path, code, message }. */
export function validationError(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', issues, { fields: issues.map((i) => i.path).join(', ') });
}

export const notFound = (what?: string) => new AppError('NOT_FOUND', what ? { object: what } : undefined);
/**
 * 404 for an object that exists but lies outside the caller's scope: the answer is the same as for a
 * missing one (no probing of ids), but the refusal is audited as a security event.
 */
export function outOfScopeNotFound(what: string): AppError {
  const err = notFound(what);
  err.hiddenByScope = true;
  return err;
}
export const versionConflict = (current: number) => new AppError('VERSION_CONFLICT', { currentVersion: current });
