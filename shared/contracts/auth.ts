import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../domain/permissions';

/** Sign-in form. */
export const LoginRequest = z.object({
  /** Account name. */
  username: z.string().trim().min(1).max(64),
  /** Password (never logged). */
  password: z.string().min(1).max(256),
});

/** One (role, region) grant as the web sees it. */
export const GrantView = z.object({
  role: z.enum(ROLES),
  regionId: z.uuid(),
  regionName: z.string(),
  regionLevel: z.enum(['city', 'street', 'community', 'grid']),
  domain: z.string().nullable(),
});

/** The signed-in user. */
export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  grants: z.array(GrantView),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Me = z.infer<typeof Me>;

/** Answer to sign-in and to /me: the user and the CSRF token for state-changing requests. */
export const SessionResponse = z.object({
  user: Me,
  /** Send back in the `x-csrf-token` header on POST/PUT/PATCH/DELETE. */
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** Change one's own password. */
export const ChangePasswordRequest = z.object({
  /** The password in use now. */
  currentPassword: z.string().min(1).max(256),
  /** The new password; must meet the password policy. */
  newPassword: z.string().min(1).max(256),
});
