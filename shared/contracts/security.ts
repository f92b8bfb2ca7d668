import { z } from 'zod';
import { Version } from './common';

/**
 * The security settings the security administrator keeps (等保 level 3): stored in the database, read by
 * sign-in and session checks on every request (no restart). The environment's values are the defaults.
 */
export const SecuritySettings = z.object({
  /** Minimum password length. */
  passwordMinLength: z.number().int().min(6).max(128),
  /** Minimum character classes (lower, upper, digit, other). */
  passwordMinClasses: z.number().int().min(1).max(4),
  /** A password older than this must be changed (0: never). */
  passwordMaxAgeDays: z.number().int().min(0).max(3650),
  /** How many previous passwords may not be reused. */
  passwordHistory: z.number().int().min(0).max(24),
  /** Failed attempts (password or code) that lock an account. */
  lockoutThreshold: z.number().int().min(1).max(100),
  /** How long a lock lasts. */
  lockoutMinutes: z.number().int().min(1).max(1440),
  /** A session unused this long ends. */
  sessionIdleMinutes: z.number().int().min(1).max(1440),
  /** A session ends this long after sign-in whatever its use. */
  sessionAbsoluteHours: z.number().int().min(1).max(72),
  /** The three administrators sign in with a TOTP code. */
  adminTotp: z.enum(['required', 'off']),
  /** Roles reading personal data city-wide sign in with a TOTP code. */
  sensitiveTotp: z.enum(['required', 'off']),
});
export type SecuritySettingsT = z.infer<typeof SecuritySettings>;

/** The settings in force, the environment's defaults, and who changed them last. */
export const SecuritySettingsView = z.object({
  settings: SecuritySettings,
  defaults: SecuritySettings,
  /** Null while the defaults are in force (never changed). */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Send it back on PUT; a stale one gets 409. 0 while never changed. */
  version: z.number().int().min(0),
});

/** Replace the settings (all fields), with the version read. */
export const UpdateSecuritySettingsRequest = SecuritySettings.extend({ version: z.union([z.literal(0), Version]) });

/** An account locked by failed attempts. */
export const LockedAccount = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  failedAttempts: z.number().int(),
  /** ISO date-time the lock ends. */
  lockedUntil: z.string(),
});
export const LockedAccountsResponse = z.object({ items: z.array(LockedAccount) });

/** A signed-in browser, as the security administrator sees it (never the token nor its hash). */
export const ActiveSession = z.object({
  /** An opaque id derived from the session, for ending it. */
  id: z.string(),
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The caller's own session. */
  current: z.boolean(),
});
export const ActiveSessionsResponse = z.object({ items: z.array(ActiveSession) });

/** The path parameter of a session. */
export const SessionParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/) });
