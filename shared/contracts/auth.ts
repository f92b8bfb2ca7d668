import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../domain/permissions';
import { TEXT_SIZES } from '../domain/text-size';

/** A code from an authenticator app. */
const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '动态口令为 6 位数字 | the code has 6 digits');

/** Sign-in form. */
export const LoginRequest = z.object({
  /** Account name. */
  username: z.string().trim().min(1).max(64),
  /** Password (never logged). */
  password: z.string().min(1).max(256),
  /** The 6-digit code from the authenticator app, for accounts with a second factor. */
  totpCode: TotpCode.optional(),
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
  /** The account signs in with a TOTP code. */
  totpEnabled: z.boolean(),
  /** An administrator without a second factor yet: may only set one up (or sign out). */
  totpSetupRequired: z.boolean(),
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

/** A new TOTP secret, shown once while the user adds it to an authenticator app. */
export const TotpSetupResponse = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  /** otpauth:// address, for the QR code. */
  otpauthUri: z.string(),
});
export type TotpSetupResponse = z.infer<typeof TotpSetupResponse>;

/** Starts enrolling an authenticator: the password again, and the current code when a factor is in force. */
export const TotpSetupRequest = z.object({
  /** The account's password (asked again: a session alone cannot enrol a factor). */
  password: z.string().min(1).max(256),
  /** The code of the authenticator in force, when replacing it. */
  currentCode: TotpCode.optional(),
});

/** Confirms the setup with the app's current code. */
export const TotpEnableRequest = z.object({ code: TotpCode });

/** One's own display preferences, kept with the account. */
export const Preferences = z.object({
  /** The larger-text setting: standard (14 px), large (16 px) or larger (18 px). */
  textSize: z.enum(TEXT_SIZES),
});
export type Preferences = z.infer<typeof Preferences>;
