import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types';

/** A person who signs in. Personal data lives in the registry; an account only links to it. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    /** For resident accounts: the registry person this account belongs to. */
    residentId: uuid('resident_id'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Second factor: the TOTP secret, encrypted like ID numbers; set at setup, in force once enabled. */
    totpCipher: bytea('totp_cipher'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last time step whose code was accepted: a code works once. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** A new secret being enrolled (setup), until a code from it turns it on (enable). */
    totpPendingCipher: bytea('totp_pending_cipher'),
    version: integer('version').notNull().default(1),
    /** The larger-text setting (shared/domain/text-size.ts), kept per account. */
    textSize: text('text_size').notNull().default('standard'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username)],
);

/** One (role, region scope[, domain]) a user holds. */
export const userGrants = pgTable(
  'user_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    regionId: uuid('region_id').notNull(),
    /** Department roles: the domain they own (police, health, labour …). */
    domain: text('domain'),
    /**
     * 三员: a grant carrying personal data (or an administrator role) waits here for a second person's
     * approval and gives no permission until then.
     */
    pending: boolean('pending').notNull().default(false),
    /** Who made the grant (null: the seed or the bootstrap). */
    requestedBy: uuid('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who approved it (null: it needed no approval, or came from the seed). */
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [index('user_grants_user_idx').on(t.userId), index('user_grants_pending_idx').on(t.pending)],
);

/** The previous password hashes of a user (PASSWORD_HISTORY): a new password may not be one of them. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    /** When this password stopped being the current one. */
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.replacedAt)],
);
