import { z } from 'zod';
import { DOMAINS, ROLES } from '../domain/permissions';
import { PageQuery, Version } from './common';

/** A (role, region) grant to give a user. */
export const GrantInput = z.object({
  role: z.enum(ROLES),
  regionId: z.uuid(),
  /** Required for department roles: police, health, labour … */
  domain: z.enum(DOMAINS).nullable().optional(),
});

/** An account as administrators see it (no personal data). */
export const AccountView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  /** The account has a second factor (TOTP). */
  totpEnabled: z.boolean(),
  /** pending: waits for the security administrator's approval and gives no permission yet (三员). */
  grants: z.array(z.object({ role: z.enum(ROLES), regionId: z.uuid(), regionName: z.string(), domain: z.string().nullable(), pending: z.boolean() })),
  version: z.number().int(),
  createdAt: z.string(),
});

export const AccountsQuery = PageQuery.extend({ q: z.string().trim().max(64).optional() });
export const AccountsPage = z.object({ items: z.array(AccountView), total: z.number().int() });

/** Create an account. */
export const CreateAccountRequest = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '用户名须为 3–32 位小写字母、数字、点、横线 | username: 3–32 lowercase letters, digits, . _ -'),
  displayName: z.string().trim().min(1).max(50),
  /** Initial password; the user must change it at first sign-in. */
  password: z.string().min(1).max(256),
  grants: z.array(GrantInput).min(1).max(20),
});

/** Edit an account (optimistic: carries version). */
export const UpdateAccountRequest = z.object({
  version: Version,
  displayName: z.string().trim().min(1).max(50).optional(),
  disabled: z.boolean().optional(),
  grants: z.array(GrantInput).min(1).max(20).optional(),
});

/** Administrator's password reset. */
export const ResetPasswordRequest = z.object({ newPassword: z.string().min(1).max(256) });

/** A grant waiting for a second person's approval (三员: personal data or an administrator role). */
export const PendingGrant = z.object({
  id: z.uuid(),
  /** The account it is for. */
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionId: z.uuid(),
  regionName: z.string(),
  domain: z.string().nullable(),
  /** Username of the administrator who made the grant (null: unknown). */
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
});
export type PendingGrant = z.infer<typeof PendingGrant>;
export const PendingGrants = z.object({ items: z.array(PendingGrant) });
